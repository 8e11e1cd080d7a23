package dev.newswire.enrich.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newswire.model.DeadLetterHeaders;
import dev.newswire.model.EnrichedArticle;
import dev.newswire.model.Provenance;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;

/**
 * An enriched record the broker can never take (the channel retries everything else) sends its raw
 * record to the DLQ with stage {@code publish} and acknowledges it: it does not nack, which would
 * stop the consumer (failure-strategy=fail).
 */
class EnrichedMessageBuilderTest {

    @Test
    void aSendThatCanNeverSucceedDeadLettersTheRawRecordInsteadOfStoppingTheConsumer() {
        CapturingEmitter dlq = new CapturingEmitter();
        List<Message<? extends byte[]>> dead = dlq.sent;
        EnrichedMessageBuilder records = new EnrichedMessageBuilder(new DeadLetterPublisher(dlq));
        AtomicBoolean acked = new AtomicBoolean();
        AtomicBoolean nacked = new AtomicBoolean();
        byte[] rawBytes = "{\"id\":\"a1\",\"body\":\"x\"}".getBytes(StandardCharsets.UTF_8);
        Message<byte[]> raw = Message.of(rawBytes)
                .withAck(() -> {
                    acked.set(true);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(e -> {
                    nacked.set(true);
                    return CompletableFuture.completedFuture(null);
                });
        EnrichedArticle article = new EnrichedArticle("a1", "test", null, null, List.of(), "en", "x", null, List.of(), List.of(),
                List.of(), null, null, null, null, Instant.parse("2026-01-01T00:00:00Z"), new Provenance("1", Map.of(), Map.of()));

        Message<String> out = records.toMessage(article, "a1", "{}", raw, null);
        CompletionStage<Void> nack = out.nack(new RecordTooLargeException("5000000 bytes"));

        assertThat(dead).hasSize(1);
        assertThat(dead.get(0).getPayload()).isEqualTo(rawBytes);
        var headers = dead.get(0).getMetadata(OutgoingKafkaRecordMetadata.class).orElseThrow().getHeaders();
        assertThat(new String(headers.lastHeader(DeadLetterHeaders.ERROR_STAGE).value(), StandardCharsets.UTF_8)).isEqualTo("publish");
        assertThat(new String(headers.lastHeader(DeadLetterHeaders.ERROR_CLASS).value(), StandardCharsets.UTF_8))
                .isEqualTo(RecordTooLargeException.class.getName());
        assertThat(acked).as("raw acked before its dead letter is written").isFalse();
        dead.get(0).ack().toCompletableFuture().join();
        nack.toCompletableFuture().join();
        assertThat(acked).isTrue();
        assertThat(nacked).as("the raw record is never nacked").isFalse();
    }
}
