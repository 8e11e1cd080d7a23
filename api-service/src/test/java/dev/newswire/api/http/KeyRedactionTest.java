package dev.newswire.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.newswire.api.support.RawHttp;
import dev.newswire.kafka.NewswireKafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 9 item 8: a key sent as {@code ?key=} or {@code Authorization: Bearer} never appears in a
 * log line (the service's log file, with an access log that prints the request line and the
 * Authorization header) nor in a problem answer, also when the request fails.
 */
@QuarkusTest
@QuarkusTestResource(NewswireKafkaResource.class)
@TestProfile(ApiKeyTest.WithKeys.class)
class KeyRedactionTest {

    private static final String SECRET = ApiKeyTest.WithKeys.SECRET;

    @TestHTTPResource("/")
    URL root;

    @Test
    void keysNeverReachTheLogOrAProblem() throws Exception {
        int port = root.getPort();
        // A valid key on a request that fails (since out of range), and invalid uses of it.
        List<RawHttp.Answer> answers = List.of(
                RawHttp.get(port, "/api/stream?key=" + SECRET + "&since=%2B999999999-12-31T23:59:59Z"),
                RawHttp.get(port, "/api/stream?key=" + SECRET + "&since=-100&marker=redaction-1"),
                RawHttp.get(port, "/api/stream?since=1969-12-31&key=" + SECRET),
                RawHttp.get(port, "/api/articles?limit=zero&key=" + SECRET),
                RawHttp.get(port, "/api;key=" + SECRET + "/articles"),
                RawHttp.get(port, "/api/nope?key=" + SECRET),
                RawHttp.get(port, "/api/articles?limit=zero", "Authorization: Bearer " + SECRET),
                RawHttp.get(port, "/api/articles?limit=zero&marker=redaction-2", "Authorization: bearer " + SECRET));
        Path log = Path.of(ApiKeyTest.WithKeys.LOG_FILE);
        // The access log lines of the marked requests prove the log was written before we look for the key.
        await().until(() -> Files.exists(log) && read(log).contains("redaction-1") && read(log).contains("redaction-2"));
        String text = read(log);
        assertThat(text).doesNotContain(SECRET);
        assertThat(text).contains("key=[redacted]");

        for (RawHttp.Answer answer : answers) {
            assertThat(answer.status()).as(answer.toString()).isBetween(400, 499);
            assertThat(answer.body()).as("problem answer").doesNotContain(SECRET);
            assertThat(answer.headers().toString()).doesNotContain(SECRET);
        }
    }

    private static String read(Path log) throws java.io.IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }
}
