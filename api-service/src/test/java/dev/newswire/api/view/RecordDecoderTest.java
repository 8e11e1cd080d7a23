package dev.newswire.api.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The decoder never throws and says why it refuses a record; a good one keeps its own bytes. */
class RecordDecoderTest {

    private static RecordDecoder.Decoded decode(String key, String value) {
        return RecordDecoder.decode(key == null ? null : key.getBytes(StandardCharsets.UTF_8),
                value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    private static String reason(RecordDecoder.Decoded decoded) {
        assertThat(decoded).isInstanceOf(RecordDecoder.Rejected.class);
        return ((RecordDecoder.Rejected) decoded).reason();
    }

    @Test
    void keysAndTombstones() {
        assertThat(decode("a1", null)).isEqualTo(new RecordDecoder.Tombstone("a1"));
        assertThat(reason(decode(null, null))).isEqualTo(RecordDecoder.TOMBSTONE_WITHOUT_KEY);
        assertThat(decode(null, "{\"id\":\"a1\"}")).isInstanceOf(RecordDecoder.Article.class);   // the key is not needed
        assertThat(reason(decode("k", ""))).isEqualTo(RecordDecoder.EMPTY);
    }

    @Test
    void refusesWhatTheViewCannotHold() {
        assertThat(reason(decode("k", "{\"title\":\"x\"}"))).isEqualTo(RecordDecoder.MISSING_ID);
        assertThat(reason(decode("k", "{\"id\":\"\"}"))).isEqualTo(RecordDecoder.MISSING_ID);
        assertThat(reason(decode("k", "{\"id\":\"" + "x".repeat(1_000_000) + "\"}"))).isEqualTo(RecordDecoder.INVALID_FIELD);
        assertThat(reason(decode("k", "{\"id\":\"a\",\"entities\":[{\"type\":\"PERSON\"}]}"))).isEqualTo(RecordDecoder.INVALID_FIELD);
        assertThat(reason(decode("k", "{\"id\":\"a\",\"tags\":[{\"label\":\"x\"}]}"))).isEqualTo(RecordDecoder.INVALID_FIELD);
        assertThat(reason(decode("k", "{\"id\":\"a\"} trailing"))).isEqualTo(RecordDecoder.NOT_AN_ARTICLE);
        assertThat(reason(decode("k", "{\"id\":\"a\",\"id\":\"b\"}"))).isEqualTo(RecordDecoder.NOT_AN_ARTICLE);
        assertThat(reason(decode("k", "[".repeat(100_000)))).isEqualTo(RecordDecoder.NOT_AN_ARTICLE);
        assertThat(reason(decode("k", "{\"id\":\"a\",\"entities\":[{\"name\":\"n\",\"spans\":[{\"start\":-1,\"end\":2}]}]}")))
                .isEqualTo(RecordDecoder.NOT_AN_ARTICLE);
        assertThat(decode("k", "{\"id\":\"a\",\"publishedAt\":1e400}")).isNotNull();   // Jackson's reading, but no exception
        assertThat(reason(RecordDecoder.decode(null, new byte[] {'{', '"', 'i', 'd', '"', ':', '"', (byte) 0xFF, '"', '}'})))
                .isEqualTo(RecordDecoder.INVALID_UTF8);
        assertThat(reason(RecordDecoder.decode(null, "{\"id\":\"a\"}".getBytes(StandardCharsets.UTF_16BE))))
                .isEqualTo(RecordDecoder.NOT_AN_ARTICLE);
    }

    @Test
    void keepsTheRecordsBytesAndOnlyReframesWhatSseCannotCarry() {
        byte[] compact = "{\"id\":\"a\",\"futureField\":{\"x\":[1,\"two\"]}}".getBytes(StandardCharsets.UTF_8);
        RecordDecoder.Article article = (RecordDecoder.Article) RecordDecoder.decode(null, compact);
        assertThat(article.json()).isSameAs(compact);
        RecordDecoder.Article pretty = (RecordDecoder.Article) decode("k", "{\n  \"id\" : \"a\",\r\n  \"futureField\" : 1\n}");
        assertThat(new String(pretty.json(), StandardCharsets.UTF_8)).isEqualTo("{\"id\":\"a\",\"futureField\":1}");
    }

    @Test
    void farFutureAndExtremeTimesSortWithoutOverflow() {
        RecordDecoder.Article article = (RecordDecoder.Article) decode("k",
                "{\"id\":\"a\",\"publishedAt\":\"+300000-01-01T00:00:00Z\",\"receivedAt\":\"2026-01-01T00:00:00Z\"}");
        StoredArticle stored = StoredArticle.of(0, 0, 0, 0, article.article(), article.json(), Position.of(1));
        assertThat(stored.time()).isEqualTo(Instant.parse("2026-01-02T00:00:00Z"));
        assertThat(TimeKey.micros(Instant.MAX)).isEqualTo(Long.MAX_VALUE);
        assertThat(TimeKey.micros(Instant.MIN)).isEqualTo(Long.MIN_VALUE);
        assertThat(TimeKey.micros(Instant.parse("+300000-01-01T00:00:00Z"))).isEqualTo(Long.MAX_VALUE);
        RecordDecoder.Article extreme = (RecordDecoder.Article) decode("k", "{\"id\":\"b\",\"receivedAt\":\"+1000000000-12-31T23:59:59Z\"}");
        assertThat(StoredArticle.of(0, 0, 0, -1, extreme.article(), extreme.json(), Position.of(1)).time())
                .isEqualTo(Instant.parse("+1000000000-12-31T23:59:59Z"));
    }
}
