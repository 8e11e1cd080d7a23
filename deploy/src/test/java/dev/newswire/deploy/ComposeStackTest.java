package dev.newswire.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.newswire.model.EnrichedArticle;
import dev.newswire.model.NewsJson;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.ContainerState;
import org.testcontainers.containers.DockerComposeContainer;
import org.testcontainers.containers.wait.strategy.Wait;

/**
 * The real thing: builds the images (local JRE base, kafka-local, the three services), starts
 * deploy/docker/docker-compose.yml with the local override through docker-compose, replays the
 * seeds into ingest-service and reads them back enriched from api-service's SSE stream.
 * Skips loudly without Docker; fails without it under CI=true (see {@link DockerEnvironment}).
 */
class ComposeStackTest {

    private static final List<String> SERVICES = KubernetesManifestsTest.SERVICES;
    private static final Duration STARTUP = Duration.ofMinutes(4);
    private static final ObjectMapper JSON = NewsJson.mapper();

    private static DockerComposeContainer<?> compose;
    private static final Map<String, Integer> HOST_PORTS = new LinkedHashMap<>();
    private static final Map<String, StringBuilder> LOGS = new ConcurrentHashMap<>();
    private static long startMillis;
    /** Prefix of this run's compose project (Testcontainers appends a random suffix): never a user's "newswire". */
    private static final String PROJECT = "nwtest" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    private static String skipReason;

    @BeforeAll
    static void startStack() throws Exception {
        skipReason = DockerEnvironment.whyDockerTestsCannotRun("ComposeStackTest (docker-compose system test)");
        if (skipReason != null) {
            return;
        }
        Path root = RepoPaths.root();
        for (String service : SERVICES) {
            assertThat(root.resolve(service + "/target/quarkus-app/quarkus-run.jar"))
                    .as("%s is packaged (./mvnw package builds it before this module)", service).isRegularFile();
        }
        try (Stream<Path> jars = Files.list(root.resolve("kafka-local/target"))) {
            assertThat(jars.map(p -> p.getFileName().toString())).as("kafka-local runnable jar")
                    .anyMatch(n -> n.startsWith("kafka-local-") && n.endsWith("-runner.jar"));
        }

        long baseStart = System.currentTimeMillis();
        DockerEnvironment.run(List.of("bash", RepoPaths.docker().resolve("build-base-image.sh").toString()), 900);
        Measurements.record("base image check/build", System.currentTimeMillis() - baseStart);

        HOST_PORTS.put("api-service", freePort());
        HOST_PORTS.put("ingest-service", freePort());
        HOST_PORTS.put("enrich-service", freePort());

        File dir = RepoPaths.docker().toFile();
        compose = new DockerComposeContainer<>(PROJECT, new File(dir, "docker-compose.yml"), new File(dir, "docker-compose.local.yml"))
                .withPull(false)
                .withBuild(true)
                .withRemoveVolumes(true)
                .withEnv("API_HTTP_PORT", HOST_PORTS.get("api-service").toString())
                .withEnv("INGEST_HTTP_PORT", HOST_PORTS.get("ingest-service").toString())
                .withEnv("ENRICH_HTTP_PORT", HOST_PORTS.get("enrich-service").toString())
                // docker-compose 1.29 builds through the engine API; no BuildKit/buildx needed.
                .withEnv("COMPOSE_DOCKER_CLI_BUILD", "0")
                .withEnv("DOCKER_BUILDKIT", "0")
                .withStartupTimeout(STARTUP)
                .waitingFor("kafka", Wait.forHealthcheck().withStartupTimeout(STARTUP));
        for (String service : List.of("kafka", "ingest-service", "enrich-service", "api-service")) {
            StringBuilder log = new StringBuilder();
            LOGS.put(service, log);
            compose.withLogConsumer(service, frame -> {
                synchronized (log) {
                    log.append(frame.getUtf8String());
                }
            });
        }
        for (String service : SERVICES) {
            compose.waitingFor(service, Wait.forHealthcheck().withStartupTimeout(STARTUP));
        }
        startMillis = System.currentTimeMillis();
        try {
            compose.start();
        } catch (RuntimeException e) {
            dumpLogs();
            throw e;
        }
        Measurements.record("compose build + up until all healthy", System.currentTimeMillis() - startMillis);
    }

    /** Each test reports the skip itself, so the report counts skipped tests instead of none. */
    @BeforeEach
    void skipWithoutDocker() {
        Assumptions.assumeTrue(skipReason == null, () -> "Docker tests skipped: " + skipReason);
    }

    @AfterAll
    static void stopStack() {
        if (compose != null) {
            long stop = System.currentTimeMillis();
            compose.stop();
            Measurements.record("compose down", System.currentTimeMillis() - stop);
            try {
                // Every run with new jars leaves the previous image layers dangling: drop ours only.
                DockerEnvironment.run(List.of("docker", "image", "prune", "-f", "--filter", "label=dev.newswire.image"), 120);
            } catch (Exception | AssertionError e) {
                System.err.println("[deploy] could not prune dangling newswire images: " + e.getMessage());
            }
            Measurements.write();
        }
    }

