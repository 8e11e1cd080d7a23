package dev.newswire.api.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newswire.api.config.ApiConfig;
import dev.newswire.api.health.ViewLivenessCheck;
import dev.newswire.api.health.ViewReadinessCheck;
import dev.newswire.api.support.SseClient;
import dev.newswire.api.view.ArticleView;
import dev.newswire.api.support.TopicRecords;
import dev.newswire.api.support.TopicRecords.Rec;
import dev.newswire.kafka.NewswireKafkaResource;
import dev.newswire.model.NewsJson;
import dev.newswire.model.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

/**
 * Issue 9 item 1 (api side): hostile records produced straight into the enriched topic, bypassing
 * ingest and enrich, never stop the api. Good records after them are served on the JSON API and the
 * stream, the service stays ready and live, and a fresh view rebuilt from the topic becomes ready too.
 * Also item 12 (api side): a far-future {@code publishedAt} does not pin an article to the top.
 */
@QuarkusTest
@QuarkusTestResource(NewswireKafkaResource.class)
class HostileRecordsTest {

    private static final ApiConfig.Reader READER = new ApiConfig.Reader() {
        public Duration pollTimeout() { return Duration.ofMillis(200); }
        public Duration probeInterval() { return Duration.ofMillis(500); }
        public Duration brokerTimeout() { return Duration.ofSeconds(10); }
    };

    @TestHTTPResource("/api/stream")
    URL stream;

    @Inject
    MeterRegistry registry;

