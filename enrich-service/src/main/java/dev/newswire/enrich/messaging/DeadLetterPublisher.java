package dev.newswire.enrich.messaging;

import dev.newswire.enrich.pipeline.StageFailedException;
import dev.newswire.model.DeadLetterHeaders;
import dev.newswire.model.Topics;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
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
 * so nothing is dropped silently.
 */
@ApplicationScoped
public class DeadLetterPublisher {

    private static final Logger LOG = Logger.getLogger(DeadLetterPublisher.class);
    private static final int MAX_MESSAGE_CHARS = 1000;

    private final Emitter<byte[]> dlq;

    public DeadLetterPublisher(@Channel("dlq") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 256) Emitter<byte[]> dlq) {
        this.dlq = dlq;
    }

    void publish(Message<byte[]> raw, IncomingKafkaRecordMetadata<?, ?> source, String key, String stage, Throwable error) {
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
        Supplier<CompletionStage<Void>> ack = raw::ack;
        Function<Throwable, CompletionStage<Void>> nack = failure -> {
            LOG.errorf(failure, "could not write the dead letter for %s-%d@%d; not committing it", topic, partition, offset);
            return raw.nack(failure);
        };
        dlq.send(Message.of(value, Metadata.of(metadata), ack, nack));
    }

    private static void add(RecordHeaders headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String truncate(String s) {
        return s.length() <= MAX_MESSAGE_CHARS ? s : s.substring(0, MAX_MESSAGE_CHARS) + "…";
    }
}
