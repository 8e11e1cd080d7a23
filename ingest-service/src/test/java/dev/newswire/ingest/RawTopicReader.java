package dev.newswire.ingest;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newswire.model.NewsJson;
import dev.newswire.model.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads {@code news.articles.raw} from the moment it was opened: every record published after
 * {@link #open} shows up in {@link #records()}, so a test sees exactly what its own requests produced.
 */
public final class RawTopicReader implements AutoCloseable {

    /** One record as the tests look at it. */
    public record Raw(String key, Map<String, String> headers, JsonNode value, int partition, long offset) {

        public String field(String name) {
            JsonNode node = value.get(name);
            return node == null || node.isNull() ? null : node.asText();
        }
    }

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<Raw> seen = new ArrayList<>();

    private RawTopicReader(String bootstrap) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.RAW, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve "end" now, not at the first poll
    }

    public static RawTopicReader open(String bootstrap) {
        return new RawTopicReader(bootstrap);
    }

    /** Everything read so far (after polling once more). */
    public synchronized List<Raw> records() {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
            seen.add(toRaw(record));
        }
        return List.copyOf(seen);
    }

    /** Polls until {@code done} holds for what was read, up to {@code within}. */
    public List<Raw> until(Predicate<List<Raw>> done, Duration within) {
        await().atMost(within).pollInterval(Duration.ofMillis(50)).until(() -> done.test(records()));
        return records();
    }

    public List<Raw> withKey(String key) {
        return records().stream().filter(r -> key.equals(r.key())).toList();
    }

    private static Raw toRaw(ConsumerRecord<String, byte[]> record) {
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        try {
            return new Raw(record.key(), headers, NewsJson.mapper().readTree(record.value()), record.partition(), record.offset());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
