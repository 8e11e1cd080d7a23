package dev.newswire.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newswire.kafka.NewswireKafkaResource;
import dev.newswire.model.Problem;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Errors answered below JAX-RS are problem+json too, each with X-Content-Type-Options: nosniff, and
 * name no exception class or server path. Raw sockets: no client library would send these requests.
 */
@QuarkusTest
@QuarkusTestResource(NewswireKafkaResource.class)
class HttpLayerProblemsTest {

    @Test
    void longUrlIs414ProblemJson() {
        RawHttp.Answer answer = RawHttp.send("GET /api/articles?x=" + "a".repeat(5000) + " HTTP/1.1\r\nHost: 127.0.0.1", null);
        assertProblem(answer, 414, "uri-too-long");
    }

    @Test
    void bigHeadersAre431ProblemJson() {
        RawHttp.Answer answer = RawHttp.send("GET /api/articles HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + "b".repeat(30_000), null);
        assertProblem(answer, 431, "headers-too-large");
    }

    @Test
    void badPercentEncodingIs400ProblemJson() {
        RawHttp.Answer answer = RawHttp.send("GET /api/%zz HTTP/1.1\r\nHost: 127.0.0.1", null);
        assertProblem(answer, 400, "");
    }

    @Test
    void bodyOverTheBatchLimitIs413BeforeItIsRead() {
        // Only the head is sent: the answer must come from the Content-Length alone.
        RawHttp.Answer answer = RawHttp.send("POST /api/articles HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-ndjson\r\n"
                + "Content-Length: " + (16 * 1024 * 1024 + 1), null);
        assertProblem(answer, 413, "too-large");
        assertThat(answer.header("Connection")).isEqualToIgnoringCase("close");
    }

    @Test
    void articleOverItsLimitIs413BeforeItIsRead() {
        RawHttp.Answer answer = RawHttp.send("POST /api/articles HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\n"
                + "Content-Length: " + (2 * 1024 * 1024), null);
        assertProblem(answer, 413, "too-large");
    }

    @Test
    void unknownPathAndWrongMethodAreProblemJson() {
        assertProblem(RawHttp.send("GET /no/such/path HTTP/1.1\r\nHost: 127.0.0.1", null), 404, "");
        assertProblem(RawHttp.send("DELETE /api/articles HTTP/1.1\r\nHost: 127.0.0.1", null), 405, "");
    }

    @Test
    void successfulAnswersCarryNosniffToo() {
        byte[] body = ("Nosniff " + System.nanoTime()).getBytes(StandardCharsets.UTF_8);
        RawHttp.Answer answer = RawHttp.send("POST /api/articles HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\nContent-Length: "
                + body.length, body);
        assertThat(answer.status()).isEqualTo(202);
        assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    private static void assertProblem(RawHttp.Answer answer, int status, String slug) {
        assertThat(answer.status()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).startsWith(Problem.MEDIA_TYPE);
        assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(answer.body()).contains("\"status\":" + status).contains("https://newswire.dev/problems/" + slug)
                .doesNotContain("Exception").doesNotContain(System.getProperty("user.dir"));
    }
}
