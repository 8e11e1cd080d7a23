package dev.newswire.ingest.http;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.newswire.ingest.RawTopicReader;
import dev.newswire.kafka.NewswireKafkaResource;
import dev.newswire.model.ArticleIds;
import dev.newswire.model.CloudEvents;
import dev.newswire.model.Problem;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** POST /api/articles against the real embedded broker: what reaches news.articles.raw, and what must not. */
@QuarkusTest
@QuarkusTestResource(NewswireKafkaResource.class)
class ArticleIngestTest {

    private static final Duration WITHIN = Duration.ofSeconds(20);
    private RawTopicReader raw;

    @BeforeEach
    void openTopic() {
        raw = RawTopicReader.open(NewswireKafkaResource.bootstrapServers());
    }

    @AfterEach
    void closeTopic() {
        raw.close();
    }

    @Test
    void jsonArticleIsPublishedWithKeyHeadersAndFields() {
        String url = "https://Example.org/news/" + UUID.randomUUID() + "?utm_source=x";
        String id = given().contentType("application/json")
                .body("{\"title\": \"Rates held\", \"body\": \"The bank held rates.\", \"url\": \"" + url + "\","
                        + " \"source\": \"crawler-1\", \"publishedAt\": \"2025-07-08T14:30:00+02:00\", \"language\": \"en\"}")
                .post("/api/articles")
                .then().statusCode(202).body("duplicate", nullValue()).extract().path("id");

        assertThat(id).isEqualTo(ArticleIds.of(url, "The bank held rates."));
        RawTopicReader.Raw record = raw.until(r -> !r.isEmpty(), WITHIN).get(0);
        assertThat(raw.records()).hasSize(1);
        assertThat(record.key()).isEqualTo(id);
        assertThat(record.headers())
                .containsEntry(CloudEvents.HEADER_SPEC_VERSION, "1.0")
                .containsEntry(CloudEvents.HEADER_TYPE, CloudEvents.TYPE_RAW)
                .containsEntry(CloudEvents.HEADER_SOURCE, "/newswire/ingest/http")
                .containsEntry(CloudEvents.HEADER_CONTENT_TYPE, "application/json")
                .containsKeys(CloudEvents.HEADER_ID, CloudEvents.HEADER_TIME);
        assertThat(record.headers().get(CloudEvents.HEADER_TIME)).isEqualTo(record.field("receivedAt"));
        assertThat(record.field("id")).isEqualTo(id);
        assertThat(record.field("title")).isEqualTo("Rates held");
        assertThat(record.field("body")).isEqualTo("The bank held rates.");
        assertThat(record.field("url")).isEqualTo(url);
        assertThat(record.field("source")).isEqualTo("crawler-1");
        assertThat(record.field("contentType")).isEqualTo("text/plain");
        assertThat(record.field("publishedAt")).isEqualTo("2025-07-08T12:30:00Z");
        assertThat(record.field("language")).isEqualTo("en");
    }

    @Test
    void plainTextHeadlineBecomesTitleAndTheWholeTextIsTheBody() {
        String text = "Minister visits Paris " + UUID.randomUUID() + "\n\nThe minister met officials on Monday. Talks continue.";
        String id = given().contentType("text/plain").body(text.getBytes(StandardCharsets.UTF_8))
                .post("/api/articles").then().statusCode(202).extract().path("id");

        RawTopicReader.Raw record = raw.until(r -> !r.isEmpty(), WITHIN).get(0);
        assertThat(record.key()).isEqualTo(id).isEqualTo(ArticleIds.of(null, text));
        assertThat(record.field("title")).isEqualTo(text.lines().findFirst().orElseThrow());
        assertThat(record.field("body")).isEqualTo(text);
        assertThat(record.field("contentType")).isEqualTo("text/plain");
        assertThat(record.field("source")).isEqualTo("http");
        assertThat(record.field("receivedAt")).isNotNull();
    }

