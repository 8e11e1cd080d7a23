package dev.newswire.enrich.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.newswire.kafka.NewswireKafkaResource;
import dev.newswire.model.Problem;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Issue 9 item 10, enrich part: error answers are problem+json, not HTML pages. */
@QuarkusTest
@WithTestResource(NewswireKafkaResource.class)
class ProblemErrorPagesTest {

    @Test
    void unknownPathIs404ProblemJson() {
        given().accept("text/html").get("/no/such/page").then()
                .statusCode(404)
                .contentType(Problem.MEDIA_TYPE)
                .body("status", equalTo(404))
                .body("title", equalTo("Not Found"))
                .body("instance", equalTo("/no/such/page"))
                .body(org.hamcrest.Matchers.not(containsString("<html")));
        given().get("/api/articles").then().statusCode(404).contentType(Problem.MEDIA_TYPE);
        given().get("/").then().statusCode(404).contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void unknownPathUnderTheManagementPrefixIsProblemJson() {
        given().get("/q/no-such-endpoint").then()
                .statusCode(404)
                .contentType(Problem.MEDIA_TYPE)
                .body("status", equalTo(404));
    }
}
