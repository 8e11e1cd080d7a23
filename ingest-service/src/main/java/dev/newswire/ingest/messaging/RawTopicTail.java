package dev.newswire.ingest.messaging;

import dev.newswire.ingest.config.IngestConfig;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads the keys (article ids) of the last records of the raw topic, for the dedup window a fresh
 * ingest starts with. A plain, group-less consumer: it assigns every partition itself, seeks to
 * {@code end - perPartition}, reads up to the end offsets it saw at the start, and commits nothing.
 */
@ApplicationScoped
public class RawTopicTail {

    private final Map<String, Object> kafka;
    private final String topic;

    public RawTopicTail(IngestConfig config, @Identifier("default-kafka-broker") Map<String, Object> kafka) {
        this.kafka = kafka;
        this.topic = config.topic();
    }

    /**
     * The keys of the last {@code total} records (split evenly over the partitions), oldest first
     * within a partition; empty when the topic does not exist. Gives up after {@code within}.
     */
    public List<String> lastKeys(int total, Duration within) throws TimeoutException {
        long deadline = System.nanoTime() + within.toNanos();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerProperties(), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<PartitionInfo> infos = Optional.ofNullable(consumer.partitionsFor(topic, within)).orElse(List.of());
            if (infos.isEmpty() || total <= 0) {
                return List.of();
            }
            List<TopicPartition> partitions = infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            long perPartition = Math.max(1, total / partitions.size());
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, remaining(deadline));
            Map<TopicPartition, Long> begins = consumer.beginningOffsets(partitions, remaining(deadline));
            Map<TopicPartition, Long> open = new HashMap<>();
            Map<TopicPartition, Long> starts = new HashMap<>();
            for (TopicPartition partition : partitions) {
                long end = ends.get(partition);
                long from = Math.max(begins.get(partition), end - perPartition);
                if (from < end) {
                    starts.put(partition, from);
                    open.put(partition, end);
                }
            }
            consumer.assign(starts.keySet());
            starts.forEach(consumer::seek);
            List<String> keys = new ArrayList<>();
            while (!open.isEmpty()) {
                if (System.nanoTime() >= deadline) {
                    throw new TimeoutException("read " + keys.size() + " ids of " + topic + " before the deadline");
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.key() != null && record.offset() < open.getOrDefault(
                            new TopicPartition(record.topic(), record.partition()), -1L)) {
                        keys.add(record.key());
                    }
                }
                // Positions, not counts: compaction and transaction markers leave offsets without records.
                if (open.entrySet().removeIf(entry -> consumer.position(entry.getKey(), remaining(deadline)) >= entry.getValue())) {
                    consumer.pause(starts.keySet().stream().filter(p -> !open.containsKey(p)).toList());
                }
            }
            return keys;
        }
    }

    private Map<String, Object> consumerProperties() {
        Map<String, Object> props = new HashMap<>(kafka);
        props.keySet().retainAll(ConsumerConfig.configNames());
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "newswire-ingest-dedup-window");
        return props;
    }

    private static Duration remaining(long deadline) {
        return Duration.ofNanos(Math.max(1_000_000L, deadline - System.nanoTime()));
    }
}
