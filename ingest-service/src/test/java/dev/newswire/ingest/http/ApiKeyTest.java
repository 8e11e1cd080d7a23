package dev.newswire.ingest.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import dev.newswire.kafka.NewswireKafkaResource;
import dev.newswire.model.Problem;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** With newswire.ingest.api-keys set, writes and every replay endpoint need a key; health stays open. (Auth off: ArticleIngestTest.) */
@QuarkusTest
@QuarkusTestResource(NewswireKafkaResource.class)
@TestProfile(ApiKeyTest.WithKeys.class)
class ApiKeyTest {

    static final String KEY = "test-key-" + "7f3a";

    public static class WithKeys implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("newswire.ingest.api-keys", "other-key," + KEY);
        }
    }

    @Test
    void writesWithoutAValidKeyAre401ProblemJson() {
        given().contentType("text/plain").body("No key " + UUID.randomUUID()).post("/api/articles")
                .then().statusCode(401).contentType(Problem.MEDIA_TYPE)
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("status", equalTo(401)).body("detail", containsString("X-Api-Key"));
        given().contentType("text/plain").header("Authorization", "Bearer wrong-" + KEY).body("Wrong key " + UUID.randomUUID())
                .post("/api/articles")
                .then().statusCode(401).contentType(Problem.MEDIA_TYPE).body("detail", not(containsString(KEY)));
        given().contentType("application/json").body("{\"dir\": \"/tmp\"}").post("/api/replay").then().statusCode(401);
        given().delete("/api/replay/abc").then().statusCode(401);
    }

    @Test
    void bearerOrXApiKeyMayWrite() {
        given().contentType("text/plain").header("Authorization", "Bearer " + KEY).body("Bearer " + UUID.randomUUID())
                .post("/api/articles").then().statusCode(202);
        given().contentType("text/plain").header("X-Api-Key", KEY).body("Header " + UUID.randomUUID())
                .post("/api/articles").then().statusCode(202);
    }

    @Test
    void healthStaysOpenButEveryReplayEndpointNeedsAKey() {
        given().get("/q/health/live").then().statusCode(200);
        // GET /api/replay lists folders and progress: a read, but not an open one (issue 9 item 2).
        given().get("/api/replay").then().statusCode(401).contentType(Problem.MEDIA_TYPE);
        given().get("/api/replay/abc").then().statusCode(401).contentType(Problem.MEDIA_TYPE);
        given().header("X-Api-Key", KEY).get("/api/replay").then().statusCode(200);
        given().header("X-Api-Key", KEY).get("/api/replay/abc").then().statusCode(404);
    }

    @Test
    void everyFeedEndpointNeedsAKey() {
        // GET /api/feeds names the hosts ingest fetches from (allow-listed internal ones too).
        given().get("/api/feeds").then().statusCode(401).contentType(Problem.MEDIA_TYPE);
        given().get("/api/feeds/opml").then().statusCode(401).contentType(Problem.MEDIA_TYPE);
        given().get("/api/feeds/fd-0000000000000000").then().statusCode(401).contentType(Problem.MEDIA_TYPE);
        given().contentType("application/json").body("{\"url\": \"https://example.org/rss\"}").post("/api/feeds")
                .then().statusCode(401);
        given().delete("/api/feeds/fd-0000000000000000").then().statusCode(401);
        given().header("X-Api-Key", KEY).get("/api/feeds").then().statusCode(200);
        given().header("X-Api-Key", KEY).get("/api/feeds/fd-0000000000000000").then().statusCode(404);
    }
}