    @Test
    void seedsArriveEnrichedOnTheStream() throws Exception {
        Set<String> seeds;
        try (Stream<Path> files = Files.list(RepoPaths.root().resolve("seeds"))) {
            seeds = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".txt")).collect(Collectors.toSet());
        }
        assertThat(seeds).isNotEmpty();

        // The seeds folder is mounted at /seeds in the ingest container (docker-compose.yml).
        HttpResponse<String> replay = http().send(HttpRequest.newBuilder(url("ingest-service", "/api/replay"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"dir\": \"/seeds\", \"glob\": \"*.txt\", \"loop\": false}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(replay.statusCode()).as("POST /api/replay: %s", replay.body()).isEqualTo(202);
        long replayed = System.currentTimeMillis();

        List<EnrichedArticle> received = new ArrayList<>();
        SseReader reader = new SseReader(http(), url("api-service", "/api/stream?from=earliest"));
        try {
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
                received.clear();
                for (String data : reader.dataOf("article")) {
                    received.add(JSON.readValue(data, EnrichedArticle.class));
                }
                assertThat(received.stream().map(EnrichedArticle::id).distinct().count())
                        .as("distinct enriched articles on the stream (of %d seeds); stream so far:%n%s", seeds.size(), reader.raw())
                        .isGreaterThanOrEqualTo(seeds.size());
            });
        } catch (AssertionError e) {
            dumpLogs();
            throw e;
        } finally {
            reader.close();
        }
        Measurements.record("replay -> all seeds enriched on SSE", System.currentTimeMillis() - replayed);
        // Every event's data is an EnrichedArticle by the contract's JSON Schema (news-model).
        JsonSchema schema;
        try (InputStream in = EnrichedArticle.class.getResourceAsStream("/schemas/enriched-article.schema.json")) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
        for (String data : reader.dataOf("article")) {
            assertThat(schema.validate(JSON.readTree(data))).as("SSE data vs enriched-article.schema.json: %s", data).isEmpty();
        }
        for (EnrichedArticle article : received) {
            assertThat(article.text()).as("enriched text of %s", article.id()).isNotBlank();
            assertThat(article.pipeline()).as("provenance of %s", article.id()).isNotNull();
            assertThat(article.source()).as("source of %s", article.id()).startsWith("replay:");
        }
    }

    @Test
    void everyContainerIsHealthyAndServesTheProbePathsKubernetesUses() throws Exception {
        for (String service : List.of("kafka", "ingest-service", "enrich-service", "api-service")) {
            ContainerState container = compose.getContainerByServiceName(service)
                    .orElseThrow(() -> new AssertionError("no container for " + service));
            var state = container.getCurrentContainerInfo().getState();
            assertThat(state.getHealth()).as("%s has a HEALTHCHECK", service).isNotNull();
            assertThat(state.getHealth().getStatus()).as("%s health", service).isEqualTo("healthy");
        }
        for (String service : SERVICES) {
            // The compose healthcheck is liveness: "healthy" can come a moment before ready.
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                for (String probe : List.of("live", "ready", "started")) {
                    String path = RepoPaths.healthRoot(service) + "/" + probe;
                    HttpResponse<String> response = http().send(HttpRequest.newBuilder(url(service, path)).GET().build(),
                            HttpResponse.BodyHandlers.ofString());
                    assertThat(response.statusCode()).as("%s GET %s: %s", service, path, response.body()).isEqualTo(200);
                }
            });
            String user = compose.getContainerByServiceName(service).orElseThrow().getCurrentContainerInfo().getConfig().getUser();
            assertThat(user).as("%s runs as the non-root user of its image", service).isEqualTo("185");
        }
    }

    // --- helpers ---------------------------------------------------------------------------

    private static HttpClient http() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    private static URI url(String service, String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + HOST_PORTS.get(service) + pathAndQuery);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void dumpLogs() {
        // Containers that died before Testcontainers attached its log consumers: ask Docker directly.
        try {
            String ids = DockerEnvironment.run(List.of("docker", "ps", "-a", "-q", "--filter", "name=" + PROJECT), 30);
            for (String id : ids.lines().filter(l -> !l.isBlank()).toList()) {
                String state = DockerEnvironment.run(List.of("docker", "inspect", "-f",
                        "{{.Name}} {{.State.Status}} exit={{.State.ExitCode}} health={{if .State.Health}}{{.State.Health.Status}}{{end}}", id), 30);
                System.err.println("----- " + state.strip() + " -----");
                System.err.println(DockerEnvironment.run(List.of("docker", "logs", "--tail", "60", id), 30));
            }
        } catch (Exception | AssertionError e) {
            System.err.println("[deploy] could not read container logs: " + e.getMessage());
        }
        LOGS.forEach((service, log) -> {
            String text;
            synchronized (log) {
                text = log.toString();
            }
            String tail = text.length() > 6000 ? text.substring(text.length() - 6000) : text;
            System.err.println("----- " + service + " (last " + tail.length() + " chars) -----\n" + tail);
        });
    }
}
