package dev.newswire.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newswire.model.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaTest {

    private static final int RECORDS = 10_000;

    @Test
    void producesAndConsumesTenThousandRecords() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            String topic = "roundtrip-" + UUID.randomUUID();
            produce(kafka.bootstrapServers(), topic, RECORDS);

            List<ConsumerRecord<String, String>> read = consumeAll(kafka.bootstrapServers(), topic, RECORDS);

            assertThat(read).hasSize(RECORDS);
            assertThat(read).extracting(ConsumerRecord::value).doesNotHaveDuplicates()
                    .contains("value-0", "value-" + (RECORDS - 1));
        }
    }

    @Test
    void keepsRecordsAcrossRestartOnTheSameDataDir(@TempDir Path dir) throws Exception {
        String topic = "durable";
        int port;
        try (EmbeddedKafka first = EmbeddedKafka.builder().dataDir(dir).start()) {
            port = first.port();
            produce(first.bootstrapServers(), topic, 100);
        }
        assertThat(dir.resolve("metadata").resolve("meta.properties")).exists();

        try (EmbeddedKafka second = EmbeddedKafka.builder().dataDir(dir).port(port).start()) {
            assertThat(consumeAll(second.bootstrapServers(), topic, 100))
                    .extracting(ConsumerRecord::value).contains("value-0", "value-99").hasSize(100);
        }
    }

    @Test
    void stopAndRestartKeepPortAndData() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            String bootstrap = kafka.bootstrapServers();
            produce(bootstrap, "restart", 10);
            kafka.stop();
            assertThat(kafka.isRunning()).isFalse();

            kafka.restart();

            assertThat(kafka.bootstrapServers()).isEqualTo(bootstrap);
            assertThat(consumeAll(bootstrap, "restart", 10)).hasSize(10);
        }
    }

    @Test
    void twoBrokersSideBySidePickDifferentPortsAndCleanUp() {
        Path firstDir;
        try (EmbeddedKafka a = EmbeddedKafka.start(); EmbeddedKafka b = EmbeddedKafka.start()) {
            assertThat(a.port()).isNotEqualTo(b.port());
            assertThat(a.dataDir()).isNotEqualTo(b.dataDir());
            assertThat(a.dataDir().toString()).doesNotContain("/tmp/kafka-logs");
            firstDir = a.dataDir();
            assertThat(firstDir).exists();
        }
        assertThat(Files.exists(firstDir)).as("temporary data dir removed on close").isFalse();
    }

    @Test
    void bindsAllInterfacesWithAnAdvertisedHostAsInAContainer() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.builder().host("0.0.0.0").advertisedHost("127.0.0.1").start()) {
            assertThat(kafka.bootstrapServers()).startsWith("127.0.0.1:");
            produce(kafka.bootstrapServers(), "wildcard", 5);
            assertThat(consumeAll(kafka.bootstrapServers(), "wildcard", 5)).hasSize(5);
        }
    }

    @Test
    void createsTheContractTopicsWithCompactionOnEnriched() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            NewswireTopics.create(kafka.bootstrapServers(), 3);
            NewswireTopics.create(kafka.bootstrapServers(), 3); // idempotent

            Properties props = new Properties();
            props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
            try (Admin admin = Admin.create(props)) {
                Map<String, TopicDescription> topics = admin.describeTopics(Set.of(Topics.RAW, Topics.ENRICHED, Topics.DLQ))
                        .allTopicNames().get();
                assertThat(topics.values()).allSatisfy(t -> assertThat(t.partitions()).hasSize(3));
                assertThat(admin.describeTopics(Set.of(Topics.STORIES)).allTopicNames().get().get(Topics.STORIES).partitions())
                        .hasSize(3);
                assertThat(admin.describeTopics(Set.of(Topics.ENRICHED_PENDING)).allTopicNames().get()
                        .get(Topics.ENRICHED_PENDING).partitions()).as("one ordering point for stories").hasSize(1);
                ConfigResource enriched = new ConfigResource(ConfigResource.Type.TOPIC, Topics.ENRICHED);
                ConfigResource raw = new ConfigResource(ConfigResource.Type.TOPIC, Topics.RAW);
                ConfigResource stories = new ConfigResource(ConfigResource.Type.TOPIC, Topics.STORIES);
                var configs = admin.describeConfigs(List.of(enriched, raw, stories)).all().get();
                assertThat(configs.get(enriched).get("cleanup.policy").value()).isEqualTo("compact");
                assertThat(configs.get(stories).get("cleanup.policy").value()).isEqualTo("compact");
                assertThat(configs.get(raw).get("cleanup.policy").value()).isEqualTo("delete");
            }
        }
    }

    static void produce(String bootstrap, String topic, int count) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        // The topic exists before the first send, and every send is checked: on a loaded machine a
        // send racing the topic's auto-creation failed (OutOfOrderSequenceException) and the
        // restart test then read 9 of 10 records without saying why.
        createTopic(bootstrap, topic);
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            for (int i = 0; i < count; i++) {
                sent.add(producer.send(new ProducerRecord<>(topic, "key-" + i, "value-" + i)));
            }
            producer.flush();
        }
        for (Future<RecordMetadata> f : sent) {
            f.get(60, TimeUnit.SECONDS);
        }
    }

    private static void createTopic(String bootstrap, String topic) throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(props)) {
            admin.createTopics(List.of(new NewTopic(topic, Optional.empty(), Optional.empty()))).all().get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    static List<ConsumerRecord<String, String>> consumeAll(String bootstrap, String topic, int expected) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> out = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(topic));
            while (out.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(out::add);
            }
        }
        return out;
    }
}
