package dev.newswire.ingest.replay;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import dev.newswire.ingest.RawTopicReader;
import dev.newswire.kafka.NewswireKafkaResource;
import dev.newswire.model.ArticleIds;
import dev.newswire.model.CloudEvents;
import dev.newswire.model.Problem;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** POST/GET/DELETE /api/replay against the real embedded broker. */
@QuarkusTest
@QuarkusTestResource(NewswireKafkaResource.class)
class ReplayTest {

    private static final Path SEEDS = Path.of("..", "seeds").toAbsolutePath().normalize();
    private RawTopicReader raw;

    @BeforeEach
    void openTopic() {
        raw = RawTopicReader.open(NewswireKafkaResource.bootstrapServers());
    }

    @AfterEach
    void closeTopic() {
        raw.close();
    }

    @Test
    void seedsArePublishedExactlyOnceInNameOrderAtTheGivenRate() throws IOException {
        List<Path> seeds;
        try (var files = Files.list(SEEDS)) {
            seeds = files.filter(f -> f.toString().endsWith(".txt")).sorted().toList();
        }
        assertThat(seeds).hasSize(5);

        String id = given().contentType("application/json")
                // skipDuplicates false: other tests of this JVM may have published the seeds, and the
                // dedup window is rebuilt from the topic at every start.
                .body("{\"dir\": \"" + SEEDS + "\", \"ratePerSecond\": 4, \"glob\": \"*.txt\", \"skipDuplicates\": false}")
                .post("/api/replay").then().statusCode(202).body("total", equalTo(5)).extract().path("id");
        JsonPath done = awaitState(id, "DONE");
        assertThat(done.getInt("sent")).isEqualTo(5);
        assertThat(done.getInt("failed")).isZero();

        List<RawTopicReader.Raw> records = raw.until(r -> r.size() >= 5, Duration.ofSeconds(20)).stream()
                .sorted(Comparator.comparing(r -> Instant.parse(r.field("receivedAt"))))
                .toList();
        assertThat(records).hasSize(5);
        assertThat(records).extracting(r -> r.field("source"))
                .containsExactlyElementsOf(seeds.stream().map(f -> "replay:" + f.getFileName()).toList());
        for (int i = 0; i < 5; i++) {
            String text = Files.readString(seeds.get(i));
            assertThat(records.get(i).key()).isEqualTo(ArticleIds.of(null, text));
            assertThat(records.get(i).field("body")).isEqualTo(text);
            assertThat(records.get(i).headers()).containsEntry(CloudEvents.HEADER_SOURCE, "/newswire/ingest/replay");
        }
        assertThat(records.get(2).field("title")).isEqualTo("Netanyahu Engages in Strategic Dialogue with U.S. Amid Gaza Crisis");
        assertThat(records.get(0).field("title")).as("a first line that is a paragraph is no headline").isNull();

        // 5 articles at 4/s: slots at 0, 0.25 ... 1.0 s.
        Duration spread = Duration.between(Instant.parse(records.get(0).field("receivedAt")),
                Instant.parse(records.get(4).field("receivedAt")));
        assertThat(spread).isBetween(Duration.ofMillis(900), Duration.ofMillis(3000));
        assertThat(done.getDouble("actualRatePerSecond")).isBetween(1.0, 6.0);

        // The same folder again: every article is a repeat within the dedup window.
        String again = given().contentType("application/json").body("{\"dir\": \"" + SEEDS + "\", \"glob\": \"*.txt\"}")
                .post("/api/replay").then().statusCode(202).extract().path("id");
        assertThat(awaitState(again, "DONE").getInt("duplicates")).isEqualTo(5);
    }

    @Test
    void readsJsonNdjsonAndHtmlAndLoopsUntilStopped() throws IOException {
        Path dir = ReplayFolders.insideRoot();
        String tag = UUID.randomUUID().toString();
        Files.writeString(dir.resolve("a.json"), "{\"title\": \"A\", \"body\": \"Article A " + tag + ".\", \"source\": \"ignored\"}");
        Files.writeString(dir.resolve("b.ndjson"), "{\"body\": \"Article B1 " + tag + ".\"}\n{broken\n{\"body\": \"Article B2 " + tag + ".\"}\n");
        Files.writeString(dir.resolve("c.html"), "<html><body><p>Article C " + tag + ".</p></body></html>");
        Files.writeString(dir.resolve("d.bin"), "not an article format");

        String id = given().contentType("application/json")
                .body("{\"dir\": \"" + dir + "\", \"ratePerSecond\": 40, \"loop\": true}")
                .post("/api/replay").then().statusCode(202).body("files", equalTo(3)).body("total", equalTo(5))
                .extract().path("id");
        await().atMost(Duration.ofSeconds(20)).until(() -> status(id).getInt("pass") >= 3);
        given().delete("/api/replay/" + id).then().statusCode(200);
        JsonPath stopped = awaitState(id, "STOPPED");
        assertThat(stopped.getInt("rejected")).isGreaterThanOrEqualTo(2);

        List<RawTopicReader.Raw> records = raw.until(r -> r.size() >= stopped.getInt("sent"), Duration.ofSeconds(20));
        assertThat(records).hasSize(stopped.getInt("sent"));
        assertThat(records).extracting(r -> r.field("source")).contains("replay:a.json", "replay:b.ndjson", "replay:c.html")
                .doesNotContain("ignored");
        assertThat(records).filteredOn(r -> "replay:c.html".equals(r.field("source")))
                .allSatisfy(r -> assertThat(r.field("contentType")).isEqualTo("text/html"));
        long distinctIds = records.stream().map(RawTopicReader.Raw::key).distinct().count();
        assertThat(distinctIds).as("loop passes re-publish the same 4 articles").isEqualTo(4);
    }

    @Test
    void badRequestsAreProblems() {
        given().get("/api/replay/nope").then().statusCode(404).contentType(Problem.MEDIA_TYPE)
                .body("detail", containsString("nope"));
        given().contentType("application/json").body("{\"dir\": \"/definitely/not/here\"}").post("/api/replay")
                .then().statusCode(422).contentType(Problem.MEDIA_TYPE).body("detail", containsString("not a folder"));
        given().contentType("application/json").body("{\"dir\": \"" + SEEDS + "\", \"ratePerSecond\": -1}").post("/api/replay")
                .then().statusCode(422).contentType(Problem.MEDIA_TYPE);
        given().contentType("application/json").body("{\"dir\": ").post("/api/replay")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE).body("title", notNullValue());
    }

    private static JsonPath status(String id) {
        return given().get("/api/replay/" + id).then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath awaitState(String id, String state) {
        await().atMost(Duration.ofSeconds(20)).until(() -> state.equals(status(id).getString("state")));
        return status(id);
    }
}
