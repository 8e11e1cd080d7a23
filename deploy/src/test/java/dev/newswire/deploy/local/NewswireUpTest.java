package dev.newswire.deploy.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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

    private static final int API = 28080;
    private static final int INGEST = 28081;
    private static final int ENRICH = 28082;
    private static final int KAFKA = 29092;
    private static final List<Integer> PORTS = List.of(API, INGEST, ENRICH, KAFKA, KAFKA + 1);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static Path root;
    private static Path runDir;
    private static Process up;
    private static long startedAt;

    @BeforeAll
    static void start() throws IOException {
        root = Path.of(System.getProperty("newswire.repo.root", "..")).toAbsolutePath().normalize();
        runDir = root.resolve("deploy/target/newswire-up-test");
        assertThat(PORTS).as("test ports must be free").noneMatch(NewswireUpTest::listening);
        Files.createDirectories(runDir);
        // setsid: own process group, so the test can signal the whole group like a terminal does.
        // env --default-signal: a JVM started in the background inherits SIGINT as ignored, and a
        // shell cannot trap a signal ignored on entry; a terminal's Ctrl-C always finds it default.
        ProcessBuilder builder = new ProcessBuilder("setsid", "env", "--default-signal=INT,TERM",
                root.resolve("newswire").toString(), "up")
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(runDir.resolve("newswire-up.out").toFile());
        Map<String, String> env = builder.environment();
        env.remove("KAFKA_BOOTSTRAP_SERVERS");
        env.put("API_PORT", Integer.toString(API));
        env.put("INGEST_PORT", Integer.toString(INGEST));
        env.put("ENRICH_PORT", Integer.toString(ENRICH));
        env.put("KAFKA_PORT", Integer.toString(KAFKA));
        env.put("NEWSWIRE_RUN_DIR", runDir.toString());
        env.put("NEWSWIRE_DATA_DIR", runDir.resolve("data").toString());
        // The reactor has just packaged every jar; a nested Maven build here would race it.
        env.put("NEWSWIRE_BUILD", "skip");
        startedAt = System.nanoTime();
        up = builder.start();
    }

    @AfterAll
    static void cleanUp() throws Exception {
        if (up != null && up.isAlive()) {
            signalGroup("KILL");
        }
    }

    @Test
    @Order(1)
    void allThreeServicesBecomeReady() {
        await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofSeconds(1))
                .failFast("./newswire up exited early; see " + runDir.resolve("newswire-up.out"), () -> !up.isAlive())
                .until(() -> ready(API) && ready(INGEST) && ready(ENRICH));
        System.out.printf("./newswire up: all ready after %d s%n", Duration.ofNanos(System.nanoTime() - startedAt).toSeconds());
    }

    @Test
    @Order(2)
    void theSeedsAreReplayedEnrichedAndServed() {
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(2))
                .until(() -> countArticles() >= 5);
    }

    @Test
    @Order(3)
    void ctrlCStopsEveryProcessAndFreesThePorts() throws Exception {
        signalGroup("INT");
        assertThat(up.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).as("./newswire up exits after SIGINT").isTrue();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(groupMembers()).as("processes left in the group").isEmpty();
            assertThat(PORTS).as("ports still held").noneMatch(NewswireUpTest::listening);
        });
    }

    private static int countArticles() {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + API + "/api/articles?limit=50")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
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

    private static boolean ready(int port) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void signalGroup(String signal) throws Exception {
        new ProcessBuilder("kill", "-" + signal, "--", "-" + up.pid()).inheritIO().start().waitFor();
    }

    private static List<String> groupMembers() throws Exception {
        Process pgrep = new ProcessBuilder("pgrep", "-g", Long.toString(up.pid())).start();
        pgrep.waitFor();
        return new String(pgrep.getInputStream().readAllBytes()).lines().filter(l -> !l.isBlank()).toList();
    }
}
