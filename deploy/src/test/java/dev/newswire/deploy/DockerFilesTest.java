package dev.newswire.deploy;

import static dev.newswire.deploy.Manifests.at;
import static dev.newswire.deploy.Manifests.list;
import static dev.newswire.deploy.Manifests.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.newswire.model.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Checks the Dockerfiles and compose files without running Docker: what the contract and the
 * Kubernetes manifests promise (ports, health paths, non-root, topics) must hold here too.
 * {@link ComposeStackTest} then runs them for real.
 */
class DockerFilesTest {

    /** SnakeYAML, not Jackson: the compose files use YAML merge keys ({@code <<: *service-defaults}). */
    private static Map<String, Object> compose(String file) throws IOException {
        return new org.yaml.snakeyaml.Yaml().load(Files.readString(RepoPaths.docker().resolve(file)));
    }

    private static Properties dotEnv() throws IOException {
        Properties env = new Properties();
        try (var in = Files.newBufferedReader(RepoPaths.docker().resolve(".env"))) {
            env.load(in);
        }
        return env;
    }

    @ParameterizedTest
    @ValueSource(strings = {"ingest-service", "enrich-service", "api-service"})
    void serviceDockerfileFollowsTheRules(String service) throws IOException {
        Path dockerfile = RepoPaths.root().resolve(service).resolve("src/main/docker/Dockerfile.jvm");
        String text = Files.readString(dockerfile);
        int port = RepoPaths.httpPort(service);
        assertThat(text).as("%s: public JRE 17 default base", service).containsPattern("(?m)^ARG BASE_IMAGE=eclipse-temurin:17-jre$");
        assertThat(text).containsPattern("(?m)^FROM \\$\\{BASE_IMAGE}$");
        assertThat(text).as("non-root").containsPattern("(?m)^USER 185$");
        assertThat(text).as("health check on readiness").contains(RepoPaths.healthRoot(service) + "/ready").contains("HEALTHCHECK");
        assertThat(text).as("port").containsPattern("(?m)^EXPOSE " + port + "$").contains("QUARKUS_HTTP_PORT=" + port);
        assertThat(text).as("JAVA_OPTS honoured").containsPattern("ENTRYPOINT .*\\$\\{JAVA_OPTS}");
        assertThat(text).as("the Quarkus JVM layout, built on the host").contains("COPY target/quarkus-app/lib/")
                .doesNotContainPattern("(?m)^FROM .* AS ");
        assertThat(Files.readString(RepoPaths.root().resolve(service).resolve(".dockerignore")))
                .contains("!target/quarkus-app/");
    }

    @Test
    void composeRestartsWhatExitsAndChecksTheServicesLiveness() throws IOException {
        Map<String, Object> services = map(compose("docker-compose.yml").get("services"));
        assertThat(at(services, "kafka", "restart")).isEqualTo("unless-stopped");
        for (String service : KubernetesManifestsTest.SERVICES) {
            assertThat(at(services, service, "restart")).as(service).isEqualTo("unless-stopped");
            List<Object> test = list(at(services, service, "healthcheck", "test"));
            // Liveness, not readiness: a broker outage must not mark the services unhealthy.
            assertThat(String.join(" ", test.stream().map(String::valueOf).toList())).as(service)
                    .contains("127.0.0.1:" + RepoPaths.httpPort(service) + RepoPaths.healthRoot(service) + "/live");
        }
    }

