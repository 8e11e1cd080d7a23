package dev.newswire.deploy;

import static dev.newswire.deploy.Manifests.at;
import static dev.newswire.deploy.Manifests.labels;
import static dev.newswire.deploy.Manifests.list;
import static dev.newswire.deploy.Manifests.map;
import static dev.newswire.deploy.Manifests.name;
import static org.assertj.core.api.Assertions.assertThat;

import dev.newswire.model.Topics;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Kafka side of every rendered overlay: a Strimzi KRaft cluster whose bootstrap Service is
 * what the services and KEDA connect to, the contract's topics, and enrich-service scaling on the
 * raw topic's lag no further than its partitions. Schemas are checked in {@link KubernetesManifestsTest}.
 */
class KafkaManifestsTest {

    static Stream<String> kustomizations() throws IOException {
        return KubernetesManifestsTest.kustomizations();
    }

    private static Manifests rendered(String kustomization) {
        return KubernetesManifestsTest.rendered(kustomization);
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void kafkaIsStrimziKraftAndEveryoneUsesItsBootstrapService(String kustomization) {
        Manifests m = rendered(kustomization);
        Map<String, Object> kafka = m.ofKind("Kafka").get(0);
        String cluster = name(kafka);
        String expected = kafkaBootstrap(m);

        List<String> configured = m.ofKind("ConfigMap").stream()
                .map(cm -> map(cm.get("data")).get("KAFKA_BOOTSTRAP_SERVERS")).filter(v -> v != null).map(String::valueOf)
                .collect(Collectors.toList());
        assertThat(configured).as("KAFKA_BOOTSTRAP_SERVERS in ConfigMaps").isNotEmpty().allMatch(expected::equals);
        for (Map<String, Object> deployment : m.ofKind("Deployment")) {
            Set<String> refs = list(at(KubernetesManifestsTest.onlyContainer(deployment), "envFrom")).stream()
                    .map(f -> String.valueOf(at(f, "configMapRef", "name"))).collect(Collectors.toSet());
            boolean getsBootstrap = m.ofKind("ConfigMap").stream()
                    .anyMatch(cm -> refs.contains(name(cm)) && map(cm.get("data")).containsKey("KAFKA_BOOTSTRAP_SERVERS"));
            assertThat(getsBootstrap).as("%s gets KAFKA_BOOTSTRAP_SERVERS", name(deployment)).isTrue();
        }
        for (Map<String, Object> scaled : m.ofKind("ScaledObject")) {
            for (Object trigger : list(at(scaled, "spec", "triggers"))) {
                assertThat(at(trigger, "metadata", "bootstrapServers")).as("ScaledObject bootstrapServers").isEqualTo(expected);
            }
        }

        List<String> roles = m.ofKind("KafkaNodePool").stream()
                .flatMap(p -> list(at(p, "spec", "roles")).stream()).map(String::valueOf).collect(Collectors.toList());
        assertThat(roles).as("KRaft: node pools provide controllers and brokers").contains("controller", "broker");
        for (String kind : List.of("KafkaNodePool", "KafkaTopic")) {
            for (Map<String, Object> d : m.ofKind(kind)) {
                assertThat(labels(d)).as("%s/%s belongs to the cluster", kind, name(d)).containsEntry("strimzi.io/cluster", cluster);
            }
        }
        assertThat(at(kafka, "spec", "zookeeper")).as("no ZooKeeper").isNull();
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void topicsFollowTheContract(String kustomization) {
        Manifests m = rendered(kustomization);
        Map<String, Map<String, Object>> topics = topics(m);
        assertThat(topics.keySet()).containsExactlyInAnyOrder(Topics.RAW, Topics.ENRICHED, Topics.DLQ,
                Topics.ENRICHED_PENDING, Topics.STORIES, Topics.FEEDS, Topics.FEEDS_STATUS);
        assertThat(at(topics.get(Topics.ENRICHED), "spec", "config", "cleanup.policy")).isEqualTo("compact");
        assertThat(at(topics.get(Topics.STORIES), "spec", "config", "cleanup.policy")).isEqualTo("compact");
        assertThat(at(topics.get(Topics.FEEDS), "spec", "config", "cleanup.policy")).isEqualTo("compact");
        assertThat(at(topics.get(Topics.FEEDS_STATUS), "spec", "config", "cleanup.policy")).isEqualTo("compact");
        assertThat((Integer) at(topics.get(Topics.ENRICHED_PENDING), "spec", "partitions"))
                .as("the story step's single ordering point").isEqualTo(1);
        assertThat(at(topics.get(Topics.RAW), "spec", "config", "cleanup.policy")).isEqualTo("delete");
        int brokers = m.ofKind("KafkaNodePool").stream()
                .filter(p -> list(at(p, "spec", "roles")).contains("broker"))
                .mapToInt(p -> (Integer) at(p, "spec", "replicas")).sum();
        topics.forEach((name, topic) -> assertThat((Integer) at(topic, "spec", "replicas"))
                .as("%s replicas fit on %d brokers", name, brokers).isBetween(1, brokers));
        Object minIsr = at(m.ofKind("Kafka").get(0), "spec", "kafka", "config", "min.insync.replicas");
        topics.forEach((name, topic) -> assertThat((Integer) at(topic, "spec", "replicas"))
                .as("%s replicas >= min.insync.replicas, or producers with acks=all stall", name).isGreaterThanOrEqualTo((Integer) minIsr));
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void enrichScalesOnRawTopicLagUpToItsPartitionCount(String kustomization) {
        Manifests m = rendered(kustomization);
        Map<String, Object> scaled = m.get("ScaledObject", "enrich-service");
        List<Object> triggers = list(at(scaled, "spec", "triggers"));
        assertThat(triggers).hasSize(1);
        Map<String, Object> trigger = map(triggers.get(0));
        assertThat(trigger.get("type")).isEqualTo("kafka");
        assertThat(at(trigger, "metadata", "topic")).isEqualTo(Topics.RAW);
        assertThat(at(trigger, "metadata", "consumerGroup")).as("the consumer group enrich-service really uses")
                .isEqualTo(enrichConsumerGroup());
        int partitions = (Integer) at(topics(m).get(Topics.RAW), "spec", "partitions");
        assertThat((Integer) at(scaled, "spec", "maxReplicaCount"))
                .as("more enrich consumers than %s partitions would idle", Topics.RAW).isEqualTo(partitions);
        assertThat((Integer) at(scaled, "spec", "minReplicaCount")).isBetween(1, partitions);
    }

    // --- helpers ---------------------------------------------------------------------------

    /** {@code <cluster>-kafka-bootstrap:<port of the plain internal listener>}: the Service Strimzi creates. */
    static String kafkaBootstrap(Manifests m) {
        Map<String, Object> kafka = m.ofKind("Kafka").get(0);
        Map<String, Object> plain = list(at(kafka, "spec", "kafka", "listeners")).stream().map(Manifests::map)
                .filter(l -> "internal".equals(l.get("type")) && Boolean.FALSE.equals(l.get("tls")))
                .findFirst().orElseThrow(() -> new AssertionError("Kafka has no plain internal listener"));
        assertThat(plain.get("port")).as("plain listener port").isEqualTo(9092);
        return name(kafka) + "-kafka-bootstrap:" + plain.get("port");
    }

    /** Kafka topic name (spec.topicName, else metadata.name) → KafkaTopic. */
    static Map<String, Map<String, Object>> topics(Manifests m) {
        return m.ofKind("KafkaTopic").stream().collect(Collectors.toMap(
                t -> String.valueOf(at(t, "spec", "topicName") != null ? at(t, "spec", "topicName") : name(t)), t -> t));
    }

    /**
     * The consumer group enrich-service reads the raw topic with: the group.id of the incoming
     * channel whose topic is news.articles.raw, else Quarkus' default, the application name.
     */
    static String enrichConsumerGroup() {
        var props = RepoPaths.applicationProperties("enrich-service");
        String prefix = "mp.messaging.incoming.";
        return props.stringPropertyNames().stream()
                .filter(k -> k.startsWith(prefix) && k.endsWith(".topic") && Topics.RAW.equals(props.getProperty(k).trim()))
                .map(k -> props.getProperty(k.substring(0, k.length() - ".topic".length()) + ".group.id"))
                .filter(g -> g != null).map(String::trim).findFirst()
                .orElse(props.getProperty("kafka.group.id", props.getProperty("quarkus.application.name", "enrich-service")).trim());
    }
}
