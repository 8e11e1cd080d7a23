package dev.newswire.ingest.replay;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.newswire.ingest.RawTopicReader;
import dev.newswire.kafka.NewswireKafkaResource;
import dev.newswire.model.Problem;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 9 item 2: POST /api/replay reads only inside the replay roots (here ../seeds and
 * target/replay-roots), whatever path, link or trick names a folder outside, and the refusal does
 * not tell a missing folder from a forbidden one. A canary file outside must never be published.
 */
@QuarkusTest
@QuarkusTestResource(NewswireKafkaResource.class)
class ReplayConfinementTest {

    private RawTopicReader raw;
    private Path outside;
    private String canary;

    @BeforeEach
    void canaryOutsideTheRoots() throws IOException {
        raw = RawTopicReader.open(NewswireKafkaResource.bootstrapServers());
        outside = ReplayFolders.outsideRoots();
        canary = "CANARY " + UUID.randomUUID() + " must never be published.";
        Files.writeString(outside.resolve("canary.txt"), canary);
    }

    @AfterEach
    void close() {
        raw.close();
    }

    @Test
    void foldersOutsideTheRootsAreRefusedAlikeAndNameNoPath() throws IOException {
        Path root = ReplayFolders.insideRoot();
        Path linkOut = Files.createSymbolicLink(root.resolve("link-out"), outside);
        Path cwd = Path.of("").toAbsolutePath();
        List<String> attacks = List.of("/etc", "/root", "../../", "..", "/", "/proc/self/root", "/proc/self/cwd",
                outside.toString(), linkOut.toString(), root + "/../../outside-replay-roots/" + outside.getFileName(),
                "target/replay-roots/../outside-replay-roots/" + outside.getFileName(), "../seeds/../../",
                "/definitely/not/here/" + UUID.randomUUID(), "no-such-folder-" + UUID.randomUUID(),
                root.resolve("canary.txt").toString());
        List<String> details = new ArrayList<>();
        for (String dir : attacks) {
            JsonPath problem = given().contentType("application/json").body("{\"dir\": \"" + dir + "\"}")
                    .post("/api/replay").then().statusCode(422).contentType(Problem.MEDIA_TYPE).extract().jsonPath();
            String detail = problem.getString("detail");
            assertThat(detail).as(dir).doesNotContain(cwd.toString()).doesNotContain(outside.toString())
                    .doesNotContain("/etc").doesNotContain("/root").doesNotContain("/proc");
            details.add(detail);
        }
        assertThat(details).as("a missing folder and a forbidden one get the same answer").containsOnly(details.get(0));
        assertThat(raw.records()).noneMatch(r -> canary.equals(r.field("body")));
    }

    @Test
    void aLinkInsideARootToAFileOutsideIsNeverRead() throws IOException {
        Path root = ReplayFolders.insideRoot();
        String tag = UUID.randomUUID().toString();
        Files.writeString(root.resolve("a-inside.txt"), "Inside the root " + tag + ".");
        Files.createSymbolicLink(root.resolve("b-leak.txt"), outside.resolve("canary.txt"));
        Files.createSymbolicLink(root.resolve("c-passwd.txt"), Path.of("/etc/passwd"));
        // A link that stays inside the root is fine.
        Files.createSymbolicLink(root.resolve("d-alias.txt"), root.resolve("a-inside.txt"));

        String id = given().contentType("application/json").body("{\"dir\": \"" + root + "\"}").post("/api/replay")
                .then().statusCode(202).extract().path("id");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> "DONE".equals(given().get("/api/replay/" + id).then().extract().path("state")));
        JsonPath done = given().get("/api/replay/" + id).then().extract().jsonPath();
        assertThat(done.getInt("files")).as("a-inside and d-alias only").isEqualTo(2);

        raw.until(r -> r.stream().anyMatch(x -> ("Inside the root " + tag + ".").equals(x.field("body"))), Duration.ofSeconds(20));
        assertThat(raw.records()).extracting(r -> r.field("body")).doesNotContain(canary)
                .noneMatch(body -> body != null && body.contains("root:x:0:0"));
    }

    @Test
    void aRelativeFolderResolvesInsideARoot() throws IOException {
        Path root = ReplayFolders.insideRoot();
        Files.writeString(root.resolve("x.txt"), "Relative " + UUID.randomUUID() + ".");
        given().contentType("application/json").body("{\"dir\": \"" + root.getFileName() + "\"}").post("/api/replay")
                .then().statusCode(202);
    }
}
