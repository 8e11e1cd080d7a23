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

    private static void assertRejected(String json, Rejection reason, String detail) {
        assertThatThrownBy(() -> ArticleParser.fromJson(json, "http", NOW))
                .isInstanceOfSatisfying(RejectedArticleException.class, e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.getMessage()).contains(detail);
                });
    }
}
