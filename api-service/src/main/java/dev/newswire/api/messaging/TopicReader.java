package dev.newswire.api.messaging;

import dev.newswire.api.config.ApiConfig;
import dev.newswire.api.view.ArticleView;
import dev.newswire.api.view.Position;
import dev.newswire.api.view.ViewListener;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * Reads every partition of a topic (the enriched one, the stories one) from the beginning on its own thread (assign, no
 * group, no commits), fills the view and hands each batch to a listener (the fan-out). It is
 * caught up once it has reached the end offsets it saw at start; it knows the broker is reachable
 * while polls and periodic end-offset probes succeed. Both make up readiness.
 *
 * <p>No record stops it: one it cannot hold is skipped (counted in
 * {@code newswire.api.records.skipped{reason,topic}} and logged with its topic, partition and offset) and
 * the view's position still moves past it. Should the loop end anyway, {@link #alive()} turns false
 * and liveness goes DOWN, so the platform restarts the service instead of leaving it serving a
 * view that no longer moves.
 */
public class TopicReader implements Runnable {

    private static final Logger LOG = Logger.getLogger(TopicReader.class);
    static final String SKIPPED = "newswire.api.records.skipped";
    private static final Duration OFFSETS_WAIT = Duration.ofSeconds(5);

    private final KafkaClients clients;
    private final String topic;
    private final TopicSink sink;
    private final String threadName;
    private final ApiConfig.Reader config;
    private final MeterRegistry registry;
    private volatile boolean running = true;
    private volatile boolean caughtUp;
    private volatile long lastBrokerContact;
    private volatile long lag = -1;
    private volatile String stoppedBy;
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private volatile Thread thread;

    /** The enriched topic into the article view, each poll's batch to {@code listener} (the fan-out). */
    public TopicReader(KafkaClients clients, String topic, ArticleView view, ViewListener listener,
                       ApiConfig.Reader config, MeterRegistry registry) {
        this(clients, topic, new ArticleSink(view, listener), "newswire-topic-reader", config, registry);
    }

    public TopicReader(KafkaClients clients, String topic, TopicSink sink, String threadName,
                       ApiConfig.Reader config, MeterRegistry registry) {
        this.clients = clients;
        this.topic = topic;
        this.sink = sink;
        this.threadName = threadName;
        this.config = config;
        this.registry = registry;
    }

