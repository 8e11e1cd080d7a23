package dev.newswire.ingest.http;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.newswire.ingest.RawTopicReader;
import dev.newswire.kafka.EmbeddedKafka;
import dev.newswire.kafka.NewswireKafkaResource;
import dev.newswire.model.Problem;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The broker goes away: requests answer 503 problem+json with Retry-After within the publish bound
 * (5 s by default) instead of hanging, readiness goes DOWN, and once the broker is back on the same
 * port the very article that failed is accepted (not mistaken for a duplicate).
 */
@QuarkusTest
@QuarkusTestResource(NewswireKafkaResource.class)
class BrokerOutageTest {

    private static final Duration BOUND = Duration.ofSeconds(5);
    private static final Duration SLACK = Duration.ofMillis(2500);

    @Test
    void brokerDownAnswers503WithinTheBoundAndRecoversWhenItIsBack() {
        EmbeddedKafka kafka = NewswireKafkaResource.embedded()
                .orElseThrow(() -> new IllegalStateException("this test stops the embedded broker; run without KAFKA_BOOTSTRAP_SERVERS"));
        given().contentType("text/plain").body("Warm-up " + UUID.randomUUID()).post("/api/articles").then().statusCode(202);
        String article = "Outage " + UUID.randomUUID() + "\n\nSent while the broker is down.";

        kafka.stop();
        try {
            long started = System.nanoTime();
            Response refused = given().contentType("text/plain").body(article).post("/api/articles");
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            refused.then().statusCode(503).contentType(Problem.MEDIA_TYPE)
                    .header("Retry-After", equalTo("5"))
                    .body("status", equalTo(503))
                    .body("detail", containsString("broker"));
            assertThat(took).isLessThan(BOUND.plus(SLACK));

            long batchStarted = System.nanoTime();
            given().contentType("application/x-ndjson").body(("{\"body\": \"batch " + UUID.randomUUID() + "\"}\n").getBytes())
                    .post("/api/articles").then().statusCode(503).contentType(Problem.MEDIA_TYPE).header("Retry-After", equalTo("5"));
            assertThat(Duration.ofNanos(System.nanoTime() - batchStarted)).isLessThan(BOUND.plus(SLACK));

            given().get("/q/health/ready").then().statusCode(503);
        } finally {
            kafka.restart();
        }

        try (RawTopicReader raw = RawTopicReader.open(NewswireKafkaResource.bootstrapServers())) {
            String[] id = new String[1];
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
                Response answer = given().contentType("text/plain").body(article).post("/api/articles");
                if (answer.statusCode() != 202) {
                    return false;
                }
                assertThat((Object) answer.jsonPath().get("duplicate")).as("a failed publish is not remembered").isNull();
                id[0] = answer.jsonPath().getString("id");
                return true;
            });
            raw.until(records -> records.stream().anyMatch(r -> id[0].equals(r.key())), Duration.ofSeconds(20));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/q/health/ready").statusCode() == 200);
    }
}
