package dev.newswire.ingest.replay;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.newswire.ingest.config.IngestConfig;
import dev.newswire.ingest.intake.RecentIdsLoader;
import dev.newswire.ingest.messaging.RawArticlePublisher;
import dev.newswire.kafka.EmbeddedKafka;
import dev.newswire.kafka.NewswireKafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.common.annotation.Identifier;
import jakarta.inject.Inject;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The start-up replay waits for the broker however long it takes. It gave up after one
 * {@code broker-wait} (120 s) and `./newswire up` then had no seeds whenever the broker came up late.
 * Here the replay starts as at start-up (a producer that has never reached the broker) with the
 * broker down and a wait of 1 s, and the broker comes back only after several waits.
 */
@QuarkusTest
@QuarkusTestResource(NewswireKafkaResource.class)
class ReplayOnStartLateBrokerTest {

    @Inject
    IngestConfig config;
    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafka;
    @Inject
    ReplayOnStart replayOnStart;
    @Inject
    ReplayRegistry replays;
    @Inject
    RecentIdsLoader window;

    @Test
    void theReplayStartsOnceTheBrokerIsBackHoweverLate() {
        EmbeddedKafka broker = NewswireKafkaResource.embedded()
                .orElseThrow(() -> new IllegalStateException("this test stops the embedded broker; run without KAFKA_BOOTSTRAP_SERVERS"));
        long doneBefore = seedReplays().stream().filter(r -> "DONE".equals(r.get("state"))).count();
        int before = seedReplays().size();
        broker.stop();
        RawArticlePublisher neverConnected = new RawArticlePublisher(config, kafka);
        try {
            replayOnStart.onStart(null, withReplayOnStart(config), neverConnected, replays, window);
            // several waits go by while the broker is away: nothing is replayed yet, and nothing gave up
            await().during(Duration.ofSeconds(12)).atMost(Duration.ofSeconds(20)).until(() -> seedReplays().size() == before);
        } finally {
            broker.restart();
        }
        await().atMost(Duration.ofSeconds(90)).until(() -> seedReplays().stream()
                .filter(r -> "DONE".equals(r.get("state"))
                        && ((Number) r.get("sent")).intValue() + ((Number) r.get("duplicates")).intValue() == 5)
                .count() > doneBefore);
        assertThat(seedReplays()).hasSize(before + 1);
        neverConnected.close();
    }

    private static List<Map<String, Object>> seedReplays() {
        return given().get("/api/replay").then().statusCode(200).extract().jsonPath()
                .getList("findAll { it.dir == '" + ReplayOnStartTest.SEEDS + "' }");
    }

    /** The service's settings with the start-up replay of seeds/ on, waiting 1 s at a time for the broker. */
    private static IngestConfig withReplayOnStart(IngestConfig config) {
        IngestConfig.ReplayOnStart settings = (IngestConfig.ReplayOnStart) Proxy.newProxyInstance(
                IngestConfig.class.getClassLoader(), new Class<?>[] {IngestConfig.ReplayOnStart.class}, (proxy, method, args) ->
                        switch (method.getName()) {
                            case "dir" -> Optional.of(ReplayOnStartTest.SEEDS);
                            case "ratePerSecond" -> 0.0;
                            case "loop" -> false;
                            case "glob" -> "*";
                            case "brokerWait" -> Duration.ofSeconds(1);
                            default -> throw new UnsupportedOperationException(method.getName());
                        });
        return (IngestConfig) Proxy.newProxyInstance(IngestConfig.class.getClassLoader(), new Class<?>[] {IngestConfig.class},
                (proxy, method, args) -> "replayOnStart".equals(method.getName()) ? settings : method.invoke(config, args));
    }
}
