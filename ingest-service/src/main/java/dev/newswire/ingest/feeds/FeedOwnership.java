package dev.newswire.ingest.feeds;

import dev.newswire.ingest.config.IngestConfig;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * Which feeds this replica polls: the partitions of the registry topic that Kafka's group
 * coordinator assigns to this replica's member of the {@code newswire-ingest-feeds} group. A feed
 * lives in the partition of its key, so each feed has exactly one owner among the live replicas,
 * a replica that stops hands its feeds over at the next rebalance (at once when it leaves cleanly,
 * after the session time-out when it dies), and nothing but Kafka decides it. The consumer reads
 * no records for itself (the view has them); it only holds the membership.
 * <p>
 * When partitions are taken away, {@link PollsInFlight} is waited for before the rebalance goes
 * on, so the next owner never polls a feed while its old owner is still polling it (the eager
 * protocol assigns only after every member finished revoking).
 */
@ApplicationScoped
public class FeedOwnership implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(FeedOwnership.class);

    private final Map<String, Object> kafka;
    private final String topic;
    private final String group;
    private final String clientId;
    private final PollsInFlight inFlight;
    private final Duration drainWait;
    private volatile Set<Integer> owned = Set.of();
    private final ConsumerLoop loop;

    @Inject
    public FeedOwnership(IngestConfig config, @Identifier("default-kafka-broker") Map<String, Object> kafka, PollsInFlight inFlight) {
        this(config, kafka, inFlight, "newswire-ingest-feed-owner");
    }

    public FeedOwnership(IngestConfig config, Map<String, Object> kafka, PollsInFlight inFlight, String clientId) {
        this.kafka = kafka;
        this.topic = config.feeds().topic();
        this.group = config.feeds().group();
        this.clientId = clientId;
        this.inFlight = inFlight;
        this.drainWait = config.feeds().requestDeadline().multipliedBy(2);
        this.loop = new ConsumerLoop(clientId, this::properties, this::follow, e -> {
            owned = Set.of();
            LOG.debugf("feed ownership restarts after: %s", e.toString());
        }, Duration.ofSeconds(10));
    }

    public void start() {
        loop.start();
    }

    /** The registry partitions this replica polls now. */
    public Set<Integer> owned() {
        return owned;
    }

    private void follow(KafkaConsumer<String, byte[]> c) {
        c.subscribe(List.of(topic), new Listener());
        while (loop.running()) {
            c.poll(Duration.ofMillis(500));
        }
    }

    private final class Listener implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            Set<Integer> gone = numbers(partitions);
            Set<Integer> left = new HashSet<>(owned);
            left.removeAll(gone);
            owned = Set.copyOf(left);
            if (!inFlight.awaitNone(gone, drainWait)) {
                LOG.warnf("Feed polls of partitions %s still running after %s; handing them over anyway", gone, drainWait);
            }
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            Set<Integer> more = new HashSet<>(owned);
            more.addAll(numbers(partitions));
            owned = Set.copyOf(more);
            LOG.infof("This replica polls the feeds of %s partitions %s", topic, owned);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            onPartitionsRevoked(partitions);
        }
    }

    private static Set<Integer> numbers(Collection<TopicPartition> partitions) {
        Set<Integer> numbers = new HashSet<>();
        partitions.forEach(p -> numbers.add(p.partition()));
        return numbers;
    }

    private Map<String, Object> properties() {
        Map<String, Object> props = new HashMap<>(kafka);
        props.keySet().retainAll(ConsumerConfig.configNames());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        // Membership only: offsets mean nothing here (the view reads the topic itself).
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "1");
        return props;
    }

    @Override
    public void close() {
        loop.close();
        owned = Set.of();
    }
}
