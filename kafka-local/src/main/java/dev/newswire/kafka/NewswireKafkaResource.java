package dev.newswire.kafka;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kafka broker for every service's Quarkus tests. In order of precedence:
 * <ol>
 *   <li>{@code KAFKA_BOOTSTRAP_SERVERS} set: use that broker;</li>
 *   <li>{@code newswire.test.kafka=container} (system property) or {@code NEWSWIRE_TEST_KAFKA=container}
 *       (environment): a Testcontainers Kafka container, image from {@code newswire.test.kafka.image} /
 *       {@code NEWSWIRE_TEST_KAFKA_IMAGE}. Only when asked: no registry is reachable here, so a
 *       container must never be the silent default;</li>
 *   <li>otherwise the embedded KRaft broker, one per test JVM, shared by all test classes.</li>
 * </ol>
 * It injects {@code kafka.bootstrap.servers} and creates the contract's topics with 3 partitions
 * (the internal pending topic with one).
 */
public class NewswireKafkaResource implements QuarkusTestResourceLifecycleManager {

    public static final int TEST_PARTITIONS = 3;
    private static final Logger LOG = LoggerFactory.getLogger(NewswireKafkaResource.class);

    private static String sharedBootstrap;
    private static EmbeddedKafka sharedEmbedded;
    private static AutoCloseable sharedContainer;

    @Override
    public Map<String, String> start() {
        String bootstrap = ensureBroker();
        NewswireTopics.create(bootstrap, TEST_PARTITIONS);
        return Map.of("kafka.bootstrap.servers", bootstrap);
    }

    @Override
    public void stop() {
        // The broker is shared by every test class of this JVM and closed when the JVM exits.
    }

    /** The bootstrap address of the test broker, starting it if needed. */
    public static synchronized String bootstrapServers() {
        return ensureBroker();
    }

    /** The embedded broker when tests run on one (for broker stop/restart tests); empty otherwise. */
    public static synchronized Optional<EmbeddedKafka> embedded() {
        ensureBroker();
        return Optional.ofNullable(sharedEmbedded);
    }

    private static synchronized String ensureBroker() {
        if (sharedBootstrap != null) {
            return sharedBootstrap;
        }
        String external = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
        String mode = setting("newswire.test.kafka", "NEWSWIRE_TEST_KAFKA", "embedded");
        if (external != null && !external.isBlank()) {
            LOG.info("Tests use the Kafka broker at {} (KAFKA_BOOTSTRAP_SERVERS)", external);
            sharedBootstrap = external;
        } else if ("container".equalsIgnoreCase(mode)) {
            String image = setting("newswire.test.kafka.image", "NEWSWIRE_TEST_KAFKA_IMAGE", "apache/kafka:4.2.1");
            ContainerKafka container = ContainerKafka.start(image);
            sharedContainer = container;
            sharedBootstrap = container.bootstrapServers();
            closeOnExit(sharedContainer);
        } else {
            sharedEmbedded = EmbeddedKafka.start();
            sharedBootstrap = sharedEmbedded.bootstrapServers();
            closeOnExit(sharedEmbedded);
        }
        return sharedBootstrap;
    }

    private static String setting(String property, String env, String fallback) {
        String value = System.getProperty(property, System.getenv(env));
        return value == null || value.isBlank() ? fallback : value;
    }

    private static void closeOnExit(AutoCloseable resource) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                resource.close();
            } catch (Exception e) {
                LOG.warn("closing the test broker failed: {}", e.toString());
            }
        }, "newswire-test-kafka-shutdown"));
    }
}