    @Test
    void composeRunsKafkaKraftAndTheServicesWiredByEnvironment() throws IOException {
        Map<String, Object> compose = compose("docker-compose.yml");
        assertThat(compose).as("no top-level version: Compose v1.29 and v2 both take the Compose spec").doesNotContainKey("version");
        Map<String, Object> services = map(compose.get("services"));
        assertThat(services).containsKeys("kafka", "kafka-init", "ingest-service", "enrich-service", "api-service");

        Map<String, Object> kafkaEnv = map(at(services, "kafka", "environment"));
        assertThat(String.valueOf(kafkaEnv.get("KAFKA_PROCESS_ROLES"))).contains("broker").contains("controller");
        assertThat(kafkaEnv.get("KAFKA_ADVERTISED_LISTENERS")).isEqualTo("PLAINTEXT://kafka:9092");
        assertThat(at(services, "kafka", "healthcheck")).isNotNull();

        String init = String.valueOf(list(at(services, "kafka-init", "command")).get(0));
        for (String topic : List.of(Topics.RAW, Topics.ENRICHED, Topics.DLQ, Topics.ENRICHED_PENDING, Topics.STORIES)) {
            assertThat(init).contains("create " + topic);
        }
        assertThat(init).containsPattern("create " + Pattern.quote(Topics.ENRICHED) + " .*cleanup\\.policy=compact");
        assertThat(init).containsPattern("create " + Pattern.quote(Topics.STORIES) + " .*cleanup\\.policy=compact");
        assertThat(init).containsPattern("create " + Pattern.quote(Topics.ENRICHED_PENDING) + " --partitions 1 ");

        for (String service : KubernetesManifestsTest.SERVICES) {
            Map<String, Object> s = map(services.get(service));
            int port = RepoPaths.httpPort(service);
            assertThat(map(s.get("environment"))).as(service).containsEntry("KAFKA_BOOTSTRAP_SERVERS", "kafka:9092");
            assertThat(list(s.get("ports"))).as("%s publishes its contract port by default, on loopback only"
                            + " unless NEWSWIRE_BIND says otherwise (issue 9: no open ingest on all interfaces)", service)
                    .singleElement().asString()
                    .matches("\\$\\{NEWSWIRE_BIND:-127\\.0\\.0\\.1}:\\$\\{[A-Z_]+:-" + port + "}:" + port);
            assertThat(at(s, "depends_on", "kafka", "condition")).isEqualTo("service_healthy");
            assertThat(at(services, "kafka", "ports")).as("Kafka has no authentication: never published").isNull();
            assertThat(at(s, "depends_on", "kafka-init", "condition")).isEqualTo("service_completed_successfully");
            assertThat(String.valueOf(at(s, "build", "context"))).isEqualTo("../../" + service);
            assertThat(RepoPaths.docker().resolve(String.valueOf(at(s, "build", "context")))
                    .resolve(String.valueOf(at(s, "build", "dockerfile")))).isRegularFile();
            assertThat(s.get("read_only")).isEqualTo(true);
            assertThat(String.valueOf(s.get("image"))).doesNotContain(":latest").contains(":${NEWSWIRE_VERSION");
        }
    }

    @Test
    void everyImageVariableHasAValueInDotEnv() throws IOException {
        Properties env = dotEnv();
        Set<String> used = new HashSet<>();
        for (String file : List.of("docker-compose.yml", "docker-compose.local.yml")) {
            Matcher m = Pattern.compile("\\$\\{([A-Z_]+)(:-[^}]*)?}").matcher(Files.readString(RepoPaths.docker().resolve(file)));
            while (m.find()) {
                used.add(m.group(1));
            }
        }
        for (String imageVariable : used.stream().filter(v -> v.contains("IMAGE") && !v.equals("BASE_IMAGE") || v.equals("NEWSWIRE_VERSION")).toList()) {
            assertThat(env.getProperty(imageVariable)).as(".env sets %s", imageVariable).isNotBlank().doesNotEndWith(":latest");
        }
        assertThat(env.getProperty("NEWSWIRE_VERSION")).as("image tag = Maven version").isEqualTo(System.getProperty("newswire.version", "0.1.0-SNAPSHOT"));
    }

    @Test
    void localOverrideBuildsEverythingOnTheLocalBaseWithKafkaLocal() throws IOException {
        Map<String, Object> services = map(compose("docker-compose.local.yml").get("services"));
        assertThat(at(services, "kafka", "build", "context")).isEqualTo("../../kafka-local");
        assertThat(RepoPaths.root().resolve("kafka-local/src/main/docker/Dockerfile.jvm")).isRegularFile();
        for (String service : List.of("kafka", "ingest-service", "enrich-service", "api-service")) {
            assertThat(String.valueOf(at(services, service, "build", "args", "BASE_IMAGE"))).as(service).contains("JRE_BASE_IMAGE");
        }
    }

