package dev.newswire.api.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.newswire.kafka.NewswireKafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** 404 and 400 answers are problem+json naming the parameter; without keys the API is open. */
@QuarkusTest
@QuarkusTestResource(NewswireKafkaResource.class)
class ProblemsTest {

    @Test
    void unknownArticleIs404Problem() {
        given().get("/api/articles/does-not-exist").then().statusCode(404)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(404))
                .body("type", equalTo("https://newswire.dev/problems/not-found"))
                .body("instance", equalTo("/api/articles/does-not-exist"))
                .body("detail", containsString("does-not-exist"));
    }

    @ParameterizedTest
    @CsvSource({
            "/api/articles?limit=-3, limit",
            "/api/articles?limit=201, limit",
            "/api/articles?limit=ten, limit",
            "/api/articles?cursor=@@@, cursor",
            "/api/articles?lang=english!, lang",
            "/api/entities?window=forever, window",
            "/api/tags?window=0h, window",
            "/api/stream?from=middle, from",
            "/api/stream?since=yesterday, since",
            "/api/stream?lastEventId=not-a-token, lastEventId",
    })
    void badParametersAre400ProblemsNamingTheParameter(String path, String parameter) {
        given().urlEncodingEnabled(false).get(path).then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(400))
                .body("parameter", equalTo(parameter));
    }

    @Test
    void badLastEventIdHeaderIs400() {
        given().header("Last-Event-ID", "!!").get("/api/stream").then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("parameter", equalTo("Last-Event-ID"));
    }

    @Test
    void withoutKeysTheApiIsOpen() {
        given().get("/api/articles").then().statusCode(200);
        given().get("/api/tags").then().statusCode(200);
    }

    @Test
    void openApiDocumentsEveryEndpointAndThePageIsServed() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/stream'.get.summary", containsString("Server-Sent Events"))
                .body("paths.'/api/articles'.get", org.hamcrest.Matchers.notNullValue())
                .body("paths.'/api/articles/{id}'.get", org.hamcrest.Matchers.notNullValue())
                .body("paths.'/api/entities'.get", org.hamcrest.Matchers.notNullValue())
                .body("paths.'/api/tags'.get", org.hamcrest.Matchers.notNullValue());
        given().get("/").then().statusCode(200).body(containsString("app.js"));
        given().get("/app.js").then().statusCode(200).body(containsString("EventSource"));
    }

    @Test
    void corsIsOffByDefault() {
        // Opt-in per origin (NEWSWIRE_API_CORS_ORIGINS): see ApiKeyTest and SecurityHeadersTest.
        given().header("Origin", "http://example.org").get("/api/articles").then().statusCode(200)
                .header("Access-Control-Allow-Origin", org.hamcrest.Matchers.nullValue());
    }
}
