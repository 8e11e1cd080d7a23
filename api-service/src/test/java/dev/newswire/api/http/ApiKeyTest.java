package dev.newswire.api.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.assertj.core.api.Assertions.assertThat;

import dev.newswire.api.support.SseClient;
import dev.newswire.kafka.NewswireKafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With keys configured: Bearer header or ?key= (EventSource) pass, anything else is 401 problem+json. */
@QuarkusTest
@QuarkusTestResource(NewswireKafkaResource.class)
@TestProfile(ApiKeyTest.WithKeys.class)
class ApiKeyTest {

    /**
     * Keys set, plus what the security tests of this profile need (one profile, so Quarkus starts
     * once for all of them): a random key that must never reach a log, an access log that prints the
     * request line and the Authorization header (the worst an operator could configure), a log file
     * to read back.
     */
    public static class WithKeys implements QuarkusTestProfile {
        // A constant: Quarkus builds the profile in another class loader, so a random value would differ there.
        public static final String SECRET = "s3cret-7f4d9c2a-never-logged";
        public static final String LOG_FILE = "target/api-key-test.log";

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("newswire.api.keys", "k-one,k-two," + SECRET,
                    "quarkus.http.access-log.enabled", "true",
                    "quarkus.http.access-log.pattern", "%h %t \"%r\" %s auth=%{i,Authorization}",
                    "quarkus.log.file.enabled", "true",
                    "quarkus.log.file.path", LOG_FILE,
                    "newswire.api.http.cors-origins", "https://allowed.example");
        }
    }

    @TestHTTPResource("/api/stream")
    URL stream;

    @Test
    void missingOrWrongKeyIs401Problem() {
        given().get("/api/articles").then().statusCode(401)
                .contentType(startsWith("application/problem+json"))
                .header("WWW-Authenticate", "Bearer")
                .body("status", equalTo(401));
        given().header("Authorization", "Bearer nope").get("/api/articles").then().statusCode(401);
        given().get("/api/stream?key=nope").then().statusCode(401).contentType(startsWith("application/problem+json"));
    }

    @Test
    void bearerHeaderOrKeyParameterIsAccepted() {
        given().header("Authorization", "Bearer k-one").get("/api/articles").then().statusCode(200);
        given().get("/api/tags?key=k-two").then().statusCode(200);
        try (SseClient client = SseClient.open(stream + "?key=k-two")) {
            assertThat(client.status).isEqualTo(200);
            assertThat(client.contentType).startsWith("text/event-stream");
        }
    }

    /** Issue 11: the story endpoints and the story filter are classified like the article ones (deny by default). */
    @Test
    void storiesNeedAKeyLikeArticles() {
        for (String path : List.of("/api/stories", "/api/stories/st-x", "/api/articles?story=st-x", "/api/stories;x=1",
                "/api/stories/", "/API/stories", "/api//stories")) {
            given().urlEncodingEnabled(false).get(path).then().statusCode(401)
                    .contentType(startsWith("application/problem+json"));
        }
        given().get("/api/stream?story=st-x").then().statusCode(401);
        given().header("Authorization", "Bearer k-one").get("/api/stories").then().statusCode(200);
        given().get("/api/stories?key=k-two").then().statusCode(200);
        given().header("Authorization", "Bearer k-one").get("/api/stories/st-unknown").then().statusCode(404);
        given().header("Authorization", "Bearer nope").get("/api/stories").then().statusCode(401);
    }

    @Test
    void healthOpenApiAndThePageStayOpen() {
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
        given().get("/").then().statusCode(200);
        given().get("/app.js").then().statusCode(200);
        given().get("/app.css").then().statusCode(200);
    }

    @Test
    void corsOptInAnswersOnlyListedOrigins() {
        given().header("Origin", "https://allowed.example").header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization")
                .options("/api/articles").then().statusCode(204)
                .header("Access-Control-Allow-Origin", "https://allowed.example")
                .header("Access-Control-Allow-Headers", org.hamcrest.Matchers.containsString("Authorization"));
        given().header("Origin", "https://allowed.example").header("Authorization", "Bearer k-one")
                .get("/api/articles").then().statusCode(200)
                .header("Access-Control-Allow-Origin", "https://allowed.example")
                .header("Vary", org.hamcrest.Matchers.containsString("Origin"));
        given().header("Origin", "https://evil.example").header("Authorization", "Bearer k-one")
                .get("/api/articles").then().statusCode(200)
                .header("Access-Control-Allow-Origin", org.hamcrest.Matchers.nullValue());
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "GET")
                .options("/api/articles").then().statusCode(401)
                .header("Access-Control-Allow-Origin", org.hamcrest.Matchers.nullValue());
    }
}
