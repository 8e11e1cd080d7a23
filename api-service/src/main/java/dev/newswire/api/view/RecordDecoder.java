package dev.newswire.api.view;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.newswire.model.EnrichedArticle;
import dev.newswire.model.Entity;
import dev.newswire.model.NewsJson;
import dev.newswire.model.Tag;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns one record of the enriched topic into what the view can hold, or says why it cannot.
 * It never throws: a topic is written by other programs (and anyone with access to the broker),
 * so one bad record must cost a skipped record, never the reader.
 *
 * <p>The record's own bytes are what clients receive (SSE and JSON), so a field this version does
 * not know still reaches them; the article is parsed only to index and filter it. The bytes are
 * re-serialised (from a tree, keeping every field) only when they could not be framed as they
 * are: a line break breaks an SSE {@code data:} line, a byte-order mark breaks a JSON array.
 */
public final class RecordDecoder {

    /** Reasons a record is skipped (the {@code reason} tag of the skipped-records counter). */
    public static final String EMPTY = "empty";
    public static final String INVALID_UTF8 = "invalid-utf8";
    public static final String NOT_AN_ARTICLE = "not-an-article";
    public static final String MISSING_ID = "missing-id";
    public static final String INVALID_FIELD = "invalid-field";
    public static final String TOMBSTONE_WITHOUT_KEY = "tombstone-without-key";

    private static final int MAX_ID_CHARS = 512;
    private static final int MAX_DETAIL_CHARS = 200;
    private static final ObjectReader READER = NewsJson.mapper().readerFor(EnrichedArticle.class)
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private RecordDecoder() {
    }

    /** What a record is to the view. */
    public sealed interface Decoded permits Article, Tombstone, Rejected {
    }

    /** An article and the bytes clients receive (one line of JSON, every field of the record). */
    public record Article(EnrichedArticle article, byte[] json) implements Decoded {
    }

    /** A null value with a key: on the compacted topic, "this article is deleted". */
    public record Tombstone(String id) implements Decoded {
    }

    /** A record the view cannot hold; {@code reason} is one of the constants above. */
    public record Rejected(String reason, String detail) implements Decoded {
    }

    public static Decoded decode(byte[] key, byte[] value) {
        try {
            return decodeOrThrow(key, value);
        } catch (RuntimeException e) {   // a bug or a value no check foresaw: still only this record
            return new Rejected(NOT_AN_ARTICLE, shorten(e.toString()));
        }
    }

    private static Decoded decodeOrThrow(byte[] key, byte[] value) {
        if (value == null) {
            if (key == null || key.length == 0) {
                return new Rejected(TOMBSTONE_WITHOUT_KEY, "null value and no key");
            }
            String id = utf8(key);
            return id == null ? new Rejected(INVALID_UTF8, "tombstone key") : new Tombstone(id);
        }
        if (value.length == 0) {
            return new Rejected(EMPTY, "empty value");
        }
        if (utf8(value) == null) {
            return new Rejected(INVALID_UTF8, "value is not UTF-8");
        }
        for (byte b : value) {
            if (b == 0) {   // never in UTF-8 JSON; Jackson would take it for UTF-16 and clients would get those bytes
                return new Rejected(NOT_AN_ARTICLE, "NUL byte in the value");
            }
        }
        EnrichedArticle article;
        try {
            article = READER.readValue(value);
        } catch (IOException e) {
            return new Rejected(NOT_AN_ARTICLE, shorten(e instanceof com.fasterxml.jackson.core.JacksonException j ? j.getOriginalMessage() : e.getMessage()));
        }
        if (article == null) {
            return new Rejected(NOT_AN_ARTICLE, "null");
        }
        if (article.id() == null || article.id().isBlank()) {
            return new Rejected(MISSING_ID, "no id");
        }
        if (article.id().length() > MAX_ID_CHARS) {
            return new Rejected(INVALID_FIELD, "id longer than " + MAX_ID_CHARS + " characters");
        }
        String invalid = invalidField(article);
        if (invalid != null) {
            return new Rejected(INVALID_FIELD, invalid);
        }
        return new Article(article, framable(value));
    }

    /** The index and the filters dereference these; the model allows nulls in them, the view does not. */
    private static String invalidField(EnrichedArticle article) {
        for (Entity entity : article.entities()) {
            if (entity == null || entity.name() == null) {
                return "an entity without a name";
            }
        }
        for (Tag tag : article.tags()) {
            if (tag == null || tag.id() == null) {
                return "a tag without an id";
            }
        }
        return null;
    }

    private static byte[] framable(byte[] value) {
        boolean bom = value.length >= 3 && (value[0] & 0xFF) == 0xEF && (value[1] & 0xFF) == 0xBB && (value[2] & 0xFF) == 0xBF;
        boolean lineBreak = false;
        for (byte b : value) {
            if (b == '\n' || b == '\r') {
                lineBreak = true;
                break;
            }
        }
        if (!bom && !lineBreak) {
            return value;
        }
        try {
            return NewsJson.mapper().writeValueAsBytes(NewsJson.mapper().readTree(value));
        } catch (IOException e) {
            throw new IllegalStateException("parsed as an article but not as a tree", e);
        }
    }

    /** Strict UTF-8 (Jackson would otherwise pass some invalid bytes of skipped fields through to clients). */
    static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    static String shorten(String text) {
        if (text == null) {
            return "";
        }
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() <= MAX_DETAIL_CHARS ? oneLine : oneLine.substring(0, MAX_DETAIL_CHARS) + "…";
    }
}
