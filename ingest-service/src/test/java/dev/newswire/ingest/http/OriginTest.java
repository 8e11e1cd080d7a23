package dev.newswire.ingest.http;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.newswire.ingest.RawTopicReader;
import dev.newswire.kafka.NewswireKafkaResource;
import dev.newswire.model.Problem;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A page of another site cannot make a browser write to ingest: same rule for every type and every write. */
@QuarkusTest
@QuarkusTestResource(NewswireKafkaResource.class)
class OriginTest {

    private static final String EVIL = "https://evil.example";

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/json", "text/html", "application/x-ndjson"})
    void foreignOriginIsRefusedAndNothingIsPublished(String type) {
        String text = "Cross-site " + UUID.randomUUID();
        String body = type.contains("json") ? "{\"body\": \"" + text + "\"}\n" : text;
        try (RawTopicReader raw = RawTopicReader.open(NewswireKafkaResource.bootstrapServers())) {
            given().contentType(type).header("Origin", EVIL).body(body.getBytes(StandardCharsets.UTF_8)).post("/api/articles")
                    .then().statusCode(403).contentType(Problem.MEDIA_TYPE)
                    .body("type", equalTo("https://newswire.dev/problems/forbidden-origin"));
            String marker = given().contentType("text/plain").body("Marker " + UUID.randomUUID()).post("/api/articles")
                    .then().statusCode(202).extract().path("id");
            raw.until(records -> records.stream().anyMatch(r -> marker.equals(r.key())), Duration.ofSeconds(20));
            assertThat(raw.records()).extracting(r -> r.field("body")).noneMatch(b -> b != null && b.contains(text));
        }
    }

    @Test
    void everyWriteEndpointFollowsTheRule() {
        given().contentType("application/json").header("Origin", EVIL).body("{\"dir\": \"seeds\"}").post("/api/replay")
                .then().statusCode(403).contentType(Problem.MEDIA_TYPE);
        given().header("Origin", EVIL).delete("/api/replay/some-id").then().statusCode(403).contentType(Problem.MEDIA_TYPE);
        given().header("Origin", "null").contentType("text/plain").body("x").post("/api/articles").then().statusCode(403);
        given().header("Origin", EVIL).get("/api/replay").then().statusCode(200);
    }

    @Test
    void noOriginAndOwnOriginMayWrite() {
        given().contentType("text/plain").body("No origin " + UUID.randomUUID()).post("/api/articles").then().statusCode(202);
        // RestAssured addresses the service as localhost (Host: localhost:port): that is its own origin.
        given().contentType("text/plain").header("Origin", "http://localhost:" + RestAssured.port)
                .body("Own origin " + UUID.randomUUID()).post("/api/articles").then().statusCode(202);
        given().contentType("text/plain").header("Origin", "http://localhost:" + (RestAssured.port + 1))
                .body("Other port " + UUID.randomUUID()).post("/api/articles").then().statusCode(403);
        given().contentType("text/plain").header("Origin", "http://localhost.evil.example:" + RestAssured.port)
                .body("Look-alike " + UUID.randomUUID()).post("/api/articles").then().statusCode(403);
    }
}
