package dev.newswire.ingest.replay;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.newswire.ingest.RawTopicReader;
import dev.newswire.kafka.NewswireKafkaResource;
import dev.newswire.model.Problem;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Issue 9 items 4 (replay part) and 5: replay requests that used to hang, 500, OOM or run without bound. */
@QuarkusTest
@QuarkusTestResource(NewswireKafkaResource.class)
class ReplayAbuseTest {

    @Test
    void aBacktrackingGlobAnswersAtOnce() throws IOException {
        Path root = ReplayFolders.insideRoot();
        // 240 characters: the JDK's regex-based glob needs ~n^k steps for k stars on this name.
        Files.writeString(root.resolve("a".repeat(240) + ".txt"), "Glob " + UUID.randomUUID() + ".");
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            JsonPath status = given().contentType("application/json")
                    .body("{\"dir\": \"" + root + "\", \"glob\": \"*a*a*a*a*a*a*a*a*a*b\"}")
                    .post("/api/replay").then().statusCode(202).extract().jsonPath();
            assertThat(status.getInt("files")).isZero();
        });
        given().contentType("application/json").body("{\"dir\": \"" + root + "\", \"glob\": \"" + "*a".repeat(150) + "\"}")
                .post("/api/replay").then().statusCode(422).contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void wrongTypesAndNulAre400ProblemJson() {
        given().contentType("application/json").body("{\"dir\": \"../seeds\", \"loop\": \"yes\"}").post("/api/replay")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("detail", org.hamcrest.Matchers.containsString("loop"));
        given().contentType("application/json").body("{\"dir\": \"../seeds\", \"ratePerSecond\": \"fast\"}").post("/api/replay")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE);
        given().contentType("application/json").body("{\"dir\": \"../se\\u0000eds\"}").post("/api/replay")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE);
        given().contentType("application/json").body("[1, 2]").post("/api/replay")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void theRateIsBounded() {
        for (String rate : List.of("1e308", "1001", "-1")) {
            given().contentType("application/json").body("{\"dir\": \"../seeds\", \"ratePerSecond\": " + rate + ", \"loop\": true}")
                    .post("/api/replay").then().statusCode(422).contentType(Problem.MEDIA_TYPE);
        }
    }

    @Test
    void atMostFourReplaysRunAtOnce() throws IOException {
        Path root = ReplayFolders.insideRoot();
        Files.writeString(root.resolve("one.txt"), "Looping " + UUID.randomUUID() + ".");
        List<String> ids = new ArrayList<>();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                var answer = given().contentType("application/json")
                        .body("{\"dir\": \"" + root + "\", \"ratePerSecond\": 1, \"loop\": true}").post("/api/replay");
                if (answer.statusCode() == 202) {
                    ids.add(answer.path("id"));
                    return false;
                }
                assertThat(answer.statusCode()).isEqualTo(429);
                assertThat(answer.contentType()).startsWith(Problem.MEDIA_TYPE);
                assertThat(answer.header("Retry-After")).isNotBlank();
                return true;
            });
            assertThat(ids).as("replays started before the 429 (others may still be running)").hasSizeLessThanOrEqualTo(4);
        } finally {
            ids.forEach(id -> given().delete("/api/replay/" + id));
        }
        // Once stopped, their slots are free again.
        await().atMost(Duration.ofSeconds(20)).until(() -> given().contentType("application/json")
                .body("{\"dir\": \"" + root + "\"}").post("/api/replay").statusCode() == 202);
    }

    @Test
    void aHugeFileIsSkippedUnreadAndTheRestIsReplayed() throws IOException {
        Path root = ReplayFolders.insideRoot();
        String tag = UUID.randomUUID().toString();
        Files.writeString(root.resolve("a-small.txt"), "Small " + tag + ".");
        // Sparse: 3 GiB on paper, nothing on disk. Reading it whole cannot even fit an array.
        for (String name : List.of("b-huge.txt", "c-huge.ndjson")) {
            try (RandomAccessFile file = new RandomAccessFile(root.resolve(name).toFile(), "rw")) {
                file.setLength(3L << 30);
            }
        }
        try (RawTopicReader raw = RawTopicReader.open(NewswireKafkaResource.bootstrapServers())) {
            String id = given().contentType("application/json").body("{\"dir\": \"" + root + "\"}").post("/api/replay")
                    .then().statusCode(202).extract().path("id");
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> "DONE".equals(given().get("/api/replay/" + id).then().extract().path("state")));
            JsonPath done = given().get("/api/replay/" + id).then().extract().jsonPath();
            assertThat(done.getInt("sent")).isEqualTo(1);
            assertThat(done.getInt("rejected")).isEqualTo(2);
            raw.until(r -> r.stream().anyMatch(x -> ("Small " + tag + ".").equals(x.field("body"))), Duration.ofSeconds(20));
        }
        given().get("/q/health/live").then().statusCode(200);
    }
}
