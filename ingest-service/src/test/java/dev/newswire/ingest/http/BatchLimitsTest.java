package dev.newswire.ingest.http;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.newswire.ingest.RawTopicReader;
import dev.newswire.kafka.NewswireKafkaResource;
import dev.newswire.model.Problem;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** NDJSON batches within bounds by design: lines per batch, size of the answer, threads per batch. */
@QuarkusTest
@QuarkusTestResource(NewswireKafkaResource.class)
class BatchLimitsTest {

    @Test
    void batchOverTheLineCapIsRefusedWholeAndPublishesNothing() {
        String run = UUID.randomUUID().toString();
        StringBuilder batch = new StringBuilder();
        for (int i = 0; i < 10_001; i++) {
            batch.append("{\"body\": \"line ").append(i).append(' ').append(run).append("\"}\n");
        }
        try (RawTopicReader raw = RawTopicReader.open(NewswireKafkaResource.bootstrapServers())) {
            given().contentType("application/x-ndjson").body(batch.toString().getBytes(StandardCharsets.UTF_8)).post("/api/articles")
                    .then().statusCode(413).contentType(Problem.MEDIA_TYPE)
                    .body("type", equalTo("https://newswire.dev/problems/too-many-lines"))
                    .body("maxLines", equalTo(10_000));
            String marker = given().contentType("text/plain").body("Marker " + UUID.randomUUID()).post("/api/articles")
                    .then().statusCode(202).extract().path("id");
            raw.until(records -> records.stream().anyMatch(r -> marker.equals(r.key())), Duration.ofSeconds(20));
            assertThat(raw.records()).as("only the marker").hasSize(1);
        }
    }

    @Test
    void manyRejectionsAreSummarisedNotEchoed() {
        String batch = "{}\n".repeat(9_000) + "{\"body\": \"the one good line " + UUID.randomUUID() + "\"}\n";
        Response answer = given().contentType("application/x-ndjson").body(batch.getBytes(StandardCharsets.UTF_8)).post("/api/articles");
        answer.then().statusCode(202)
                .body("accepted", hasSize(1))
                .body("rejected", hasSize(100))
                .body("rejected[0].line", equalTo(1))
                .body("rejectedCount", equalTo(9_000))
                .body("rejectedByCode.missing-body", equalTo(9_000));
        assertThat(answer.asByteArray().length).as("answer bytes").isLessThan(30_000);

        given().contentType("application/x-ndjson").body("{}\n".repeat(9_000).getBytes(StandardCharsets.UTF_8)).post("/api/articles")
                .then().statusCode(422).contentType(Problem.MEDIA_TYPE)
                .body("rejected", hasSize(100)).body("rejectedCount", equalTo(9_000));
    }

    @Test
    void repeatedLinesStartNoThreadPerLine() {
        long before = ManagementFactory.getThreadMXBean().getTotalStartedThreadCount();
        String line = "{\"body\": \"the same article " + UUID.randomUUID() + "\"}\n";
        for (int round = 0; round < 2; round++) {
            given().contentType("application/x-ndjson").body(line.repeat(10_000).getBytes(StandardCharsets.UTF_8)).post("/api/articles")
                    .then().statusCode(202).body("accepted", hasSize(10_000)).body("duplicates", hasSize(round == 0 ? 9_999 : 10_000));
        }
        long started = ManagementFactory.getThreadMXBean().getTotalStartedThreadCount() - before;
        assertThat(started).as("threads started for 20,000 lines").isLessThan(200);
    }
}
