package dev.newswire.enrich.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newswire.model.ArticleIds;
import dev.newswire.model.RawArticle;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RawArticleReaderTest {

    private final RawArticleReader reader = new RawArticleReader(1024);

    @Test
    void readsAnArticleAndFillsAMissingIdTheWayIngestWould() {
        RawArticle raw = reader.read(bytes("{\"source\":\"t\",\"body\":\"Hello world.\",\"contentType\":\"text/plain\"}"), null);
        assertThat(raw.body()).isEqualTo("Hello world.");
        assertThat(raw.id()).isEqualTo(ArticleIds.of(null, "Hello world."));
        assertThat(reader.read(bytes("{\"body\":\"x y\"}"), "the-key").id()).isEqualTo("the-key");
    }

    @Test
    void rejectsPoisonWithReadableReasons() {
        assertRejected(bytes("{\"body\": "), "not a RawArticle JSON");
        assertRejected(bytes("[1, 2]"), "not a RawArticle JSON");
        assertRejected(new byte[] {(byte) 0xC3, 0x28, 0x01}, "not UTF-8");
        assertRejected(bytes("{\"body\":\"a\u0000b\"}"), "NUL");
        assertRejected(bytes("{\"title\":\"only a title\"}"), "no body");
        assertRejected(bytes("{\"body\":\"   \"}"), "no body");
        assertRejected(new byte[0], "empty");
        assertRejected(bytes("{\"body\":\"" + "x".repeat(2000) + "\"}"), "limit is 1024");
    }

    private void assertRejected(byte[] value, String reason) {
        assertThatThrownBy(() -> reader.read(value, "k")).isInstanceOf(RejectedRecordException.class).hasMessageContaining(reason);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
