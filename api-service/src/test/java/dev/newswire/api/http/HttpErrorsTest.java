package dev.newswire.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newswire.api.support.RawHttp;
import dev.newswire.kafka.NewswireKafkaResource;
import dev.newswire.model.NewsJson;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 9 item 10 (api-service): answers made below JAX-RS (Vert.x limits, routing, URL decoding)
 * are problem+json like every other error, and no error detail names a class, a file or a folder.
 * Raw HTTP, so the malformed requests reach the server as sent.
 */
@QuarkusTest
@QuarkusTestResource(NewswireKafkaResource.class)
class HttpErrorsTest {

    @TestHTTPResource("/")
    URL root;

    private int port() {
        return root.getPort();
    }

    @Test
    void bodyOverTheLimitIs413() throws Exception {
        byte[] body = new byte[1 << 20];
        Arrays.fill(body, (byte) 'x');
        assertProblem(RawHttp.send(port(), "GET", "/api/articles", body, "Content-Type: text/plain"), 413);
        // Declared too big: refused from the header, before any byte is read.
        assertProblem(RawHttp.send(port(), "GET", "/api/tags", null, "Content-Length: 50000000"), 413);
    }

    @Test
    void longUrlIs414() throws Exception {
        assertProblem(RawHttp.get(port(), "/api/articles?q=" + "a".repeat(20_000)), 414);
        assertProblem(RawHttp.get(port(), "/" + "x".repeat(10_000)), 414);
    }

    @Test
    void bigHeadersAre431() throws Exception {
        assertProblem(RawHttp.get(port(), "/api/articles", "X-Big: " + "h".repeat(30_000)), 431);
        String[] many = new String[300];
        Arrays.setAll(many, i -> "X-Many-" + i + ": " + "m".repeat(100));
        assertProblem(RawHttp.get(port(), "/api/tags", many), 431);
    }

    @ParameterizedTest
    @CsvSource({
            "GET, /api/articles/%zz, 400",
            "GET, /%zz, 400",
            "GET, /api/%zz/articles, 400",
            "GET, /api/articles?q=%zz, 400",
            "GET, /api/stream?tag=%, 400",
            "GET, /nope, 404",
            "GET, /api/nope, 404",
            "GET, /api/articles/no-such-article, 404",
            "GET, /q/nope, 404",
            "DELETE, /api/articles, 405",
            "POST, /api/tags, 405",
            "PUT, /api/articles/x, 405",
            "PATCH, /api/entities, 405",
            "POST, /api/stream, 405",
            "DELETE, /api/stream, 405",
    })
    void routingAndDecodingErrorsAreProblems(String method, String target, int status) throws Exception {
        assertProblem(RawHttp.send(port(), method, target, method.equals("GET") ? null : new byte[0]), status);
    }

    private static void assertProblem(RawHttp.Answer answer, int status) throws Exception {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.contentType()).as(answer.toString()).startsWith("application/problem+json");
        JsonNode problem = NewsJson.mapper().readTree(answer.body());
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(answer.body()).doesNotContain("Exception", "java.", "io.vertx", "/work/", "/home/", "/root/", "at dev.");
        assertThat(answer.header("x-content-type-options")).isEqualTo("nosniff");
    }
}
