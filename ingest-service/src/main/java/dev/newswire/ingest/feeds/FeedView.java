package dev.newswire.ingest.feeds;

import dev.newswire.ingest.config.IngestConfig;
import dev.newswire.model.NewsJson;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/**
 * Every replica's copy of the registry and the statuses: read from the start of both compacted
 * topics at start-up and then followed, by a group-less consumer on its own thread. The topics are
 * the truth; this view only lags them by a poll. A record that cannot be read is skipped and
 * logged, a tombstone removes its feed.
 */
@ApplicationScoped
public class FeedView implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(FeedView.class);

    /** A definition and the registry partition it lives in (the partition decides who polls it). */
    public record Entry(FeedDefinition feed, int partition) {
    }

    private final Map<String, Object> kafka;
    private final String topic;
    private final String statusTopic;
    private final String clientId;
    private final Map<String, Entry> feeds = new ConcurrentHashMap<>();
    private final Map<String, FeedStatus> statuses = new ConcurrentHashMap<>();
    /** Next offset to read per partition of both topics; guarded by {@code this} for waiters. */
    private final Map<TopicPartition, Long> positions = new HashMap<>();
    private final ConsumerLoop loop;
    private volatile boolean caughtUp;

    @Inject
    public FeedView(IngestConfig config, @Identifier("default-kafka-broker") Map<String, Object> kafka) {
        this(config, kafka, "newswire-ingest-feed-view");
    }

    public FeedView(IngestConfig config, Map<String, Object> kafka, String clientId) {
        this.kafka = kafka;
        this.topic = config.feeds().topic();
        this.statusTopic = config.feeds().statusTopic();
        this.clientId = clientId;
        // Broker away or topics missing: start over (the view is rebuilt from the start, which is idempotent).
        this.loop = new ConsumerLoop(clientId, () -> consumerProperties(clientId), this::follow,
                e -> LOG.debugf("feed view restarts after: %s", e.toString()), Duration.ofSeconds(5));
    }

    public void start() {
        loop.start();
    }

    public Optional<Entry> feed(String id) {
        return Optional.ofNullable(feeds.get(id));
    }

    /** Every feed, oldest registration first. */
    public List<Entry> feeds() {
        List<Entry> all = new ArrayList<>(feeds.values());
        all.sort(Comparator.comparing((Entry e) -> e.feed().registeredAt(), Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(e -> e.feed().id()));
        return all;
    }

    public Optional<FeedStatus> status(String id) {
        return Optional.ofNullable(statuses.get(id));
    }

    /** True once the view read both topics up to where they ended when it started. */
    public boolean caughtUp() {
        return caughtUp;
    }

    /** Waits until the view has applied the record at {@code offset} of that partition; false after {@code wait}. */
    public synchronized boolean awaitApplied(String topicName, int partition, long offset, Duration wait) {
        TopicPartition key = new TopicPartition(topicName, partition);
        long deadline = System.nanoTime() + wait.toNanos();
        while (positions.getOrDefault(key, 0L) <= offset) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** Waits until the view holds everything both topics held when this was called (a new owner's first look). */
    public boolean awaitCurrent(Duration wait) {
        Map<String, Object> props = consumerProperties(clientId + "-ends");
        try (KafkaConsumer<String, byte[]> probe = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            Map<TopicPartition, Long> ends = probe.endOffsets(partitions(probe), wait);
            for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
                if (end.getValue() > 0 && !awaitApplied(end.getKey().topic(), end.getKey().partition(), end.getValue() - 1, wait)) {
                    return false;
                }
            }
            return true;
        } catch (RuntimeException e) {
            LOG.debugf("cannot read the end offsets of the feed topics: %s", e.toString());
            return false;
        }
    }

    private void follow(KafkaConsumer<String, byte[]> c) {
        List<TopicPartition> all = partitions(c);
        if (all.isEmpty()) {
            throw new IllegalStateException("feed topics " + topic + ", " + statusTopic + " not found");
        }
        c.assign(all);
        c.seekToBeginning(all);
        Map<TopicPartition, Long> startEnds = c.endOffsets(all);
        while (loop.running()) {
            for (ConsumerRecord<String, byte[]> record : c.poll(Duration.ofMillis(500))) {
                apply(record);
            }
            synchronized (this) {
                for (TopicPartition partition : all) {
                    positions.put(partition, c.position(partition));
                }
                notifyAll();
            }
            if (!caughtUp && startEnds.entrySet().stream().allMatch(e -> positions.getOrDefault(e.getKey(), 0L) >= e.getValue())) {
                caughtUp = true;
                LOG.infof("Feed registry read: %d feed(s)", feeds.size());
            }
        }
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        String id = record.key();
        if (id == null) {
            return;
        }
        boolean registry = record.topic().equals(topic);
        if (record.value() == null) {
            (registry ? feeds : statuses).remove(id);
            return;
        }
        try {
            if (registry) {
                feeds.put(id, new Entry(NewsJson.mapper().readValue(record.value(), FeedDefinition.class), record.partition()));
            } else {
                statuses.put(id, NewsJson.mapper().readValue(record.value(), FeedStatus.class));
            }
        } catch (java.io.IOException | RuntimeException e) {
            LOG.warnf("Skipped an unreadable record of %s (partition %d, offset %d): %s", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
        }
    }

    private List<TopicPartition> partitions(KafkaConsumer<String, byte[]> c) {
        List<TopicPartition> all = new ArrayList<>();
        for (String name : List.of(topic, statusTopic)) {
            List<PartitionInfo> infos = c.partitionsFor(name, Duration.ofSeconds(5));
            if (infos != null) {
                infos.forEach(info -> all.add(new TopicPartition(name, info.partition())));
            }
        }
        return all;
    }

    private Map<String, Object> consumerProperties(String id) {
        Map<String, Object> props = new HashMap<>(kafka);
        props.keySet().retainAll(ConsumerConfig.configNames());
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, id);
        return props;
    }

    @Override
    public void close() {
        loop.close();
    }
}
