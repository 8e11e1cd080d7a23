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
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With keys configured: Bearer header or ?key= (EventSource) pass, anything else is 401 problem+json. */
@QuarkusTest
@QuarkusTestResource(NewswireKafkaResource.class)
@TestProfile(ApiKeyTest.WithKeys.class)
class ApiKeyTest {

    public static class WithKeys implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("newswire.api.keys", "k-one,k-two");
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

    @Test
    void healthAndThePageStayOpen() {
        given().get("/q/health/live").then().statusCode(200);
        given().get("/").then().statusCode(200);
    }
}