    @Test
    void htmlIsPublishedAsHtmlWithQueryFields() {
        String html = "<html><body><nav>menu</nav><p>HTML body " + UUID.randomUUID() + ".</p></body></html>";
        String id = given().contentType("text/html; charset=utf-8").body(html)
                .queryParam("url", "https://example.org/page").queryParam("source", "feed")
                .post("/api/articles").then().statusCode(202).extract().path("id");

        RawTopicReader.Raw record = raw.until(r -> !r.isEmpty(), WITHIN).get(0);
        assertThat(record.key()).isEqualTo(id).isEqualTo(ArticleIds.of("https://example.org/page", html));
        assertThat(record.field("contentType")).isEqualTo("text/html");
        assertThat(record.field("body")).isEqualTo(html);
        assertThat(record.field("source")).isEqualTo("feed");
        assertThat(record.field("title")).isNull();
    }

    @Test
    void sameArticleTwiceHasOneIdAndOneRecord() {
        String text = "Repeat " + UUID.randomUUID() + "\n\nPosted twice, published once.";
        String first = given().contentType("text/plain").body(text).post("/api/articles")
                .then().statusCode(202).body("duplicate", nullValue()).extract().path("id");
        String second = given().contentType("text/plain").body(text).post("/api/articles")
                .then().statusCode(202).body("duplicate", equalTo(true)).extract().path("id");
        assertThat(second).isEqualTo(first);

        publishMarker();
        assertThat(raw.withKey(first)).hasSize(1);
    }

    @Test
    void ndjsonPublishesGoodLinesAndReportsBadOnes() {
        String one = "{\"body\": \"one " + UUID.randomUUID() + ".\"}";
        String three = "{\"body\": \"three " + UUID.randomUUID() + ".\", \"url\": \"https://example.org/3/" + UUID.randomUUID() + "\"}";
        String batch = one + "\n{not json\n" + three + "\n\n{\"title\": \"no body\"}\n";
        List<String> accepted = given().contentType("application/x-ndjson").body(batch.getBytes(StandardCharsets.UTF_8)).post("/api/articles")
                .then().statusCode(202)
                .body("accepted", hasSize(2))
                .body("rejected", hasSize(2))
                .body("rejected[0].line", equalTo(2))
                .body("rejected[0].status", equalTo(400))
                .body("rejected[0].reason", containsString("column"))
                .body("rejected[1].line", equalTo(5))
                .body("rejected[1].status", equalTo(422))
                .extract().path("accepted");

        List<RawTopicReader.Raw> records = raw.until(r -> r.size() >= 2, WITHIN);
        assertThat(records).extracting(RawTopicReader.Raw::key).containsExactlyInAnyOrderElementsOf(accepted);
        publishMarker();
        assertThat(raw.records()).hasSize(3);
    }

    static List<Arguments> badInputs() {
        return List.of(
                Arguments.of("malformed json", "{\"body\": \"x\",".getBytes(StandardCharsets.UTF_8), "application/json", 400, "line 1, column"),
                Arguments.of("missing body", "{\"title\": \"no body\"}".getBytes(StandardCharsets.UTF_8), "application/json", 422, "body"),
                Arguments.of("blank text", "   \n ".getBytes(StandardCharsets.UTF_8), "text/plain", 422, "blank"),
                Arguments.of("empty json", new byte[0], "application/json", 422, "empty"),
                Arguments.of("invalid utf-8", new byte[]{'c', 'a', 'f', (byte) 0xC3, 0x28, ' ', 'x'}, "text/plain; charset=utf-8", 400, "byte offset 3"),
                Arguments.of("2 MiB", "x".repeat(2 * 1024 * 1024).getBytes(StandardCharsets.UTF_8), "text/plain", 413, "limit"),
                Arguments.of("xml", "<a/>".getBytes(StandardCharsets.UTF_8), "application/xml", 415, "application/json"),
                Arguments.of("ftp url", "{\"body\": \"ok.\", \"url\": \"ftp://x/y\"}".getBytes(StandardCharsets.UTF_8), "application/json", 422, "http or https"),
                Arguments.of("bad publishedAt", "{\"body\": \"ok.\", \"publishedAt\": \"yesterday\"}".getBytes(StandardCharsets.UTF_8), "application/json", 422, "ISO-8601"),
                Arguments.of("body not a string", "{\"body\": 5}".getBytes(StandardCharsets.UTF_8), "application/json", 422, "string"),
                Arguments.of("json array", "[]".getBytes(StandardCharsets.UTF_8), "application/json", 422, "object"),
                Arguments.of("publishedAt year 300000", "{\"body\": \"x\", \"publishedAt\": \"+300000-01-01T00:00:00Z\"}".getBytes(StandardCharsets.UTF_8),
                        "application/json", 422, "publishedAt"),
                Arguments.of("publishedAt 1800", "{\"body\": \"x\", \"publishedAt\": \"1800-01-01\"}".getBytes(StandardCharsets.UTF_8),
                        "application/json", 422, "1900"),
                Arguments.of("lone surrogate", "{\"body\": \"x \\ud800 y\"}".getBytes(StandardCharsets.UTF_8), "application/json", 400, "surrogate"),
                Arguments.of("language not BCP-47", "{\"body\": \"x\", \"language\": \"en_US\"}".getBytes(StandardCharsets.UTF_8),
                        "application/json", 422, "BCP-47"),
                Arguments.of("language too long", ("{\"body\": \"x\", \"language\": \"en" + "-abcdefgh".repeat(5) + "\"}").getBytes(StandardCharsets.UTF_8),
                        "application/json", 422, "35"));
    }

