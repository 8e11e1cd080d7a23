package dev.newswire.ingest.http;

import static io.restassured.RestAssured.given;

import dev.newswire.kafka.NewswireKafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@code NEWSWIRE_INGEST_API_KEYS=} set but empty (docker-compose passes it through that way) means
 * an open ingest, as unset does; it once stopped the service at start-up (the log filter read the
 * keys as a required string).
 */
@QuarkusTest
@QuarkusTestResource(NewswireKafkaResource.class)
@TestProfile(EmptyKeysTest.EmptyKeys.class)
class EmptyKeysTest {

    public static class EmptyKeys implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("newswire.ingest.api-keys", "");
        }
    }

    @Test
    void anEmptyKeyListStartsAnOpenIngest() {
        given().get("/q/health/live").then().statusCode(200);
        given().contentType("text/plain").body("Open ingest " + UUID.randomUUID()).post("/api/articles").then().statusCode(202);
    }
}