    public synchronized void start() {
        thread = new Thread(this, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    public synchronized void stop() {
        running = false;
        KafkaConsumer<byte[], byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public boolean caughtUp() {
        return caughtUp;
    }

    public boolean brokerReachable() {
        return lastBrokerContact != 0
                && System.currentTimeMillis() - lastBrokerContact < config.brokerTimeout().toMillis();
    }

    /** Records behind the broker's end offsets at the last probe; -1 before the first probe. */
    public long lag() {
        return lag;
    }

    /** False once the reading thread has ended while the service still runs: the view is frozen. */
    public boolean alive() {
        Thread t = thread;
        return !running || t == null || t.isAlive();
    }

    /** Why the reader stopped, when it did (null while it runs). */
    public String stoppedBy() {
        return stoppedBy;
    }

    @Override
    public void run() {
        try (KafkaConsumer<byte[], byte[]> c = clients.consumer("view")) {
            consumer = c;
            List<TopicPartition> partitions = awaitPartitions(c);
            if (partitions.isEmpty()) {
                return;
            }
            c.assign(partitions);
            c.seekToBeginning(partitions);
            Bounds bounds = awaitBounds(c, partitions);
            if (bounds == null) {
                return;
            }
            Map<TopicPartition, Long> begin = bounds.begin();
            Map<TopicPartition, Long> target = bounds.end();
            long[] start = new long[partitions.size()];
            begin.forEach((tp, offset) -> start[tp.partition()] = offset);
            sink.startAt(Position.of(start));
            LOG.infof("Rebuilding the view from %s: %d partitions, end offsets %s", topic, partitions.size(), target.values());
            long nextProbe = 0;
            while (running) {
                try {
                    nextProbe = pollOnce(c, partitions, target, nextProbe);
                } catch (RetriableException e) {
                    // A broker that does not answer in time is an outage, not an end: readiness reports it.
                    LOG.debugf("topic reader: %s, retrying", e.toString());
                }
            }
        } catch (WakeupException e) {
            if (running) {
                stoppedBy = e.toString();
                LOG.error("topic reader woken up unexpectedly", e);
            }
        } catch (RuntimeException | Error e) {
            stoppedBy = e.toString();
            LOG.error("topic reader stopped: liveness is DOWN", e);
            throw e;
        } finally {
            consumer = null;
        }
    }

    private long pollOnce(KafkaConsumer<byte[], byte[]> c, List<TopicPartition> partitions,
                          Map<TopicPartition, Long> target, long nextProbe) {
        ConsumerRecords<byte[], byte[]> records = c.poll(config.pollTimeout());
        if (!records.isEmpty()) {
            lastBrokerContact = System.currentTimeMillis();
            append(records);
            sink.endOfBatch();
        }
        if (!caughtUp && reached(c, target)) {
            caughtUp = true;
            LOG.infof("View of %s caught up: %s", topic, sink.describe());
        }
        if (System.currentTimeMillis() >= nextProbe) {
            probe(c, partitions);
            return System.currentTimeMillis() + config.probeInterval().toMillis();
        }
        return nextProbe;
    }

    private List<TopicPartition> awaitPartitions(KafkaConsumer<byte[], byte[]> c) {
        for (int attempt = 0; running; attempt++) {
            try {
                List<PartitionInfo> infos = c.partitionsFor(topic, Duration.ofSeconds(5));
                if (infos != null && !infos.isEmpty()) {
                    lastBrokerContact = System.currentTimeMillis();
                    return infos.stream().map(i -> new TopicPartition(topic, i.partition()))
                            .sorted(Comparator.comparingInt(TopicPartition::partition)).toList();
                }
                if (attempt % 60 == 0) {   // once a minute: the stories topic may be missing for good (an older enrich)
                    LOG.infof("Waiting for topic %s to exist", topic);
                }
            } catch (org.apache.kafka.common.errors.TimeoutException e) {
                LOG.infof("Waiting for the broker to answer about %s", topic);
            }
            sleepQuietly(Duration.ofSeconds(1));
        }
        return List.of();
    }

    private record Bounds(Map<TopicPartition, Long> begin, Map<TopicPartition, Long> end) {
    }

    /**
     * The partitions' first and end offsets, asked until the broker answers (null once stopped). The
     * broker can go away between its metadata answer and this question: that is an outage to wait out,
     * like every other one, not a reason to end the reader (and restart the service until it is back).
     */
    private Bounds awaitBounds(KafkaConsumer<byte[], byte[]> c, List<TopicPartition> partitions) {
        while (running) {
            try {
                Bounds bounds = new Bounds(c.beginningOffsets(partitions, OFFSETS_WAIT), c.endOffsets(partitions, OFFSETS_WAIT));
                lastBrokerContact = System.currentTimeMillis();
                return bounds;
            } catch (RetriableException e) {
                LOG.infof("Waiting for the broker to answer the offsets of %s: %s", topic, e.toString());
                sleepQuietly(Duration.ofSeconds(1));
            }
        }
        return null;
    }

    private void append(ConsumerRecords<byte[], byte[]> records) {
        for (ConsumerRecord<byte[], byte[]> record : records) {
            try {
                TopicSink.Skip skip = sink.accept(record);
                if (skip != null) {
                    skip(record, skip.reason(), skip.detail());
                }
            } catch (RuntimeException e) {   // the view refused what the decoder let through: a bug, still one record
                skip(record, "error", e.toString());
            }
        }
    }

    private void skip(ConsumerRecord<byte[], byte[]> record, String reason, String detail) {
        sink.skipped(record.partition(), record.offset());
        registry.counter(SKIPPED, "reason", reason, "topic", record.topic()).increment();
        LOG.warnf("Skipped record %s-%d@%d (%s): %s", record.topic(), record.partition(), record.offset(), reason, detail);
    }

    private boolean reached(KafkaConsumer<byte[], byte[]> c, Map<TopicPartition, Long> target) {
        for (Map.Entry<TopicPartition, Long> e : target.entrySet()) {
            if (c.position(e.getKey(), Duration.ofSeconds(1)) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    private void probe(KafkaConsumer<byte[], byte[]> c, List<TopicPartition> partitions) {
        try {
            Map<TopicPartition, Long> end = c.endOffsets(partitions, Duration.ofSeconds(2));
            long behind = 0;
            for (TopicPartition tp : partitions) {
                behind += Math.max(0, end.get(tp) - c.position(tp, Duration.ofSeconds(1)));
            }
            lag = behind;
            lastBrokerContact = System.currentTimeMillis();
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            LOG.debugf("end-offset probe timed out: %s", e.getMessage());
        }
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());   // back-off between metadata attempts, not test synchronisation
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