    @ParameterizedTest(name = "{0} -> {3}")
    @MethodSource("badInputs")
    void badInputIsRefusedWithProblemJsonAndNothingPublished(String name, byte[] body, String type, int status, String detail) {
        given().contentType(type).body(body).post("/api/articles")
                .then().statusCode(status)
                .contentType(Problem.MEDIA_TYPE)
                .body("status", equalTo(status))
                .body("type", containsString("https://newswire.dev/problems/"))
                .body("title", notNullValue())
                .body("instance", equalTo("/api/articles"))
                .body("detail", containsString(detail));

        publishMarker();
        assertThat(raw.records()).as("only the marker was published").hasSize(1);
    }

    @Test
    void malformedJsonNamesLineAndColumn() {
        given().contentType("application/json").body("{\n  \"body\": \"x\"\n  \"title\": 1}").post("/api/articles")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("line", equalTo(3)).body("column", equalTo(3));
    }

    @Test
    void wrongMethodAndUnknownPathAreProblemsToo() {
        given().get("/api/articles").then().statusCode(405).contentType(Problem.MEDIA_TYPE);
        given().contentType("application/json").body("{}").post("/api/nothing-here").then().statusCode(404).contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void openWhenNoKeysAreConfigured() {
        given().contentType("text/plain").body("No key needed " + UUID.randomUUID()).post("/api/articles")
                .then().statusCode(202);
    }

    @Test
    void metricsCountAcceptedRejectedAndDuplicates() {
        String text = "Counted " + UUID.randomUUID();
        given().contentType("text/plain").body(text).post("/api/articles").then().statusCode(202);
        given().contentType("text/plain").body(text).post("/api/articles").then().statusCode(202);
        given().contentType("application/json").body("{").post("/api/articles").then().statusCode(400);

        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("newswire_ingest_accepted_total{channel=\"http\"}"))
                .body(containsString("newswire_ingest_rejected_total{reason=\"malformed-json\"}"))
                .body(containsString("newswire_ingest_duplicates_total"))
                .body(containsString("newswire_ingest_publish_latency_seconds_bucket"));
    }

    @Test
    void openApiHasAnExamplePerContentType() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/articles'.post.requestBody.content.'application/json'.examples", notNullValue())
                .body("paths.'/api/articles'.post.requestBody.content.'text/plain'.examples", notNullValue())
                .body("paths.'/api/articles'.post.requestBody.content.'text/html'.examples", notNullValue())
                .body("paths.'/api/articles'.post.requestBody.content.'application/x-ndjson'.examples", notNullValue());
    }

    /** A good article after the requests under test: once it is read, anything they published has been too. */
    private void publishMarker() {
        String marker = given().contentType("text/plain").body("Marker " + UUID.randomUUID())
                .post("/api/articles").then().statusCode(202).extract().path("id");
        raw.until(r -> r.stream().anyMatch(rec -> marker.equals(rec.key())), WITHIN);
    }
}
