package dev.newswire.enrich.messaging;

import dev.newswire.model.CloudEvents;
import dev.newswire.model.EnrichedArticle;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

/**
 * Builds the enriched Kafka record: same key as the raw one, CloudEvents binary-mode headers. Its
 * acknowledgement acknowledges the raw record. The channel retries a failed send until the broker
 * takes it, so a nack means the broker can never take it (e.g. too large): the raw record then goes
 * to the dead-letter topic (stage {@code publish}) instead of stopping the consumer.
 */
@ApplicationScoped
public class EnrichedMessageBuilder {

    static final String PUBLISH_STAGE = "publish";

    private final DeadLetterPublisher deadLetters;

    public EnrichedMessageBuilder(DeadLetterPublisher deadLetters) {
        this.deadLetters = deadLetters;
    }

    static final String SOURCE = "/newswire/enrich-service";

    Message<String> toMessage(EnrichedArticle article, String key, String json, Message<byte[]> raw,
                              IncomingKafkaRecordMetadata<?, ?> source) {
        return toMessage(article, key, json, raw, source, null);
    }

    /** With the tags stage's embedding as a header for the story step (which strips it), when there is one. */
    Message<String> toMessage(EnrichedArticle article, String key, String json, Message<byte[]> raw,
                              IncomingKafkaRecordMetadata<?, ?> source, float[] embedding) {
        // Deterministic id: the same article enriched by the same pipeline version is the same event.
        String id = UUID.nameUUIDFromBytes(
                (article.id() + "|" + article.pipeline().version() + "|" + json.length()).getBytes(StandardCharsets.UTF_8)).toString();
        RecordHeaders headers = new RecordHeaders();
        CloudEvents.headers(id, CloudEvents.TYPE_ENRICHED, SOURCE, article.enrichedAt()).forEach(headers::add);
        if (embedding != null) {
            headers.add(EmbeddingHeader.HEADER, EmbeddingHeader.encode(embedding));
        }
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(key)
                .withHeaders(headers)
                .build();
        Supplier<CompletionStage<Void>> ack = raw::ack;
        Function<Throwable, CompletionStage<Void>> nack = failure -> deadLetters.publish(raw, source,
                source == null || source.getKey() == null ? null : source.getKey().toString(), PUBLISH_STAGE, failure);
        return Message.of(json, Metadata.of(metadata), ack, nack);
    }
}
