package dev.newswire.enrich.stories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newswire.kafka.NewswireKafkaResource;
import dev.newswire.model.CloudEvents;
import dev.newswire.model.NewsJson;
import dev.newswire.model.RawArticle;
import dev.newswire.model.StoryRecord;
import dev.newswire.model.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Kafka clients and test articles for the story tests: records straight into the real embedded broker's topics. */
final class StoryTestClients {

    static final Duration PATIENCE = Duration.ofMinutes(3);

    private StoryTestClients() {
    }
    
    /** The seed with a new headline (outside the text) and its second and fourth sentences edited. */
    static String reposted(String seed) {
        String[] sentences = seed.split("(?<=[.!?])\\s+");
        sentences[1] = "Officials in both capitals said on Sunday that the meeting had been planned for several weeks.";
        sentences[3] = "Analysts expect the talks to last well into the evening, according to people briefed on the plans.";
        return String.join(" ", sentences);
    }

    static List<Path> seeds() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("../seeds"))) {
            return files.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
    }

    static byte[] raw(String id, String title, String body) throws IOException {
        return NewsJson.mapper().writeValueAsBytes(new RawArticle(id, "test:stories", null, title, body, RawArticle.TEXT_PLAIN,
                null, Instant.now(), null));
    }

    static Map<String, JsonNode> awaitEnriched(Set<String> ids) {
        return awaitEnriched(ids, Topics.ENRICHED);
    }

    static Map<String, JsonNode> awaitEnriched(Set<String> ids, String topic) {
        Map<String, JsonNode> seen = new ConcurrentHashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            consumer.subscribe(List.of(topic));
            await().atMost(PATIENCE).until(() -> {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (ids.contains(r.key())) {
                        assertThat(header(r, CloudEvents.HEADER_TYPE)).isEqualTo(CloudEvents.TYPE_ENRICHED);
                        seen.put(r.key(), NewsJson.mapper().readTree(r.value()));
                    }
                }
                return seen.keySet().containsAll(ids);
            });
        }
        return seen;
    }

    static StoryRecord awaitStory(String id, java.util.function.Predicate<StoryRecord> complete) {
        Map<String, StoryRecord> latest = new ConcurrentHashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            consumer.subscribe(List.of(Topics.STORIES));
            await().atMost(PATIENCE).until(() -> {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (id.equals(r.key())) {
                        assertThat(header(r, CloudEvents.HEADER_TYPE)).isEqualTo(CloudEvents.TYPE_STORY);
                        latest.put(id, NewsJson.mapper().readValue(r.value(), StoryRecord.class));
                    }
                }
                return latest.containsKey(id) && complete.test(latest.get(id));
            });
        }
        return latest.get(id);
    }

    static JsonNode json(String line) {
        try {
            return NewsJson.mapper().readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void send(KafkaProducer<String, byte[]> producer, String topic, String key, byte[] value) throws Exception {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
        record.headers().add(CloudEvents.HEADER_SPEC_VERSION, CloudEvents.SPEC_VERSION.getBytes(StandardCharsets.UTF_8));
        record.headers().add(CloudEvents.HEADER_ID, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        String type = Topics.RAW.equals(topic) ? CloudEvents.TYPE_RAW : CloudEvents.TYPE_ENRICHED;
        record.headers().add(CloudEvents.HEADER_TYPE, type.getBytes(StandardCharsets.UTF_8));
        record.headers().add(CloudEvents.HEADER_SOURCE, "/test".getBytes(StandardCharsets.UTF_8));
        producer.send(record).get();
    }

    static KafkaProducer<String, byte[]> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, NewswireKafkaResource.bootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return new KafkaProducer<>(props);
    }

    static KafkaConsumer<String, byte[]> consumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, NewswireKafkaResource.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "stories-test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 * 1024 * 1024);
        return new KafkaConsumer<>(props);
    }

    static String header(ConsumerRecord<String, byte[]> record, String name) {
        var h = record.headers().lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
