package dev.newswire.ingest.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.newswire.ingest.config.IngestConfig;
import dev.newswire.model.CloudEvents;
import dev.newswire.model.NewsJson;
import dev.newswire.model.RawArticle;
import io.quarkus.runtime.Startup;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

/**
 * Publishes raw articles to {@code news.articles.raw}: key = article id, value = RawArticle JSON,
 * CloudEvents binary-mode headers.
 * <p>
 * A plain {@link KafkaProducer} rather than a SmallRye {@code Emitter}: the promise "202 only after
 * the ack, 503 within 5 s otherwise" needs max.block.ms (metadata wait inside send), delivery.timeout.ms
 * (the ack) and request.timeout.ms set together from one setting, and a future per record we can await
 * with a deadline. The Emitter puts its own overflow buffer and retry loop between the request and
 * those bounds, and its ack only tells success or failure. Settings still come from {@code kafka.*}
 * (the "default-kafka-broker" bean), so KAFKA_BOOTSTRAP_SERVERS and security settings apply as usual.
 */
@Startup
@ApplicationScoped
public class RawArticlePublisher {

    private static final Logger LOG = Logger.getLogger(RawArticlePublisher.class);
    /** Producer buffer for values up to a few MiB of JSON (a 1 MiB body can double when escaped). */
    private static final int MAX_REQUEST_BYTES = 8 * 1024 * 1024;

    private final KafkaProducer<String, byte[]> producer;
    private final String topic;
    private final String eventSource;
    private final Duration timeout;

    @Inject
    public RawArticlePublisher(IngestConfig config, @Identifier("default-kafka-broker") Map<String, Object> kafka) {
        this.topic = config.topic();
        this.eventSource = config.eventSource();
        this.timeout = config.publish().timeout();
        this.producer = new KafkaProducer<>(producerProperties(config, kafka), new StringSerializer(), new ByteArraySerializer());
        LOG.infof("Publishing to %s on %s (acks=all, idempotent, %s, ack timeout %s)", topic,
                kafka.get(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG), config.publish().compression(), timeout);
    }

    static Map<String, Object> producerProperties(IngestConfig config, Map<String, Object> kafka) {
        Map<String, Object> props = new HashMap<>(kafka);
        long timeoutMs = Math.max(1000, config.publish().timeout().toMillis());
        long lingerMs = config.publish().linger().toMillis();
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, config.publish().compression());
        props.put(ProducerConfig.LINGER_MS_CONFIG, Long.toString(lingerMs));
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Integer.toString(MAX_REQUEST_BYTES));
        // The three bounds of one send: metadata wait inside send(), then the ack. Kafka requires
        // delivery.timeout.ms >= linger.ms + request.timeout.ms.
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Long.toString(timeoutMs));
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Long.toString(timeoutMs));
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Long.toString(Math.max(500, timeoutMs - lingerMs - 250)));
        // Reconnect quickly once a stopped broker is back, so the first request after it succeeds.
        props.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "1000");
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "newswire-ingest");
        props.putAll(config.publish().producer());
        return props;
    }

    /**
     * Sends one article; the future completes with the broker's ack, or fails with
     * {@link BrokerUnavailableException} / {@link RecordTooLargeForTopicException} / {@link BrokerRefusedException}. send() itself
     * may block up to the publish timeout while the broker is unknown, so call it off the event loop.
     */
    public CompletableFuture<RecordMetadata> publish(RawArticle article, String channel) {
        CompletableFuture<RecordMetadata> acked = new CompletableFuture<>();
        try {
            byte[] value = NewsJson.mapper().writeValueAsBytes(article);
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, null, article.id(), value,
                    headers(article, channel));
            producer.send(record, (metadata, error) -> {
                if (error == null) {
                    acked.complete(metadata);
                } else {
                    acked.completeExceptionally(translate(error));
                }
            });
        } catch (JsonProcessingException e) {
            acked.completeExceptionally(new IllegalStateException("cannot serialise article " + article.id(), e));
        } catch (RuntimeException e) {
            acked.completeExceptionally(translate(e));
        }
        return acked;
    }

    /**
     * Waits until the broker answers with the topic's partitions, up to {@code wait}; false if it never did.
     * Used before a start-up replay so seeds are not spent on a broker that is still starting.
     */
    public boolean awaitTopic(Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            try {
                if (!producer.partitionsFor(topic).isEmpty()) {
                    return true;
                }
            } catch (RuntimeException e) {
                LOG.debugf("topic %s not reachable yet: %s", topic, e.toString());
            }
            if (System.nanoTime() >= deadline) {
                return false;
            }
            // partitionsFor already waits max.block.ms when the broker is down; this pause only keeps
            // an immediate refusal (e.g. topic not created yet) from spinning.
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(500).toNanos());
        }
    }

    public Duration timeout() {
        return timeout;
    }

    @PreDestroy
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }

    private List<Header> headers(RawArticle article, String channel) {
        Instant time = article.receivedAt() == null ? Instant.now() : article.receivedAt();
        // Unique per publish: a replay loop re-sends the same article (same key) as a new event.
        String id = UUID.randomUUID().toString();
        List<Header> headers = new ArrayList<>();
        CloudEvents.headers(id, CloudEvents.TYPE_RAW, eventSource + "/" + channel, time)
                .forEach((name, value) -> headers.add(new RecordHeader(name, value)));
        return headers;
    }

    private RuntimeException translate(Throwable error) {
        return BrokerErrors.translate(error, "the article", timeout);
    }
}
