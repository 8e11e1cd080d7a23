package dev.newswire.deploy.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Runs {@code ./newswire up} as a user would (on spare ports, with its own run folder), checks the
 * whole system becomes ready and the seeds flow through to the api, then sends SIGINT to the
 * process group the way a terminal's Ctrl-C does and checks nothing is left behind.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NewswireUpTest {

    private static NewswireUpProcess up;
    private static long startedAt;

    @BeforeAll
    static void start() throws IOException {
        startedAt = System.nanoTime();
        up = NewswireUpProcess.start(28080, 29092, "newswire-up-test", Map.of());
    }

    @AfterAll
    static void cleanUp() throws Exception {
        NewswireUpProcess.killIfAlive(up);
    }

    @Test
    @Order(1)
    void allThreeServicesBecomeReady() {
        up.awaitAllReady();
        System.out.printf("./newswire up: all ready after %d s%n", Duration.ofNanos(System.nanoTime() - startedAt).toSeconds());
    }

    @Test
    @Order(2)
    void theSeedsAreReplayedEnrichedAndServed() {
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(2))
                .until(() -> countArticles() >= 5);
    }

    /**
     * By default every JVM starts from its class-data sharing archive (issue 15, start <= 15 s): the
     * archive is mapped into the running process. A build newer than the archives (as here after
     * the reactor's package) gets them from the rehearsal `up` runs first, not from a serving JVM's exit.
     */
    @Test
    @Order(3)
    void everyProcessStartsFromItsClassDataSharingArchive() throws Exception {
        String out = Files.readString(up.output);
        assertThat(out).as("what up said").contains("class-data sharing: archives for kafka ingest enrich api (in ");
        for (String name : List.of("kafka", "ingest", "enrich", "api")) {
            long pid = Long.parseLong(Files.readString(up.runDir.resolve("pids/" + name + ".pid")).trim());
            Path archive = up.root.resolve("target/cds/" + name + ".jsa");
            assertThat(Files.readString(Path.of("/proc/" + pid + "/maps"))).as("%s (pid %d) maps %s", name, pid, archive)
                    .contains(archive.toString());
        }
    }

    /**
     * enrich's JVM boots with the broker (its model loading is the longest path to ready), yet the
     * contract topics still get kafka-local's settings: nothing auto-created them first.
     */
    @Test
    @Order(4)
    void enrichBootsWithTheBrokerAndTheTopicsKeepTheirSettings() throws Exception {
        String out = Files.readString(up.output);
        Matcher kafka = Pattern.compile("kafka +ready on \\S+ \\(([0-9.]+) s after its process started\\)").matcher(out);
        Matcher enrich = Pattern.compile("enrich +ready on \\S+ after ([0-9.]+) s \\(([0-9.]+) s after its process started\\)").matcher(out);
        assertThat(kafka.find()).as("the broker's ready line with its own start time, in:%n%s", out).isTrue();
        assertThat(enrich.find()).as("enrich's ready line with its own start time, in:%n%s", out).isTrue();
        double enrichLaunched = Double.parseDouble(enrich.group(1)) - Double.parseDouble(enrich.group(2));
        assertThat(enrichLaunched).as("seconds after `up` began that enrich was launched, vs the broker's ready time")
                .isLessThan(Double.parseDouble(kafka.group(1)));

        ConfigResource raw = new ConfigResource(ConfigResource.Type.TOPIC, "news.articles.raw");
        ConfigResource enriched = new ConfigResource(ConfigResource.Type.TOPIC, "news.articles.enriched");
        try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", "127.0.0.1:" + up.kafka))) {
            Map<ConfigResource, Config> configs = admin.describeConfigs(List.of(raw, enriched)).all().get(30, TimeUnit.SECONDS);
            assertThat(configs.get(raw).get("max.message.bytes").value()).isEqualTo(Integer.toString(16 * 1024 * 1024));
            assertThat(configs.get(enriched).get("cleanup.policy").value()).isEqualTo("compact");
        }
    }

    @Test
    @Order(5)
    void ctrlCStopsEveryProcessAndFreesThePorts() throws Exception {
        up.signalGroup("INT");
        assertThat(up.process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).as("./newswire up exits after SIGINT").isTrue();
        up.awaitEverythingGone();
    }

    private static int countArticles() {
        try {
            HttpResponse<String> response = NewswireUpProcess.get("http://127.0.0.1:" + up.api + "/api/articles?limit=50");
            if (response.statusCode() != 200) {
                return 0;
            }
            // Count article ids without binding to the page's exact shape.
            return (int) java.util.regex.Pattern.compile("\"enrichedAt\"").matcher(response.body()).results().count();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }
}
