package dev.newswire.enrich.stories;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newswire.model.EnrichedArticle;
import dev.newswire.model.NewsJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A pending record's value read once. The story step needs the article as an {@link EnrichedArticle}
 * (its features) and writes it on with {@code storyId}/{@code duplicateOf} added and every other
 * byte as enrich wrote it. It used to build a JSON tree, convert the tree to the record and write the
 * tree back out; here the bytes are parsed straight into the record while the top-level field
 * positions are noted on the way, and the two fields are spliced into the original bytes at the
 * place {@link ArticleJson} puts them (after {@code keyphrases}). Unknown fields, number spellings
 * and string escapes pass through untouched.
 * <p>
 * A value the one pass cannot take (not the record's shape, a non-string id, story fields already
 * present) goes the old way: a tree, checked and rewritten by {@link ArticleJson}; such values are
 * rare (enrich never writes them), so their second parse does not matter.
 */
final class PendingArticle {

    private static final ObjectMapper JSON = NewsJson.mapper();

    private final byte[] value;
    private final EnrichedArticle article;
    private final RuntimeException unreadable;
    /** Byte offset where the story fields go, and whether they come before a field (else before the closing brace). */
    private final int insertAt;
    private final boolean beforeField;
    private final boolean emptyObject;
    /** Set when the value went the tree way. */
    private final ObjectNode tree;

    private PendingArticle(byte[] value, EnrichedArticle article, RuntimeException unreadable, int insertAt, boolean beforeField,
                           boolean emptyObject, ObjectNode tree) {
        this.value = value;
        this.article = article;
        this.unreadable = unreadable;
        this.insertAt = insertAt;
        this.beforeField = beforeField;
        this.emptyObject = emptyObject;
        this.tree = tree;
    }

    /**
     * Reads a pending value; throws {@link IllegalArgumentException} (or a Jackson exception) when it
     * is not an enriched article at all: no JSON object with a string id (a dead letter).
     */
    static PendingArticle read(byte[] value) throws IOException {
        FieldPositions positions;
        EnrichedArticle article;
        try (JsonParser parser = JSON.createParser(value)) {
            positions = new FieldPositions(parser);
            article = JSON.readValue(positions, EnrichedArticle.class);
        } catch (IOException | RuntimeException e) {
            return readAsTree(value);
        }
        if (!positions.complete() || !positions.idIsString || article == null || positions.hasStoryFields()) {
            return readAsTree(value);
        }
        int at = positions.insertionIndex();
        TopLevelToken where = positions.tokens.get(at);
        return new PendingArticle(value, article, null, where.offset, where.name != null, positions.tokens.size() == 1, null);
    }

    private static PendingArticle readAsTree(byte[] value) throws IOException {
        JsonNode node = JSON.readTree(value);
        if (node == null || !node.isObject() || !node.path("id").isTextual()) {
            throw new IllegalArgumentException("not an enriched article: no JSON object with a string id");
        }
        ObjectNode tree = (ObjectNode) node;
        EnrichedArticle article = null;
        RuntimeException unreadable = null;
        try {
            article = JSON.treeToValue(tree, EnrichedArticle.class);
        } catch (JsonProcessingException | RuntimeException e) {
            // A JSON object with an id whose fields do not map: it goes on unchanged, without a story.
            unreadable = e instanceof RuntimeException r ? r : new IllegalArgumentException(e.getMessage(), e);
        }
        return new PendingArticle(value, article, unreadable, -1, false, false, tree);
    }

    /** The article; throws when the value is a JSON object with an id whose other fields do not map. */
    EnrichedArticle article() {
        if (unreadable != null) {
            throw unreadable;
        }
        return article;
    }

    /** The value with {@code storyId}/{@code duplicateOf} (each when not null) added after {@code keyphrases}. */
    byte[] withStory(String storyId, String duplicateOf) {
        if (tree != null) {
            return ArticleJson.withStory(tree, storyId, duplicateOf);
        }
        if (storyId == null && duplicateOf == null) {
            return value;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(value.length + 100);
        out.write(value, 0, insertAt);
        boolean first = beforeField || emptyObject;
        first = field(out, "storyId", storyId, first);
        field(out, "duplicateOf", duplicateOf, first);
        if (beforeField) {
            out.write(',');
        }
        out.write(value, insertAt, value.length - insertAt);
        return out.toByteArray();
    }

    private static boolean field(ByteArrayOutputStream out, String name, String text, boolean first) {
        if (text == null) {
            return first;
        }
        if (!first) {
            out.write(',');
        }
        try {
            out.write('"');
            out.write(name.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.write('"');
            out.write(':');
            out.write(JSON.writeValueAsBytes(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return false;
    }

    /** A top-level field name (or, with a null name, the closing brace) and its byte offset. */
    private record TopLevelToken(String name, int offset) {
    }

    /**
     * Passes every token through to the deserializer and notes the top level: each field's name and
     * where it starts, the closing brace, and whether the id's value is a string. Jackson's
     * deserializers skip unknown values with {@link #skipChildren()}, which only moves inside one
     * value, so the top-level tokens are all seen here.
     */
    private static final class FieldPositions extends JsonParserDelegate {

        private final List<TopLevelToken> tokens = new ArrayList<>();
        private boolean closed;
        private boolean idNext;
        private boolean idIsString;

        FieldPositions(JsonParser parser) {
            super(parser);
        }

        @Override
        public JsonToken nextToken() throws IOException {
            JsonToken token = delegate.nextToken();
            if (idNext) {
                idIsString = token == JsonToken.VALUE_STRING;
                idNext = false;
            }
            JsonStreamContext context = delegate.getParsingContext();
            if (token == JsonToken.FIELD_NAME && context.getParent() != null && context.getParent().inRoot()) {
                String name = delegate.currentName();
                tokens.add(new TopLevelToken(name, Math.toIntExact(delegate.currentTokenLocation().getByteOffset())));
                idNext = name.equals("id");
            } else if (token == JsonToken.END_OBJECT && context.inRoot()) {
                tokens.add(new TopLevelToken(null, Math.toIntExact(delegate.currentTokenLocation().getByteOffset())));
                closed = true;
            }
            return token;
        }

        @Override
        public JsonToken nextValue() throws IOException {
            // JsonParser.nextValue on top of this class's nextToken, so no token bypasses the notes above.
            JsonToken token = nextToken();
            return token == JsonToken.FIELD_NAME ? nextToken() : token;
        }

        boolean complete() {
            return closed;
        }

        boolean hasStoryFields() {
            return tokens.stream().anyMatch(t -> "storyId".equals(t.name) || "duplicateOf".equals(t.name));
        }

        /** Index of the token the story fields go before: as {@link ArticleJson} places them. */
        int insertionIndex() {
            for (int i = 0; i < tokens.size(); i++) {
                String name = tokens.get(i).name;
                if (name == null || ArticleJson.isAfterStoryFields(name)) {
                    return i;
                }
                if (name.equals("keyphrases")) {
                    return i + 1;
                }
            }
            return tokens.size() - 1;
        }
    }
}
