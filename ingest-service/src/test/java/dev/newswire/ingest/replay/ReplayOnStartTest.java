package dev.newswire.ingest.replay;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import dev.newswire.kafka.NewswireKafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** newswire.ingest.replay-on-start.dir (what ./newswire up sets to seeds/) publishes the folder after start-up. */
@QuarkusTest
@QuarkusTestResource(NewswireKafkaResource.class)
@TestProfile(ReplayOnStartTest.SeedsOnStart.class)
class ReplayOnStartTest {

    static final String SEEDS = Path.of("..", "seeds").toAbsolutePath().normalize().toString();

    public static class SeedsOnStart implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("newswire.ingest.replay-on-start.dir", SEEDS,
                    "newswire.ingest.replay-on-start.rate-per-second", "0");
        }
    }

    /** Sent, or duplicates when another test of this JVM published the seeds before: the window survives restarts. */
    @Test
    void seedsArePublishedOnStartUp() {
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            JsonPath replays = given().get("/api/replay").then().statusCode(200).extract().jsonPath();
            return replays.getList("findAll { it.dir == '" + SEEDS + "' && it.state == 'DONE' && it.sent + it.duplicates == 5 }").size() == 1;
        });
    }
}