    @Test
    void hostileRecordsAreSkippedAndGoodOnesAfterThemAreServed() throws Exception {
        String m = "hostile" + UUID.randomUUID().toString().substring(0, 8);
        String doomed = "doomed-" + m;
        String mega = "x".repeat(1_000_000);
        List<Rec> hostile = new ArrayList<>();
        // A good article that a tombstone deletes later.
        hostile.add(Rec.of(doomed, good(doomed, m, "Doomed " + m, Instant.now())));
        // Extreme and negative times (issue 9: "+300000-01-01" overflowed TimeKey and stopped the reader).
        hostile.add(Rec.of("t1", "{\"id\":\"t1-" + m + "\",\"title\":\"x\",\"publishedAt\":\"+300000-01-01T00:00:00Z\"}"));
        hostile.add(Rec.of("t2", "{\"id\":\"t2-" + m + "\",\"title\":\"x\",\"publishedAt\":\"-300000-01-01T00:00:00Z\"}"));
        hostile.add(Rec.of("t3", "{\"id\":\"t3-" + m + "\",\"enrichedAt\":\"+999999999-12-31T23:59:59Z\",\"receivedAt\":\"+999999999-12-31T23:59:59Z\"}"));
        hostile.add(Rec.of("t4", "{\"id\":\"t4-" + m + "\",\"receivedAt\":\"-999999999-01-01T00:00:00Z\",\"publishedAt\":\"+999999999-12-31T23:59:59Z\"}"));
        hostile.add(Rec.of("t5", "{\"id\":\"t5-" + m + "\",\"publishedAt\":1e300}"));
        hostile.add(Rec.of("t6", "{\"id\":\"t6-" + m + "\",\"publishedAt\":-99999999999999999999999999}"));
        hostile.add(Rec.of("t7", "{\"id\":\"t7-" + m + "\",\"entities\":[{\"name\":\"n\",\"mentions\":1e30,\"salience\":1e400}]}"));
        hostile.add(Rec.of("t8", "{\"id\":\"t8-" + m + "\",\"publishedAt\":\"" + "9".repeat(5000) + "\"}"));
        // Wrong JSON types for every field.
        for (String field : List.of("id", "source", "url", "title", "authors", "language", "text", "summary", "entities",
                "tags", "keyphrases", "storyId", "duplicateOf", "publishedAt", "receivedAt", "enrichedAt", "pipeline")) {
            for (String wrong : List.of("{}", "[1,2]", "true", "{\"a\":[null]}")) {
                hostile.add(Rec.of("w-" + field, "{\"id\":\"w-" + field + "-" + m + "\",\"" + field + "\":" + wrong + "}"));
            }
        }
        hostile.add(Rec.of("e1", "{\"id\":\"e1-" + m + "\",\"entities\":[null]}"));
        hostile.add(Rec.of("e2", "{\"id\":\"e2-" + m + "\",\"entities\":[{\"type\":\"PERSON\"}]}"));
        hostile.add(Rec.of("e3", "{\"id\":\"e3-" + m + "\",\"entities\":[{\"name\":\"n\",\"aliases\":[null]}]}"));
        hostile.add(Rec.of("e4", "{\"id\":\"e4-" + m + "\",\"tags\":[{\"label\":\"no id\"}]}"));
        hostile.add(Rec.of("e5", "{\"id\":\"e5-" + m + "\",\"entities\":[{\"name\":\"n\",\"type\":\"NOT_A_TYPE\"}]}"));
        // Spans out of range: negative is refused by the model; past the text's end is served as it is.
        hostile.add(Rec.of("s1", "{\"id\":\"s1-" + m + "\",\"text\":\"ab\",\"entities\":[{\"name\":\"n\",\"spans\":[{\"start\":-5,\"end\":2}]}]}"));
        hostile.add(Rec.of("s2", "{\"id\":\"s2-" + m + "\",\"text\":\"ab\",\"entities\":[{\"name\":\"n\",\"spans\":[{\"start\":5,\"end\":2147483647}]}]}"));
        // Missing or blank id, not an object, trailing garbage, duplicate keys, deep nesting.
        hostile.add(Rec.of("m1", "{\"title\":\"no id\"}"));
        hostile.add(Rec.of("m2", "{\"id\":\"   \"}"));
        hostile.add(Rec.of("m3", "{\"id\":null}"));
        for (String notAnObject : List.of("null", "[]", "\"text\"", "123", "{", "}", "not json", "{\"id\":\"g-" + m + "\"} trailing",
                "{\"id\":\"d1-" + m + "\",\"id\":\"d2-" + m + "\"}", "[".repeat(100_000))) {
            hostile.add(Rec.of("j", notAnObject));
        }
        // 1 MB strings.
        hostile.add(Rec.of("big1", "{\"id\":\"" + mega + "\"}"));
        hostile.add(Rec.of("big2", "{\"id\":\"big2-" + m + "\",\"title\":\"" + mega + "\",\"authors\":7}"));
        hostile.add(Rec.of("big3", "{\"id\":\"big3-" + m + "\",\"text\":\"" + mega + "\"}"));
        // Invalid UTF-8 (in a known and in an unknown field), a NUL, UTF-16, an empty value.
        hostile.add(Rec.ofBytes("u1", TopicRecords.concat("{\"id\":\"u1-" + m + "\",\"title\":\"", new byte[] {(byte) 0xFF, (byte) 0xFE}, "\"}")));
        hostile.add(Rec.ofBytes("u2", TopicRecords.concat("{\"id\":\"u2-" + m + "\",\"zzz\":\"", new byte[] {(byte) 0xC3, (byte) 0x28}, "\"}")));
        hostile.add(Rec.ofBytes("u3", TopicRecords.concat("{\"id\":\"u3-" + m + "\"", new byte[] {0}, "}")));
        hostile.add(Rec.ofBytes("u4", ("{\"id\":\"u4-" + m + "\"}").getBytes(StandardCharsets.UTF_16BE)));
        hostile.add(Rec.ofBytes("empty", new byte[0]));
        // Tombstones: with a key (deletes that article), without a key (nothing to delete).
        hostile.add(Rec.of(doomed, null));
        hostile.add(Rec.of(null, null));
        hostile.add(Rec.of("never-seen-" + m, null));
        hostile.add(Rec.ofBytes(null, new byte[0]));

        // The good ones: plain, with an unknown field, pretty-printed (multi-line).
        String goodA = "good-a-" + m;
        String goodB = "good-b-" + m;
        String goodC = "good-c-" + m;
        String jsonA = good(goodA, m, "Good A " + m, Instant.now());
        ObjectNode b = (ObjectNode) NewsJson.mapper().readTree(good(goodB, m, "Good B " + m, Instant.now()));
        b.putObject("futureField").put("nested", "kept").putArray("list").add(1).add("two");
        String jsonB = NewsJson.mapper().writeValueAsString(b);
        String jsonC = NewsJson.mapper().writerWithDefaultPrettyPrinter()
                .writeValueAsString(NewsJson.mapper().readTree(good(goodC, m, "Good C " + m, Instant.now())));
        assertThat(jsonC).contains("\n");

        double skippedBefore = skipped();
        try (SseClient live = SseClient.open(stream + "?entity=" + m)) {
            send(hostile);
            send(List.of(Rec.of(goodA, jsonA), Rec.of(goodB, jsonB), Rec.of(goodC, jsonC)));

            live.awaitArticle(goodC);
            assertThat(live.articleIds()).containsExactly(doomed, goodA, goodB, goodC);
            SseClient.Event eventB = live.articles().get(2);
            assertThat(eventB.data()).as("the record's own bytes, unknown field included").isEqualTo(jsonB);
            assertThat(live.articles().get(3).json()).isEqualTo(NewsJson.mapper().readTree(jsonC));
        }

        List<String> listed = given().get("/api/articles?limit=200&entity=" + m).then().statusCode(200)
                .extract().jsonPath().getList("items.id");
        assertThat(listed).containsExactlyInAnyOrder(goodA, goodB, goodC);   // the doomed one was deleted by its tombstone
        given().get("/api/articles/" + doomed).then().statusCode(404);
        String servedB = given().get("/api/articles/" + goodB).then().statusCode(200).extract().asString();
        assertThat(servedB).isEqualTo(jsonB);
        String page = given().get("/api/articles?limit=200&entity=" + m).then().statusCode(200).extract().asString();
        assertThat(page).contains(jsonB);
        given().get("/api/articles/t1-" + m).then().statusCode(200);   // extreme but well-formed: held, not skipped
        given().get("/api/articles/s2-" + m).then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/health/live").then().statusCode(200);
        assertThat(skipped() - skippedBefore).isGreaterThanOrEqualTo(50);
        assertThat(registry.find(TopicReader.SKIPPED).tag("reason", "invalid-utf8").counter()).isNotNull();
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("newswire_api_records_skipped_total{reason=\"not-an-article\"");

        // A replay from the beginning passes over the same records and serves the good ones.
        try (SseClient replay = SseClient.open(stream + "?from=earliest&entity=" + m)) {
            replay.awaitArticle(goodC);
            assertThat(replay.articleIds()).containsExactly(goodA, goodB, goodC);
        }

        // A fresh api-service (a new reader and an empty view over the same topic) becomes ready.
        KafkaClients clients = new KafkaClients(NewswireKafkaResource.bootstrapServers());
        ArticleView fresh = new ArticleView(100_000);
        TopicReader reader = new TopicReader(clients, Topics.ENRICHED, fresh, batch -> { }, READER, new SimpleMeterRegistry());
        try {
            reader.start();
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> ViewReadinessCheck.of(reader).getStatus() == HealthCheckResponse.Status.UP);
            assertThat(ViewLivenessCheck.of(reader).getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
            assertThat(fresh.index().byId(goodB)).isNotNull();
            assertThat(fresh.index().byId(goodC)).isNotNull();
            assertThat(fresh.index().byId(doomed)).isNull();
        } finally {
            reader.stop();
            clients.close();
        }
    }

