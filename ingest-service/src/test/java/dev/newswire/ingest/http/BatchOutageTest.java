package dev.newswire.ingest.http;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.newswire.kafka.EmbeddedKafka;
import dev.newswire.kafka.NewswireKafkaResource;
import dev.newswire.model.Problem;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Broker down: an NDJSON batch answers 503 within ONE publish bound (5 s), not one bound per line. */
@QuarkusTest
@QuarkusTestResource(NewswireKafkaResource.class)
class BatchOutageTest {

    private static final Duration BOUND = Duration.ofSeconds(5);
    private static final Duration SLACK = Duration.ofMillis(1500);

    @Test
    void tenLineBatchAnswers503WithinOneBound() {
        EmbeddedKafka kafka = NewswireKafkaResource.embedded()
                .orElseThrow(() -> new IllegalStateException("this test stops the embedded broker; run without KAFKA_BOOTSTRAP_SERVERS"));
        given().contentType("text/plain").body("Warm-up " + UUID.randomUUID()).post("/api/articles").then().statusCode(202);
        StringBuilder batch = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            batch.append("{\"body\": \"outage line ").append(i).append(' ').append(UUID.randomUUID()).append("\"}\n");
        }
        kafka.stop();
        try {
            // A first refused article makes the producer forget the cluster, as after any real outage.
            given().contentType("text/plain").body("Lost " + UUID.randomUUID()).post("/api/articles").then().statusCode(503);
            long started = System.nanoTime();
            given().contentType("application/x-ndjson").body(batch.toString().getBytes(StandardCharsets.UTF_8)).post("/api/articles")
                    .then().statusCode(503).contentType(Problem.MEDIA_TYPE).header("Retry-After", "5");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(BOUND.plus(SLACK));
        } finally {
            kafka.restart();
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                given().contentType("application/x-ndjson").body(batch.toString().getBytes(StandardCharsets.UTF_8))
                        .post("/api/articles").statusCode() == 202);
    }
}
