package dev.newswire.api.view;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newswire.model.NewsJson;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns one record of the stories topic into a {@link StoredStory}, or says why it cannot (reasons
 * shared with {@link RecordDecoder}, plus {@link #TOO_LARGE}). It never throws: like the article
 * topic, the stories topic is written by other programs, so a bad record costs that record only.
 * Parsed as a tree and checked field by field, so a wrong JSON type is refused rather than coerced.
 */
public final class StoryDecoder {

    public static final String TOO_LARGE = "too-large";

    private static final int MAX_ID_CHARS = 512;
    private static final ObjectReader TREE = NewsJson.mapper().reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private StoryDecoder() {
    }

    /** What a record is to the story view. */
    public sealed interface Decoded permits Story, Tombstone, Rejected {
    }

    /** A record the view cannot hold; {@code reason} is one of {@link RecordDecoder}'s constants or {@link #TOO_LARGE}. */
    public record Rejected(String reason, String detail) implements Decoded {
    }

    public record Story(StoredStory story) implements Decoded {
    }

    /** A null value with a key: the story is deleted. */
    public record Tombstone(String id) implements Decoded {
    }

    /** A field the view cannot take; the message is the rejection detail. */
    private static final class Invalid extends Exception {
        Invalid(String message) {
            super(message, null, false, false);
        }
    }

    public static Decoded decode(byte[] key, byte[] value, long recordTimestamp, int maxBytes) {
        try {
            return decodeOrThrow(key, value, recordTimestamp, maxBytes);
        } catch (Invalid e) {
            return new Rejected(RecordDecoder.INVALID_FIELD, e.getMessage());
        } catch (RuntimeException e) {   // a value no check foresaw: still only this record
            return new Rejected(RecordDecoder.NOT_AN_ARTICLE, RecordDecoder.shorten(e.toString()));
        }
    }

    private static Decoded decodeOrThrow(byte[] key, byte[] value, long recordTimestamp, int maxBytes) throws Invalid {
        String keyText = key == null || key.length == 0 ? null : RecordDecoder.utf8(key);
        if (value == null) {
            if (key == null || key.length == 0) {
                return new Rejected(RecordDecoder.TOMBSTONE_WITHOUT_KEY, "null value and no key");
            }
            return keyText == null ? new Rejected(RecordDecoder.INVALID_UTF8, "tombstone key") : new Tombstone(keyText);
        }
        if (value.length == 0) {
            return new Rejected(RecordDecoder.EMPTY, "empty value");
        }
        if (value.length > maxBytes) {
            return new Rejected(TOO_LARGE, value.length + " bytes, more than " + maxBytes);
        }
        if (RecordDecoder.utf8(value) == null) {
            return new Rejected(RecordDecoder.INVALID_UTF8, "value is not UTF-8");
        }
        JsonNode root;
        try {
            root = TREE.readTree(value);
        } catch (IOException e) {
            return new Rejected(RecordDecoder.NOT_AN_ARTICLE, RecordDecoder.shorten(e.getMessage()));
        }
        if (!(root instanceof ObjectNode object)) {
            return new Rejected(RecordDecoder.NOT_AN_ARTICLE, "not a JSON object");
        }
        String id = text(object, "id");
        if (id == null || id.isBlank()) {
            return new Rejected(RecordDecoder.MISSING_ID, "no id");
        }
        if (id.length() > MAX_ID_CHARS) {
            throw new Invalid("id longer than " + MAX_ID_CHARS + " characters");
        }
        if (key != null && key.length > 0 && !id.equals(keyText)) {
            // The key is what compaction and tombstones act on: a record under another key would linger.
            throw new Invalid("key differs from the story id");
        }
        Instant lastSeen = instant(object, "lastSeen");
        if (lastSeen == null) {
            throw new Invalid("no lastSeen");
        }
        Instant firstSeen = instant(object, "firstSeen");
        List<String> articleIds = strings(object, "articleIds");
        if (articleIds.size() > StoredStory.MAX_IDS) {
            articleIds = articleIds.subList(articleIds.size() - StoredStory.MAX_IDS, articleIds.size());
        }
        String mergedInto = text(object, "mergedInto");
        if (mergedInto != null && (mergedInto.isBlank() || mergedInto.equals(id) || mergedInto.length() > MAX_ID_CHARS)) {
            throw new Invalid("mergedInto is blank, too long or the story itself");
        }
        String title = text(object, "title");
        StoredStory story = new StoredStory(id, title == null ? "" : title, size(object, articleIds.size()),
                firstSeen == null ? lastSeen : firstSeen, lastSeen, entities(object), strings(object, "tags"),
                articleIds, mergedInto, listing(object, articleIds), StoredStory.activity(lastSeen, recordTimestamp));
        return new Story(story);
    }

    /** The record's JSON with {@code articleIds} cut to the latest few; one line (no raw line breaks in JSON output). */
    private static byte[] listing(ObjectNode object, List<String> articleIds) {
        ObjectNode copy = object.deepCopy();
        ArrayNode ids = copy.putArray("articleIds");
        articleIds.subList(Math.max(0, articleIds.size() - StoredStory.LISTED_IDS), articleIds.size()).forEach(ids::add);
        try {
            return NewsJson.mapper().writeValueAsBytes(copy);
        } catch (IOException e) {
            throw new IllegalStateException("a parsed tree did not serialise", e);
        }
    }

    private static String text(ObjectNode object, String field) throws Invalid {
        JsonNode node = object.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new Invalid(field + " is not a string");
        }
        return node.textValue();
    }

    private static Instant instant(ObjectNode object, String field) throws Invalid {
        String text = text(object, field);
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeException e) {
            throw new Invalid(field + " is not an ISO-8601 instant");
        }
    }

    private static int size(ObjectNode object, int fallback) throws Invalid {
        JsonNode node = object.get("size");
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.canConvertToInt() || !node.isIntegralNumber() || node.intValue() < 0) {
            throw new Invalid("size is not a non-negative integer");
        }
        return node.intValue();
    }

    private static List<String> strings(ObjectNode object, String field) throws Invalid {
        JsonNode node = object.get(field);
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new Invalid(field + " is not an array");
        }
        List<String> out = new ArrayList<>(node.size());
        for (JsonNode item : node) {
            if (!item.isTextual() || item.textValue().isBlank()) {
                throw new Invalid(field + " holds something other than non-blank strings");
            }
            out.add(item.textValue());
        }
        return out;
    }

    private static List<StoredStory.StoryEntity> entities(ObjectNode object) throws Invalid {
        JsonNode node = object.get("entities");
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new Invalid("entities is not an array");
        }
        List<StoredStory.StoryEntity> out = new ArrayList<>(node.size());
        for (JsonNode item : node) {
            if (!(item instanceof ObjectNode entity)) {
                throw new Invalid("an entity is not an object");
            }
            String text = text(entity, "text");
            if (text == null) {
                throw new Invalid("an entity without text");
            }
            out.add(new StoredStory.StoryEntity(text, text(entity, "type")));
        }
        return out;
    }
}
