package dev.newswire.enrich.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newswire.model.ArticleIds;
import dev.newswire.model.NewsJson;
import dev.newswire.model.RawArticle;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads a raw Kafka record value as a {@link RawArticle}, rejecting poison input with a reason a
 * person can act on: empty, too large, binary (not UTF-8, or NUL bytes), not JSON, not an article
 * object, or no body. Checks run cheapest first, so a 5 MB record is refused before it is parsed.
 */
public final class RawArticleReader {

    private final ObjectMapper mapper = NewsJson.mapper();
    private final int maxBytes;

    public RawArticleReader(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    public RawArticle read(byte[] value, String key) {
        if (value == null || value.length == 0) {
            throw new RejectedRecordException("empty record value");
        }
        if (value.length > maxBytes) {
            throw new RejectedRecordException("record value is " + value.length + " bytes; the limit is " + maxBytes);
        }
        String json = utf8(value);
        if (json.indexOf('\0') >= 0) {
            throw new RejectedRecordException("record value contains NUL bytes: binary, not an article");
        }
        RawArticle raw;
        try {
            raw = mapper.readValue(json, RawArticle.class);
        } catch (JsonProcessingException e) {
            throw new RejectedRecordException("record value is not a RawArticle JSON object: " + e.getOriginalMessage(), e);
        }
        if (raw == null) {
            throw new RejectedRecordException("record value is JSON null");
        }
        if (raw.body() == null || raw.body().isBlank()) {
            throw new RejectedRecordException("article has no body");
        }
        if (raw.id() == null || raw.id().isBlank()) {
            // ingest always sets the id; a hand-made record gets the same id ingest would give it
            raw = raw.withId(key != null && !key.isBlank() ? key : ArticleIds.of(raw.url(), raw.body()));
        }
        return raw;
    }

    private static String utf8(byte[] value) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(value)).toString();
        } catch (CharacterCodingException e) {
            throw new RejectedRecordException("record value is not UTF-8 text: binary, not an article", e);
        }
    }
}