    /**
     * The apache/kafka image turns every KAFKA_* variable into a broker property (KAFKA_FOO_BAR →
     * foo.bar, "__" → "_", "___" → "-"); the resulting config must be one Kafka accepts for a
     * combined KRaft node, and must advertise what the services are told to connect to.
     */
    @Test
    void composeKafkaEnvironmentIsAValidKraftBrokerConfig() throws IOException {
        Map<String, Object> services = map(compose("docker-compose.yml").get("services"));
        Properties broker = new Properties();
        map(at(services, "kafka", "environment")).forEach((name, value) -> {
            if (name.startsWith("KAFKA_")) {
                String key = name.substring("KAFKA_".length()).toLowerCase(java.util.Locale.ROOT)
                        .replace("___", "-").replace("__", "\u0000").replace('_', '.').replace('\u0000', '_');
                broker.setProperty(key, String.valueOf(value));
            }
        });
        // Throws ConfigException on a missing or inconsistent setting (roles, listeners, voters, ...).
        kafka.server.KafkaConfig.fromProps(broker);
        assertThat(broker.getProperty("process.roles")).isEqualTo("broker,controller");
        assertThat(broker.getProperty("log.dirs")).isEqualTo("/var/lib/kafka/data");
        for (String service : KubernetesManifestsTest.SERVICES) {
            String bootstrap = String.valueOf(map(at(services, service, "environment")).get("KAFKA_BOOTSTRAP_SERVERS"));
            assertThat(broker.getProperty("advertised.listeners")).contains("://" + bootstrap);
        }
        String clusterId = String.valueOf(map(at(services, "kafka", "environment")).get("CLUSTER_ID"));
        assertThat(java.util.Base64.getUrlDecoder().decode(clusterId)).as("CLUSTER_ID is a base64 UUID").hasSize(16);
    }

    /** The topic settings compose creates are the ones the Strimzi KafkaTopics declare. */
    @Test
    void composeTopicSettingsAgreeWithTheKafkaTopics() throws IOException {
        String init = String.valueOf(list(at(map(compose("docker-compose.yml").get("services")), "kafka-init", "command")).get(0));
        Map<String, Map<String, Object>> topics = KafkaManifestsTest.topics(KubernetesManifestsTest.rendered("base"));
        Matcher create = Pattern.compile("(?m)^\\s*create (\\S+)(.*)$").matcher(init);
        int seen = 0;
        while (create.find()) {
            seen++;
            Map<String, Object> declared = map(at(topics.get(create.group(1)), "spec", "config"));
            Matcher config = Pattern.compile("--config (\\S+)=(\\S+)").matcher(create.group(2));
            while (config.find()) {
                assertThat(String.valueOf(declared.get(config.group(1))))
                        .as("%s %s in compose vs KafkaTopic", create.group(1), config.group(1)).isEqualTo(config.group(2));
            }
        }
        assertThat(seen).isEqualTo(7);
    }

    /** Compose's own validator (v1.29 here) on both file sets: the syntax both versions accept. */
    @Test
    void dockerComposeAcceptsBothFileSets() throws Exception {
        boolean haveCompose = DockerEnvironment.commandWorks(List.of("docker-compose", "version"));
        if (!haveCompose && DockerEnvironment.onCi()) {
            throw new AssertionError("CI=true but docker-compose is missing: run deploy/ci/docker-setup.sh");
        }
        Assumptions.assumeTrue(haveCompose, "docker-compose is not installed");
        String dir = RepoPaths.docker().toString();
        DockerEnvironment.run(List.of("docker-compose", "--project-directory", dir, "-f", dir + "/docker-compose.yml", "config", "-q"), 60);
        DockerEnvironment.run(List.of("docker-compose", "--project-directory", dir, "-f", dir + "/docker-compose.yml",
                "-f", dir + "/docker-compose.local.yml", "config", "-q"), 60);
    }
}
