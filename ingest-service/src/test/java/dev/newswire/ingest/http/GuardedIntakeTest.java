package dev.newswire.ingest.http;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.newswire.kafka.NewswireKafkaResource;
import dev.newswire.model.Problem;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A service with keys, a tiny cap of bytes in flight and the access log on (it logs every request
 * line and both credential headers): the cap answers 503 while another request holds the bytes, and
 * no credential reaches any log line.
 */
@QuarkusTest
@QuarkusTestResource(NewswireKafkaResource.class)
@TestProfile(GuardedIntakeTest.Guarded.class)
class GuardedIntakeTest {

    static final String KEY = "s3cret-ingest-key-7f3a";
    static final String WRONG_KEY = "wrong-key-4711-zz";
    static final Path LOG = Path.of("target", "guarded-intake-test.log");

    public static class Guarded implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "newswire.ingest.max-bytes-in-flight", "256K",
                    "newswire.ingest.api-keys", KEY,
                    "quarkus.http.access-log.enabled", "true",
                    "quarkus.http.access-log.pattern", "%h \"%r\" %s key=%{i,X-Api-Key} auth=%{i,Authorization}",
                    "quarkus.log.file.enabled", "true",
                    "quarkus.log.file.path", LOG.toString());
        }
    }

    @Test
    void writesOverTheBytesInFlightCapAre503WhileAnotherRequestHoldsThem() throws IOException {
        byte[] article = ("Busy " + UUID.randomUUID() + " " + "x".repeat(100_000)).getBytes(StandardCharsets.UTF_8);
        try (Socket slow = new Socket("127.0.0.1", RestAssured.port)) {
            // A chunked article that sends 200 KB and then stalls: the service holds what it has read.
            OutputStream out = slow.getOutputStream();
            out.write(("POST /api/articles HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\nX-Api-Key: " + KEY
                    + "\r\nTransfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(200_000) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write("y".repeat(200_000).getBytes(StandardCharsets.ISO_8859_1));
            out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            await().atMost(Duration.ofSeconds(20)).until(() -> bytesInFlight() >= 150_000);

            given().contentType("text/plain").header("X-Api-Key", KEY).body(article).post("/api/articles")
                    .then().statusCode(503).contentType(Problem.MEDIA_TYPE)
                    .header("Retry-After", equalTo("5"))
                    .body("type", equalTo("https://newswire.dev/problems/service-busy"));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> bytesInFlight() == 0);
        given().contentType("text/plain").header("X-Api-Key", KEY).body(article).post("/api/articles").then().statusCode(202);
    }

    @Test
    void credentialsNeverReachTheLog() throws IOException {
        String marker = UUID.randomUUID().toString();
        given().contentType("text/plain").header("X-Api-Key", KEY).body("Keyed " + marker).post("/api/articles").then().statusCode(202);
        given().contentType("text/plain").header("Authorization", "Bearer " + KEY).body("Bearer " + marker).post("/api/articles")
                .then().statusCode(202);
        given().contentType("text/plain").header("X-Api-Key", WRONG_KEY).body("Wrong " + marker).post("/api/articles?m=" + marker)
                .then().statusCode(401);
        given().contentType("text/plain").header("Authorization", "Bearer " + WRONG_KEY).body("x").post("/api/articles?m=" + marker)
                .then().statusCode(401);
        // Every replay endpoint needs a key (header); a key= in the query must be masked all the same.
        given().header("X-Api-Key", KEY).get("/api/replay?m=" + marker + "&key=" + KEY).then().statusCode(200);
        given().get("/api/nothing?m=" + marker + "&api_key=" + WRONG_KEY).then().statusCode(404);

        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(LOG)
                && Files.readString(LOG).contains("/api/nothing?m=" + marker));
        String log = Files.readString(LOG);
        assertThat(log).contains("/api/replay?m=" + marker);
        assertThat(log).doesNotContain(KEY).doesNotContain(WRONG_KEY);
    }

    private static long bytesInFlight() {
        String metrics = given().get("/q/metrics").asString();
        Matcher gauge = Pattern.compile("(?m)^newswire_ingest_bytes_in_flight_bytes(?:\\{[^}]*})? ([0-9.E+]+)").matcher(metrics);
        return gauge.find() ? (long) Double.parseDouble(gauge.group(1)) : -1;
    }
}
