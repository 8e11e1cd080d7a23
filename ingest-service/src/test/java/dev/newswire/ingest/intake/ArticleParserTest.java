package dev.newswire.ingest.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newswire.model.ArticleIds;
import dev.newswire.model.RawArticle;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ArticleParserTest {

    private static final Instant NOW = Instant.parse("2025-07-08T10:00:00Z");

    @Test
    void jsonWithAllFields() throws Exception {
        RawArticle article = ArticleParser.fromJson("{\"title\": \" T \", \"body\": \"B.\", \"url\": \"https://x.org/a#frag\","
                + " \"source\": \"s\", \"publishedAt\": \"2025-07-08T14:30:00+02:00\", \"language\": \"de-CH\", \"extra\": 1}", "http", NOW);
        assertThat(article.id()).isEqualTo(ArticleIds.of("https://x.org/a#frag", "B."));
        assertThat(article.title()).isEqualTo("T");
        assertThat(article.source()).isEqualTo("s");
        assertThat(article.publishedAt()).isEqualTo(Instant.parse("2025-07-08T12:30:00Z"));
        assertThat(article.receivedAt()).isEqualTo(NOW);
        assertThat(article.contentType()).isEqualTo(RawArticle.TEXT_PLAIN);
        assertThat(article.language()).isEqualTo("de-CH");
    }

    @Test
    void publishedAtAcceptsIsoForms() throws Exception {
        assertThat(ArticleParser.instant("2025-07-08T14:30:00Z")).isEqualTo(Instant.parse("2025-07-08T14:30:00Z"));
        assertThat(ArticleParser.instant("2025-07-08T14:30:00")).isEqualTo(Instant.parse("2025-07-08T14:30:00Z"));
        assertThat(ArticleParser.instant("2025-07-08")).isEqualTo(Instant.parse("2025-07-08T00:00:00Z"));
        assertThat(ArticleParser.instant("2025-07-08T14:30:00+01:00[Europe/Paris]")).isNotNull();
    }

    @Test
    void refusalsCarryReasonAndDetails() {
        assertRejected("{\"body\": \"x\",", Rejection.MALFORMED_JSON, "line 1, column");
        assertRejected("{\"body\": \"x\"} trailing", Rejection.MALFORMED_JSON, "Malformed JSON");
        assertRejected("{\"title\": \"t\"}", Rejection.MISSING_BODY, "body");
        assertRejected("{\"body\": \"  \"}", Rejection.MISSING_BODY, "blank");
        assertRejected("{\"body\": \"b\", \"url\": \"ftp://x/y\"}", Rejection.INVALID_FIELD, "http or https");
        assertRejected("{\"body\": \"b\", \"url\": \"/relative\"}", Rejection.INVALID_FIELD, "absolute");
        assertRejected("{\"body\": \"b\", \"publishedAt\": \"yesterday\"}", Rejection.INVALID_FIELD, "ISO-8601");
        assertRejected("{\"body\": \"b\", \"language\": \"english please\"}", Rejection.INVALID_FIELD, "BCP-47");
        assertRejected("{\"body\": \"b\", \"contentType\": \"application/pdf\"}", Rejection.INVALID_FIELD, "contentType");
        assertRejected("\"just a string\"", Rejection.INVALID_FIELD, "object");
    }

    @Test
    void malformedJsonNamesLineAndColumn() {
        assertThatThrownBy(() -> ArticleParser.fromJson("{\n\"body\": \"x\"\n\"title\": 1}", "http", NOW))
                .isInstanceOfSatisfying(RejectedArticleException.class, e -> {
                    assertThat(e.details()).containsEntry("line", 3).containsEntry("column", 1);
                    assertThat(e.getMessage()).contains("line 3, column 1");
                });
    }

    @Test
    void plainTextKeepsTheWholeTextAsBodyAndFindsTheHeadline() throws Exception {
        String text = "Rates held steady\n\nThe bank kept rates unchanged.";
        RawArticle article = ArticleParser.fromText(text, RawArticle.TEXT_PLAIN, ArticleFields.NONE, "http", NOW);
        assertThat(article.title()).isEqualTo("Rates held steady");
        assertThat(article.body()).isEqualTo(text);
        assertThat(article.id()).isEqualTo(ArticleIds.of(null, text));
    }

    @Test
    void givenTitleWinsAndHtmlHasNoGuessedTitle() throws Exception {
        RawArticle plain = ArticleParser.fromText("Headline\nText.", RawArticle.TEXT_PLAIN,
                new ArticleFields("Given", null, null, null, null), "http", NOW);
        assertThat(plain.title()).isEqualTo("Given");
        RawArticle html = ArticleParser.fromText("<h1>Headline</h1>\n<p>Text.</p>", RawArticle.TEXT_HTML, null, "http", NOW);
        assertThat(html.title()).isNull();
        assertThat(html.isHtml()).isTrue();
    }

    @Test
    void publishedAtOutsideTheWindowIsRefused() throws Exception {
        assertRejected("{\"body\": \"b\", \"publishedAt\": \"+300000-01-01T00:00:00Z\"}", Rejection.INVALID_FIELD, "publishedAt");
        assertRejected("{\"body\": \"b\", \"publishedAt\": \"1899-12-31T23:59:59Z\"}", Rejection.INVALID_FIELD, "1900-01-01");
        assertRejected("{\"body\": \"b\", \"publishedAt\": \"-0001-01-01\"}", Rejection.INVALID_FIELD, "publishedAt");
        assertRejected("{\"body\": \"b\", \"publishedAt\": \"2025-07-09T10:00:01Z\"}", Rejection.INVALID_FIELD, "one day");
        assertThat(ArticleParser.fromJson("{\"body\": \"b\", \"publishedAt\": \"2025-07-09T09:59:59Z\"}", "http", NOW).publishedAt())
                .isEqualTo(Instant.parse("2025-07-09T09:59:59Z"));
        assertThat(ArticleParser.fromJson("{\"body\": \"b\", \"publishedAt\": \"1900-01-01\"}", "http", NOW).publishedAt())
                .isEqualTo(dev.newswire.model.ArticleTimes.EARLIEST);
    }

    @Test
    void languageIsAWellFormedBcp47TagOfBoundedLength() throws Exception {
        assertRejected("{\"body\": \"b\", \"language\": \"en_US\"}", Rejection.INVALID_FIELD, "BCP-47");
        assertRejected("{\"body\": \"b\", \"language\": \"en--US\"}", Rejection.INVALID_FIELD, "BCP-47");
        assertRejected("{\"body\": \"b\", \"language\": \"en-abcdefghi\"}", Rejection.INVALID_FIELD, "BCP-47");
        assertRejected("{\"body\": \"b\", \"language\": \"en" + "-abcdefgh".repeat(4) + "\"}", Rejection.INVALID_FIELD, "35 characters");
        for (String good : new String[]{"en", "de-CH", "zh-Hant-TW", "sr-Latn-RS", "es-419", "x-klingon"}) {
            assertThat(ArticleParser.fromJson("{\"body\": \"b\", \"language\": \"" + good + "\"}", "http", NOW).language()).isEqualTo(good);
        }
    }

    @Test
    void controlCharactersAreStrippedBeforeTheIdIsComputed() throws Exception {
        RawArticle dirty = ArticleParser.fromJson("{\"title\": \"Ti\\u0000tle\\u001b\", \"body\": \"Line\\u0000 one\\r\\nline\\u0007 two\\rthree\\tfour\\u0085\"}", "http", NOW);
        assertThat(dirty.body()).isEqualTo("Line one\nline two\nthree\tfour");
        assertThat(dirty.title()).isEqualTo("Title");
        assertThat(dirty.id()).isEqualTo(ArticleIds.of(null, "Line one\nline two\nthree\tfour"));
        RawArticle clean = ArticleParser.fromText("Line one\nline two\nthree\tfour", RawArticle.TEXT_PLAIN, ArticleFields.NONE, "http", NOW);
        assertThat(clean.id()).as("the same article with and without NULs is one article").isEqualTo(dirty.id());
        assertRejected("{\"body\": \"\\u0000\\u0001\"}", Rejection.MISSING_BODY, "blank");
    }

    @Test
    void loneSurrogateIsRefusedNotReplaced() throws Exception {
        assertRejected("{\"body\": \"bad \\ud800 text\"}", Rejection.INVALID_ENCODING, "surrogate");
        assertRejected("{\"body\": \"ok\", \"title\": \"\\udc00\"}", Rejection.INVALID_ENCODING, "title");
        assertThatThrownBy(() -> ArticleParser.fromText("x\ud800", RawArticle.TEXT_PLAIN, ArticleFields.NONE, "http", NOW))
                .isInstanceOf(RejectedArticleException.class);
        assertThat(ArticleParser.fromJson("{\"body\": \"emoji \\ud83d\\ude00 ok\"}", "http", NOW).body()).isEqualTo("emoji \ud83d\ude00 ok");
    }

    private static void assertRejected(String json, Rejection reason, String detail) {
        assertThatThrownBy(() -> ArticleParser.fromJson(json, "http", NOW))
                .isInstanceOfSatisfying(RejectedArticleException.class, e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.getMessage()).contains(detail);
                });
    }
}
