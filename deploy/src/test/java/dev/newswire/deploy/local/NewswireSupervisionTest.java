package dev.newswire.deploy.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
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
 * All of it on corrupt class-data sharing archives that the launcher takes for fresh ones: no start
 * or restart may depend on an archive being usable.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NewswireSupervisionTest {

    private static NewswireUpProcess up;

    private static Path corruptArchives;

    @BeforeAll
    static void start() throws Exception {
        corruptArchives = CorruptArchives.write(Path.of(System.getProperty("newswire.repo.root", "..")).toAbsolutePath()
                .normalize().resolve("deploy/target/newswire-supervision-test-cds"));
        up = NewswireUpProcess.start(38080, 39092, "newswire-supervision-test", Map.of(
                // Poll every second, restart after 3 unanswered polls: the same policy, quicker to watch.
                "NEWSWIRE_SUPERVISE_INTERVAL", "1",
                "NEWSWIRE_SUPERVISE_DOWN_POLLS", "3",
                "NEWSWIRE_REPLAY_DIR", "",
                // Damaged archives the launcher takes for fresh ones: every start and restart must
                // still work (the JVM's -Xshare:auto runs without them).
                "NEWSWIRE_CDS_DIR", corruptArchives.toString()));
    }

    @AfterAll
    static void cleanUp() throws Exception {
        NewswireUpProcess.killIfAlive(up);
    }

    @Test
    @Order(1)
    void allServicesBecomeReadyOnCorruptClassDataSharingArchives() throws Exception {
        up.awaitAllReady();
        assertThat(Files.readString(up.output)).as("the launcher passed the damaged archives on")
                .contains("class-data sharing: archives for kafka ingest enrich api (in " + corruptArchives);
        for (String name : List.of("kafka", "ingest", "enrich", "api")) {
            assertThat(Files.readString(Path.of("/proc/" + pid(name) + "/maps"))).as("%s maps no corrupt archive", name)
                    .doesNotContain(corruptArchives.toString());
        }
    }

    @Test
    @Order(2)
    void aServiceKilledWithSignal9IsRestarted() throws Exception {
        long before = pid("api");
        signal("KILL", before);
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1))
                .failFast("./newswire up exited; see " + up.output, () -> !up.process.isAlive())
                .until(() -> pid("api") != before && NewswireUpProcess.ready(up.api));
        assertThat(Files.readString(up.output)).contains("api exited (status 137); restarting it in");
    }

    @Test
    @Order(3)
    void aServiceWhoseLivenessStaysDownIsKilledAndRestarted() throws Exception {
        long before = pid("ingest");
        // Stopped, not dead: the port still accepts connections, but nothing answers.
        signal("STOP", before);
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1))
                .failFast("./newswire up exited; see " + up.output, () -> !up.process.isAlive())
                .until(() -> pid("ingest") != before && NewswireUpProcess.ready(up.ingest));
        assertThat(ProcessHandle.of(before)).as("the hung JVM is gone").isEmpty();
        assertThat(Files.readString(up.output)).contains("ingest liveness DOWN or unanswered for 3 polls");
    }

    @Test
    @Order(4)
    void downStopsTheSupervisorAndEveryProcess() throws Exception {
        int before = Files.readString(up.output).length();
        ProcessBuilder down = new ProcessBuilder(up.root.resolve("newswire").toString(), "down")
                .directory(up.root.toFile()).redirectErrorStream(true)
                .redirectOutput(up.runDir.resolve("newswire-down.out").toFile());
        down.environment().putAll(up.env());
        assertThat(down.start().waitFor(90, TimeUnit.SECONDS)).as("./newswire down finishes").isTrue();
        assertThat(up.process.waitFor(60, TimeUnit.SECONDS)).as("./newswire up exits after down").isTrue();
        up.awaitEverythingGone();
        assertThat(Files.readString(up.output).substring(before)).as("what up said while stopping")
                .doesNotContain("restart").contains("stopped");
    }

    /**
     * Signals one of up's own processes. Only a pid read from the pid file that is a descendant of
     * this test's {@code ./newswire up}: never -1 or a stale pid ({@code kill -STOP -1} would stop
     * every process of the user).
     */
    private static void signal(String signal, long pid) throws Exception {
        assertThat(pid).as("pid from the pid file").isGreaterThan(1);
        assertThat(up.process.descendants().anyMatch(p -> p.pid() == pid)).as("%d is a process of ./newswire up", pid).isTrue();
        new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start().waitFor();
    }

    private static long pid(String name) {
        try {
            return Long.parseLong(Files.readString(up.runDir.resolve("pids/" + name + ".pid")).trim());
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }
}