    @Test
    void aFarFuturePublicationTimeDoesNotPinAnArticleToTheTop() throws Exception {
        String m = "future" + UUID.randomUUID().toString().substring(0, 8);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String pinned = "pinned-" + m;
        String later = "later-" + m;
        ObjectNode claim = (ObjectNode) NewsJson.mapper().readTree(good(pinned, m, "Claims the future " + m, now));
        claim.put("publishedAt", "+300000-01-01T00:00:00Z");
        // Received two days after the first one: it is the newer article and must come first.
        String next = good(later, m, "Later " + m, now.plus(2, ChronoUnit.DAYS));
        send(List.of(Rec.of(pinned, NewsJson.mapper().writeValueAsString(claim)), Rec.of(later, next)));
        await().until(() -> given().get("/api/articles?entity=" + m).then().extract().jsonPath().getList("items.id").size() == 2);
        assertThat(given().get("/api/articles?entity=" + m).then().statusCode(200).extract().jsonPath().getList("items.id"))
                .containsExactly(later, pinned);
        given().get("/q/health/live").then().statusCode(200);
    }

    /** Issue 14: the api serves the record's bytes, so a field it does not know reaches clients unchanged. */
    @Test
    void anUnknownFieldReachesClientsUnchanged() throws Exception {
        String m = "future" + UUID.randomUUID().toString().substring(0, 8);
        String id = "ff-" + m;
        ObjectNode node = (ObjectNode) NewsJson.mapper().readTree(good(id, m, "Future field " + m, Instant.now()));
        node.putObject("futureField").put("nested", "kept").putArray("list").add(1).add("two");
        String json = NewsJson.mapper().writeValueAsString(node);
        try (SseClient live = SseClient.open(stream + "?entity=" + m)) {
            send(List.of(Rec.of(id, json)));
            live.awaitArticle(id);
            assertThat(live.articles().get(0).data()).isEqualTo(json);
        }
        assertThat(given().get("/api/articles/" + id).then().statusCode(200).extract().asString()).isEqualTo(json);
        assertThat(given().get("/api/articles?entity=" + m).then().statusCode(200).extract().asString()).contains(json);
    }

    /** A well-formed article about entity {@code m}, published and received at {@code at}. */
    private static String good(String id, String m, String title, Instant at) {
        return "{\"id\":\"" + id + "\",\"source\":\"test\",\"title\":\"" + title + "\",\"language\":\"en\",\"text\":\"About "
                + m + ".\",\"entities\":[{\"name\":\"" + m + "\",\"type\":\"PERSON\",\"aliases\":[],\"mentions\":1,\"salience\":0.5,\"spans\":[]}],"
                + "\"tags\":[{\"id\":\"politics\",\"label\":\"Politics\",\"score\":0.9}],"
                + "\"publishedAt\":\"" + at + "\",\"receivedAt\":\"" + at + "\",\"enrichedAt\":\"" + at + "\"}";
    }

    /** Straight into the enriched topic, in order on partition 0; only keyless records may be refused (the topic is compacted). */
    private static void send(List<Rec> records) {
        long keyless = records.stream().filter(r -> r.key() == null).count();
        assertThat(TopicRecords.sendAll(Topics.ENRICHED, records)).as("records the broker refused (only keyless ones may be)")
                .isEqualTo((int) keyless);
    }

    private double skipped() {
        return registry.find(TopicReader.SKIPPED).counters().stream().mapToDouble(c -> c.count()).sum();
    }
}
