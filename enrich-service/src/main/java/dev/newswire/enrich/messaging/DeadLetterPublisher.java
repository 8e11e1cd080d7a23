package dev.newswire.enrich.messaging;

import dev.newswire.enrich.pipeline.StageFailedException;
import dev.newswire.model.DeadLetterHeaders;
import dev.newswire.model.Topics;
import io.micrometer.core.instrument.Metrics;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

/**
 * Writes a rejected raw record to {@link Topics#DLQ}: the original bytes, key and headers, plus
 * {@link DeadLetterHeaders} naming the error class, message, stage and source topic/partition/offset.
 * The raw record is acknowledged (its offset may be committed) only once the DLQ record is written,
 * so nothing is dropped silently. The channel retries a failed write (broker away) until it
 * succeeds; only a write the broker can never take (e.g. larger than the topic allows) gives up:
 * then the record is skipped, counted ({@code newswire.enrich.records.skipped}) and logged with
 * its topic/partition/offset, so that one record cannot stop the consumer.
 */
@ApplicationScoped
public class DeadLetterPublisher {

    private static final Logger LOG = Logger.getLogger(DeadLetterPublisher.class);
    private static final int MAX_MESSAGE_CHARS = 1000;

    private final Emitter<byte[]> dlq;

    public DeadLetterPublisher(@Channel("dlq") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 256) Emitter<byte[]> dlq) {
        this.dlq = dlq;
    }

    /**
     * Writes the dead letter; the returned stage completes once the raw record has been acknowledged
     * (DLQ write done, or given up and skipped), or fails if it could not even be handed over.
     */
    CompletionStage<Void> publish(Message<byte[]> raw, IncomingKafkaRecordMetadata<?, ?> source, String key, String stage, Throwable error) {
        Throwable root = error instanceof StageFailedException && error.getCause() != null ? error.getCause() : error;
        String topic = source == null ? Topics.RAW : source.getTopic();
        int partition = source == null ? -1 : source.getPartition();
        long offset = source == null ? -1 : source.getOffset();
        LOG.warnf("rejected %s-%d@%d key=%s stage=%s: %s: %s", topic, partition, offset, key, stage,
                root.getClass().getName(), root.getMessage());

        RecordHeaders headers = new RecordHeaders();
        if (source != null && source.getHeaders() != null) {
            for (Header h : source.getHeaders()) {
                headers.add(h.key(), h.value());
            }
        }
        add(headers, DeadLetterHeaders.ERROR_CLASS, root.getClass().getName());
        add(headers, DeadLetterHeaders.ERROR_MESSAGE, truncate(String.valueOf(root.getMessage())));
        add(headers, DeadLetterHeaders.ERROR_STAGE, stage);
        add(headers, DeadLetterHeaders.SOURCE_TOPIC, topic);
        add(headers, DeadLetterHeaders.SOURCE_PARTITION, Integer.toString(partition));
        add(headers, DeadLetterHeaders.SOURCE_OFFSET, Long.toString(offset));

        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(key)
                .withHeaders(headers)
                .build();
        byte[] value = raw.getPayload() == null ? new byte[0] : raw.getPayload();
        CompletableFuture<Void> settled = new CompletableFuture<>();
        Supplier<CompletionStage<Void>> ack = () -> raw.ack().whenComplete((v, e) -> settled.complete(null));
        Function<Throwable, CompletionStage<Void>> nack = failure -> {
            LOG.errorf("skipped %s-%d@%d key=%s: its dead letter cannot be written either (%s: %s); the record stays in %s",
                    topic, partition, offset, key, failure.getClass().getName(), failure.getMessage(), topic);
            Metrics.counter(RawArticleProcessor.SKIPPED, "reason", "dead-letter-failed").increment();
            return raw.ack().whenComplete((v, e) -> settled.complete(null));
        };
        try {
            dlq.send(Message.of(value, Metadata.of(metadata), ack, nack));
        } catch (RuntimeException e) {
            // Emitter cancelled or its buffer full: not this record's fault; fail so the offset stays uncommitted.
            settled.completeExceptionally(e);
        }
        return settled;
    }

    private static void add(RecordHeaders headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String truncate(String s) {
        return s.length() <= MAX_MESSAGE_CHARS ? s : s.substring(0, MAX_MESSAGE_CHARS) + "…";
    }
}
