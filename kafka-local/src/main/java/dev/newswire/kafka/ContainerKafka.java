package dev.newswire.kafka;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * A Kafka broker in a Testcontainers container, for tests that ask for one. Kept in its own class
 * so Testcontainers (an optional dependency) is only loaded when a container is requested.
 */
final class ContainerKafka implements AutoCloseable {

    private final KafkaContainer container;

    private ContainerKafka(KafkaContainer container) {
        this.container = container;
    }

    static ContainerKafka start(String image) {
        try {
            Class.forName("org.testcontainers.kafka.KafkaContainer");
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("newswire.test.kafka=container needs org.testcontainers:testcontainers-kafka on the test classpath", e);
        }
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            throw new IllegalStateException("newswire.test.kafka=container but no Docker engine is reachable");
        }
        KafkaContainer container = new KafkaContainer(DockerImageName.parse(image).asCompatibleSubstituteFor("apache/kafka"));
        container.start();
        return new ContainerKafka(container);
    }

    String bootstrapServers() {
        return container.getBootstrapServers();
    }

    @Override
    public void close() {
        container.stop();
    }
}
