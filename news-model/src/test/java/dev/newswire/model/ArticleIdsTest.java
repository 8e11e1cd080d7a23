package dev.newswire.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ArticleIdsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "HTTPS://Example.COM/News/Story?id=7                     | https://example.com/News/Story?id=7",
        "https://example.com/a#comments                           | https://example.com/a",
        "https://example.com:443/a                                | https://example.com/a",
        "http://example.com:80/a                                  | http://example.com/a",
        "http://example.com:8080/a                                | http://example.com:8080/a",
        "https://example.com                                      | https://example.com/",
        "https://example.com/a?utm_source=x&id=3&utm_medium=y     | https://example.com/a?id=3",
        "https://example.com/a?fbclid=abc&gclid=def               | https://example.com/a",
        "https://example.com/a?b=2&a=1                            | https://example.com/a?b=2&a=1",
        "'  https://example.com/a  '                              | https://example.com/a",
    })
    void canonicalisesUrls(String url, String canonical) {
        assertThat(ArticleIds.canonicalUrl(url)).contains(canonical);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.com/a", "mailto:x@example.com", "example.com/a", "/relative", "http://", "not a url", " "})
    void rejectsUrlsThatAreNotWebUrls(String url) {
        assertThat(ArticleIds.canonicalUrl(url)).isEmpty();
        assertThat(ArticleIds.isWebUrl(url)).isFalse();
    }

    @Test
    void sameCanonicalUrlGivesSameIdWhateverTheBody() {
        String a = ArticleIds.of("https://Example.com/story?utm_campaign=x#top", "first version");
        String b = ArticleIds.of("https://example.com/story", "edited version");
        assertThat(a).isEqualTo(b).matches("[0-9a-f]{16}");
    }

    @Test
    void differentUrlsGiveDifferentIds() {
        assertThat(ArticleIds.of("https://example.com/a", "x")).isNotEqualTo(ArticleIds.of("https://example.com/b", "x"));
    }

    @Test
    void withoutUrlTheNormalisedTextDecides() {
        String plain = ArticleIds.of(null, "Café  opens\n\nin Paris.\t");
        // "e" + combining acute (NFD) and non-breaking spaces normalise to the same text
        String decomposed = ArticleIds.of("", "Cafe\u0301\u00A0opens in\u00A0 Paris.");
        assertThat(plain).isEqualTo(decomposed);
        assertThat(ArticleIds.of(null, "Café opens in Rome.")).isNotEqualTo(plain);
    }

    @Test
    void aNonWebUrlFallsBackToTheText() {
        assertThat(ArticleIds.of("ftp://example.com/a", "body text")).isEqualTo(ArticleIds.of(null, "body text"));
    }

    @Test
    void urlAndTextKeysNeverCollide() {
        String url = "https://example.com/a";
        assertThat(ArticleIds.of(url, "x")).isNotEqualTo(ArticleIds.of(null, url));
    }

    @Test
    void idIsAFixedKnownHashSoItStaysStableAcrossReleases() {
        // Pinned value: changing the rule re-keys every article in every compacted topic.
        assertThat(ArticleIds.of(null, "Hello   world")).isEqualTo(sha256Prefix("text:Hello world"));
        assertThat(ArticleIds.of("https://example.com/a", "")).isEqualTo(sha256Prefix("url:https://example.com/a"));
    }

    @Test
    void normaliseTextCollapsesEveryKindOfWhitespace() {
        assertThat(ArticleIds.normaliseText(" a\u200B\u202Fb \r\n\tc ")).isEqualTo("a b c");
        assertThat(ArticleIds.normaliseText(null)).isEmpty();
    }

    private static String sha256Prefix(String s) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(d).substring(0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
