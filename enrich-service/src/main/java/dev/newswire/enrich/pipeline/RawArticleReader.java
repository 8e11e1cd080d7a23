package dev.newswire.enrich.pipeline;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.newswire.model.ArticleIds;
import dev.newswire.model.ArticleTimes;
import dev.newswire.model.NewsJson;
import dev.newswire.model.RawArticle;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Reads a raw Kafka record value as a {@link RawArticle}, rejecting poison input with a reason a
 * person can act on: empty, too large, binary (not UTF-8, or NUL bytes), not JSON, not an article
 * object, or no body, or a timestamp outside the contract's window ({@link ArticleTimes}; such
 * an instant overflows consumers that turn it into microseconds). Checks run cheapest first, so a
 * 5 MB record is refused before it is parsed; the parser's limits (nesting, number length) make
 * hostile JSON a rejection, never a stack overflow.
 */
public final class RawArticleReader {

    /** A raw article is a flat object: a few levels is plenty, and deep nesting costs stack. */
    static final int MAX_NESTING = 16;
    /** Longer numbers are hostile (no field of an article needs them); parsing them costs CPU. */
    static final int MAX_NUMBER_CHARS = 40;

    private final ObjectMapper mapper;
    private final int maxBytes;
    private final Clock clock;

    public RawArticleReader(int maxBytes) {
        this(maxBytes, Clock.systemUTC());
    }

    public RawArticleReader(int maxBytes, Clock clock) {
        this.maxBytes = maxBytes;
        this.clock = clock;
        this.mapper = NewsJson.mapper().copy();
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING)
                .maxNumberLength(MAX_NUMBER_CHARS)
                .maxStringLength(maxBytes)
                .maxDocumentLength(maxBytes)
                .build());
        mapper.registerModule(new SimpleModule("strict-instants").addDeserializer(Instant.class, new IsoInstantDeserializer()));
    }

    /**
     * Instants as the contract writes them, ISO-8601 text only. Jackson's own deserializer also takes
     * numbers and quietly turns an absurd one (1e300) into 1970-01-01: a wrong date, not an error.
     */
    private static final class IsoInstantDeserializer extends StdScalarDeserializer<Instant> {
        IsoInstantDeserializer() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (Instant) ctxt.handleUnexpectedToken(Instant.class, p);
            }
            String text = p.getText().trim();
            if (text.isEmpty()) {
                return null;
            }
            try {
                return text.endsWith("Z") ? Instant.parse(text) : OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                return (Instant) ctxt.handleWeirdStringValue(Instant.class, text, "not an ISO-8601 instant");
            }
        }
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
        checkWindow("publishedAt", raw.publishedAt());
        checkWindow("receivedAt", raw.receivedAt());
        if (raw.id() == null || raw.id().isBlank()) {
            // ingest always sets the id; a hand-made record gets the same id ingest would give it
            raw = raw.withId(key != null && !key.isBlank() ? key : ArticleIds.of(raw.url(), raw.body()));
        }
        return raw;
    }

    private void checkWindow(String field, Instant value) {
        if (value != null && !ArticleTimes.within(value, clock.instant())) {
            throw new RejectedRecordException(field + " " + value + " is outside " + ArticleTimes.EARLIEST + " .. now + 1 day");
        }
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
