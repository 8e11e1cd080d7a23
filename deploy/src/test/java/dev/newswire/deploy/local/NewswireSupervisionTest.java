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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@code ./newswire up} as a supervisor: a service killed with -9 comes back by itself; a service
 * that is alive but no longer answers its liveness check (SIGSTOP: the JVM is there, nothing runs)
 * is killed and restarted; {@code ./newswire down} then stops everything, supervisor included.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NewswireSupervisionTest {

    private static final int API = 38080;
    private static final int INGEST = 38081;
    private static final int ENRICH = 38082;
    private static final int KAFKA = 39092;
    private static final List<Integer> PORTS = List.of(API, INGEST, ENRICH, KAFKA, KAFKA + 1);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static Path root;
    private static Path runDir;
    private static Path output;
    private static Process up;

    @BeforeAll
    static void start() throws IOException {
        root = Path.of(System.getProperty("newswire.repo.root", "..")).toAbsolutePath().normalize();
        runDir = root.resolve("deploy/target/newswire-supervision-test");
        output = runDir.resolve("newswire-up.out");
        assertThat(PORTS).as("test ports must be free").noneMatch(NewswireSupervisionTest::listening);
        Files.createDirectories(runDir);
        ProcessBuilder builder = new ProcessBuilder("setsid", "env", "--default-signal=INT,TERM",
                root.resolve("newswire").toString(), "up")
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().remove("KAFKA_BOOTSTRAP_SERVERS");
        builder.environment().putAll(env());
        // Poll every second, restart after 3 unanswered polls: the same policy, quicker to watch.
        builder.environment().put("NEWSWIRE_SUPERVISE_INTERVAL", "1");
        builder.environment().put("NEWSWIRE_SUPERVISE_DOWN_POLLS", "3");
        builder.environment().put("NEWSWIRE_REPLAY_DIR", "");
        builder.environment().put("NEWSWIRE_BUILD", "skip");
        up = builder.start();
    }

    private static Map<String, String> env() {
        return Map.of("API_PORT", Integer.toString(API), "INGEST_PORT", Integer.toString(INGEST),
                "ENRICH_PORT", Integer.toString(ENRICH), "KAFKA_PORT", Integer.toString(KAFKA),
                "NEWSWIRE_RUN_DIR", runDir.toString(), "NEWSWIRE_DATA_DIR", runDir.resolve("data").toString());
    }

    @AfterAll
    static void cleanUp() throws Exception {
        if (up != null && up.isAlive()) {
            new ProcessBuilder("kill", "-KILL", "--", "-" + up.pid()).inheritIO().start().waitFor();
        }
    }

    @Test
    @Order(1)
    void allServicesBecomeReady() {
        await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofSeconds(1))
                .failFast("./newswire up exited early; see " + output, () -> !up.isAlive())
                .until(() -> ready(API) && ready(INGEST) && ready(ENRICH));
    }

    @Test
    @Order(2)
    void aServiceKilledWithSignal9IsRestarted() throws Exception {
        long before = pid("api");
        signal("KILL", before);
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1))
                .failFast("./newswire up exited; see " + output, () -> !up.isAlive())
                .until(() -> pid("api") != before && ready(API));
        assertThat(Files.readString(output)).contains("api exited (status 137); restarting it in");
    }

    @Test
    @Order(3)
    void aServiceWhoseLivenessStaysDownIsKilledAndRestarted() throws Exception {
        long before = pid("ingest");
        // Stopped, not dead: the port still accepts connections, but nothing answers.
        signal("STOP", before);
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1))
                .failFast("./newswire up exited; see " + output, () -> !up.isAlive())
                .until(() -> pid("ingest") != before && ready(INGEST));
        assertThat(ProcessHandle.of(before)).as("the hung JVM is gone").isEmpty();
        assertThat(Files.readString(output)).contains("ingest liveness DOWN or unanswered for 3 polls");
    }

    @Test
    @Order(4)
    void downStopsTheSupervisorAndEveryProcess() throws Exception {
        int before = Files.readString(output).length();
        ProcessBuilder down = new ProcessBuilder(root.resolve("newswire").toString(), "down")
                .directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(runDir.resolve("newswire-down.out").toFile());
        down.environment().putAll(env());
        assertThat(down.start().waitFor(90, TimeUnit.SECONDS)).as("./newswire down finishes").isTrue();
        assertThat(up.waitFor(60, TimeUnit.SECONDS)).as("./newswire up exits after down").isTrue();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(groupMembers()).as("processes left in the group").isEmpty();
            assertThat(PORTS).as("ports still held").noneMatch(NewswireSupervisionTest::listening);
        });
        assertThat(Files.readString(output).substring(before)).as("what up said while stopping")
                .doesNotContain("restart").contains("stopped");
    }

    /**
     * Signals one of up's own processes. Only a pid read from the pid file that is a descendant of
     * this test's {@code ./newswire up}: never -1 or a stale pid ({@code kill -STOP -1} would stop
     * every process of the user).
     */
    private static void signal(String signal, long pid) throws Exception {
        assertThat(pid).as("pid from the pid file").isGreaterThan(1);
        assertThat(up.descendants().anyMatch(p -> p.pid() == pid)).as("%d is a process of ./newswire up", pid).isTrue();
        new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start().waitFor();
    }

    private static long pid(String name) {
        try {
            return Long.parseLong(Files.readString(runDir.resolve("pids/" + name + ".pid")).trim());
        } catch (IOException | NumberFormatException e) {
            return -1;
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

    private static List<String> groupMembers() throws Exception {
        Process pgrep = new ProcessBuilder("pgrep", "-g", Long.toString(up.pid())).start();
        pgrep.waitFor();
        return new String(pgrep.getInputStream().readAllBytes()).lines().filter(l -> !l.isBlank()).toList();
    }
}
