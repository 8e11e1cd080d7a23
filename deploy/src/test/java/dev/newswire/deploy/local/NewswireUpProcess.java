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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@code ./newswire up} started by a test as a user would: on spare ports (api, api+1 for ingest,
 * api+2 for enrich; kafka and kafka+1 for its controller), with its own run folder, in its own
 * process group, so the test can signal the whole group the way a terminal's Ctrl-C does.
 */
final class NewswireUpProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final int api;
    final int ingest;
    final int enrich;
    final int kafka;
    final List<Integer> ports;
    final Path root;
    final Path runDir;
    final Path output;
    final Process process;

    private NewswireUpProcess(int api, int kafka, String runFolder, Map<String, String> extraEnv) throws IOException {
        this.api = api;
        this.ingest = api + 1;
        this.enrich = api + 2;
        this.kafka = kafka;
        this.ports = List.of(api, ingest, enrich, kafka, kafka + 1);
        this.root = Path.of(System.getProperty("newswire.repo.root", "..")).toAbsolutePath().normalize();
        this.runDir = root.resolve("deploy/target").resolve(runFolder);
        this.output = runDir.resolve("newswire-up.out");
        assertThat(ports).as("test ports must be free").noneMatch(NewswireUpProcess::listening);
        Files.createDirectories(runDir);
        // setsid: own process group, so the test can signal the whole group like a terminal does.
        // env --default-signal: a JVM started in the background inherits SIGINT as ignored, and a
        // shell cannot trap a signal ignored on entry; a terminal's Ctrl-C always finds it default.
        ProcessBuilder builder = new ProcessBuilder("setsid", "env", "--default-signal=INT,TERM",
                root.resolve("newswire").toString(), "up")
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().remove("KAFKA_BOOTSTRAP_SERVERS");
        builder.environment().putAll(env());
        // The reactor has just packaged every jar; a nested Maven build here would race it.
        builder.environment().put("NEWSWIRE_BUILD", "skip");
        builder.environment().putAll(extraEnv);
        this.process = builder.start();
    }

    /** Starts {@code ./newswire up}; {@code extraEnv} is set last, so it may override the defaults. */
    static NewswireUpProcess start(int api, int kafka, String runFolder, Map<String, String> extraEnv) throws IOException {
        return new NewswireUpProcess(api, kafka, runFolder, extraEnv);
    }

    /** The ports and folders, as {@code ./newswire up} and {@code ./newswire down} read them. */
    Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("API_PORT", Integer.toString(api));
        env.put("INGEST_PORT", Integer.toString(ingest));
        env.put("ENRICH_PORT", Integer.toString(enrich));
        env.put("KAFKA_PORT", Integer.toString(kafka));
        env.put("NEWSWIRE_RUN_DIR", runDir.toString());
        env.put("NEWSWIRE_DATA_DIR", runDir.resolve("data").toString());
        return env;
    }

    void awaitAllReady() {
        // Includes the class-data sharing rehearsal when the build is newer than the archives.
        await().atMost(Duration.ofSeconds(360)).pollInterval(Duration.ofSeconds(1))
                .failFast("./newswire up exited early; see " + output, () -> !process.isAlive())
                .until(() -> ready(api) && ready(ingest) && ready(enrich));
    }

    /** Sends a signal to every process in up's group, e.g. INT as Ctrl-C does. */
    void signalGroup(String signal) throws Exception {
        new ProcessBuilder("kill", "-" + signal, "--", "-" + process.pid()).inheritIO().start().waitFor();
    }

    /** For {@code @AfterAll}: whatever a failed test left running goes (null: up never started). */
    static void killIfAlive(NewswireUpProcess up) throws Exception {
        if (up != null && up.process.isAlive()) {
            up.signalGroup("KILL");
        }
    }

    List<String> groupMembers() throws Exception {
        Process pgrep = new ProcessBuilder("pgrep", "-g", Long.toString(process.pid())).start();
        pgrep.waitFor();
        return new String(pgrep.getInputStream().readAllBytes()).lines().filter(l -> !l.isBlank()).toList();
    }

    /** Nothing left in up's process group, and none of its ports held. */
    void awaitEverythingGone() {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(groupMembers()).as("processes left in the group").isEmpty();
            assertThat(ports).as("ports still held").noneMatch(NewswireUpProcess::listening);
        });
    }

    static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static boolean ready(int port) {
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

    static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
