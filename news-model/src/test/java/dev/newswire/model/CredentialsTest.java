package dev.newswire.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CredentialsTest {

    @Test
    void everyCredentialFormIsMasked() {
        String line = "GET /api/stream?since=1&key=s3cret-1&x=2 Authorization: Bearer tok.en-2 X-Api-Key: k3y-three"
                + " /api;key=matrix-4/articles token=t5#frag";
        String out = Credentials.redact(line);
        assertThat(out).doesNotContain("s3cret-1", "tok.en-2", "k3y-three", "matrix-4", "t5#")
                .contains("key=[redacted]&x=2", "Bearer [redacted]", "X-Api-Key: [redacted]", "#frag");
    }

    @Test
    void configuredKeysAreMaskedAnywhereButShortOnesAreNot() {
        assertThat(Credentials.redact("user sent plainkey123 in a body", List.of("plainkey123", "abc")))
                .isEqualTo("user sent [redacted] in a body");
        assertThat(Credentials.redact("abc stays", List.of("abc"))).isEqualTo("abc stays");
    }

    @Test
    void textWithoutCredentialsIsUnchanged() {
        String line = "Skipped record news.articles.enriched-0@12 (not-json): keyword=monkey";
        assertThat(Credentials.redact(line)).isEqualTo(line);
        assertThat(Credentials.redact(null)).isNull();
    }
}
