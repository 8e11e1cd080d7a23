package dev.newswire.api.http;

import static dev.newswire.api.support.TestArticles.about;
import static dev.newswire.api.support.TestArticles.publish;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newswire.api.support.RawHttp;
import dev.newswire.kafka.NewswireKafkaResource;
import dev.newswire.model.EnrichedArticle;
import dev.newswire.model.NewsJson;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 9 item 3: with keys set, no spelling of an API path serves data without a key. Every
 * endpoint is asked in every path form a router, JAX-RS and a proxy might disagree on (matrix
 * parameters, encoded slashes, empty and dot segments, case, trailing slash, absolute-form target),
 * over a raw socket so the path reaches the server as written. Each must be a 4xx problem+json,
 * never 200.
 */
@QuarkusTest
@QuarkusTestResource(NewswireKafkaResource.class)
@TestProfile(ApiKeyTest.WithKeys.class)
class ApiKeyPathFormsTest {

    private static final String MARKER = "pathforms-" + UUID.randomUUID().toString().substring(0, 8);
    private static volatile String articleId;

    @TestHTTPResource("/")
    URL root;

    @BeforeEach
    void oneArticleToLeak() {
        if (articleId != null) {
            return;
        }
        EnrichedArticle article = about(MARKER, "Path forms " + MARKER);
        publish(article);
        await().until(() -> given().header("Authorization", "Bearer k-one").get("/api/articles/" + article.id())
                .statusCode() == 200);
        articleId = article.id();
    }

    static Stream<Arguments> pathForms() {
        List<Arguments> forms = new ArrayList<>();
        for (String endpoint : List.of("articles", "articles/{id}", "entities", "tags", "stream")) {
            for (String form : forms(endpoint)) {
                forms.add(Arguments.of(endpoint, form));
            }
        }
        return forms.stream();
    }

    private static List<String> forms(String e) {
        return List.of(
                "/api/" + e,
                "/api;/" + e,
                "/api;x/" + e,
                "/api;key=/" + e,
                "/api/" + e + ";",
                "/api/" + e + ";x=1",
                "/api%2F" + e,
                "/api%2f" + e,
                "/%61pi/" + e,
                "//api/" + e,
                "/api//" + e,
                "/./api/" + e,
                "/api/./" + e,
                "/x/../api/" + e,
                "/api/x/../" + e,
                "/q/health/../../api/" + e,
                "/q/health/..;/../api/" + e,
                "/app.js/../api/" + e,
                "/API/" + e,
                "/Api/" + e,
                "/api/" + e.toUpperCase(Locale.ROOT),
                "/api/" + e + "/",
                "/api/" + e + "?limit=5&from=earliest",
                "ABSOLUTE/api/" + e);
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("pathForms")
    void noPathFormServesDataWithoutAKey(String endpoint, String form) throws Exception {
        int port = root.getPort();
        String target = form.replace("{id}", articleId).replace("{ID}", articleId)
                .replace("ABSOLUTE", "http://127.0.0.1:" + port);
        RawHttp.Answer answer = RawHttp.get(port, target, "Accept: */*");

        assertThat(answer.status()).as("%s -> %s", target, answer).isBetween(400, 499);
        assertThat(answer.contentType()).as("%s -> %s", target, answer).startsWith("application/problem+json");
        JsonNode problem = NewsJson.mapper().readTree(answer.body());
        assertThat(problem.path("status").asInt()).isEqualTo(answer.status());
        assertThat(answer.body()).doesNotContain(MARKER).doesNotContain("\"items\"");
    }
}
