package dev.newswire.ingest.feeds;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.newswire.ingest.config.IngestConfig;
import dev.newswire.ingest.messaging.BrokerErrors;
import dev.newswire.ingest.messaging.BrokerRefusedException;
import dev.newswire.ingest.messaging.BrokerUnavailableException;
import dev.newswire.model.NewsJson;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

/**
 * Writes the feed registry ({@code news.feeds}) and feed status ({@code news.feeds.status}): the
 * only state of the feature, so every replica and every restart sees the same feeds. Registry
 * writes wait for the broker's ack (the HTTP answer promises the feed is stored); status writes do
 * not (the next poll writes a newer one anyway).
 */
@ApplicationScoped
public class FeedStore implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(FeedStore.class);

    private final KafkaProducer<String, byte[]> producer;
    private final String topic;
    private final String statusTopic;
    private final Duration timeout;

    @Inject
    public FeedStore(IngestConfig config, @Identifier("default-kafka-broker") Map<String, Object> kafka) {
        this(config, kafka, "newswire-ingest-feeds");
    }

    public FeedStore(IngestConfig config, Map<String, Object> kafka, String clientId) {
        this.topic = config.feeds().topic();
        this.statusTopic = config.feeds().statusTopic();
        this.timeout = config.publish().timeout();
        Map<String, Object> props = new HashMap<>(kafka);
        props.keySet().retainAll(ProducerConfig.configNames());
        // A registry write must not be lost or doubled: acks from every in-sync replica, idempotent.
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        long ms = Math.max(1000, timeout.toMillis());
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Long.toString(ms));
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Long.toString(ms));
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Long.toString(Math.max(500, ms - 250)));
        props.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        this.producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    /** Stores (or replaces) a feed; returns where it landed once the broker acknowledged. */
    public RecordMetadata put(FeedDefinition feed) {
        return await(producer.send(new ProducerRecord<>(topic, feed.id(), json(feed))));
    }

    /** Deletes a feed: tombstones for its definition and its status. */
    public RecordMetadata delete(String id) {
        producer.send(new ProducerRecord<>(statusTopic, id, null));
        return await(producer.send(new ProducerRecord<>(topic, id, null)));
    }

    /** Stores a status and waits for the ack, so a registry write that follows (re-enable) lands after it. */
    public RecordMetadata putStatusNow(FeedStatus status) {
        return await(producer.send(new ProducerRecord<>(statusTopic, status.id(), json(status))));
    }

    /** Stores a poll's status without waiting; a failure is logged (the next poll writes again). */
    public void putStatus(FeedStatus status) {
        producer.send(new ProducerRecord<>(statusTopic, status.id(), json(status)), (metadata, error) -> {
            if (error != null) {
                LOG.warnf("Status of feed %s not stored: %s", status.id(), error.toString());
            }
        });
    }

    private RecordMetadata await(Future<RecordMetadata> sent) {
        return acknowledged(sent, timeout);
    }

    /**
     * The ack of a registry write, or why not: {@link BrokerUnavailableException} when the broker did
     * not answer in time (callers retry: declared feeds wait it out), {@link BrokerRefusedException}
     * when it answered "no" by its settings (declared feeds log why and try again only after a long
     * pause, rather than every 5 s as if the broker were away).
     */
    static RecordMetadata acknowledged(Future<RecordMetadata> sent, Duration timeout) {
        try {
            return sent.get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw BrokerErrors.translate(e.getCause() == null ? e : e.getCause(), "the feed registry write", timeout);
        } catch (TimeoutException e) {
            throw BrokerErrors.translate(e, "the feed registry write", timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerUnavailableException("Interrupted while storing the feed.", e);
        }
    }

    private static byte[] json(Object value) {
        try {
            return NewsJson.mapper().writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("feed records always serialise", e);
        }
    }

    @PreDestroy
    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
