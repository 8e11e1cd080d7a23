package dev.newswire.enrich.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newswire.enrich.pipeline.StageFailedException;
import dev.newswire.model.DeadLetterHeaders;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;

/** A stage failure names the stage in the DLQ headers; the raw record is acked only when the DLQ write is. */
class DeadLetterPublisherTest {

    @Test
    void stageFailureHeadersNameTheStageAndTheRootCause() {
        CapturingEmitter dlq = new CapturingEmitter();
        List<Message<? extends byte[]>> sent = dlq.sent;
        DeadLetterPublisher publisher = new DeadLetterPublisher(dlq);
        AtomicBoolean acked = new AtomicBoolean();
        Message<byte[]> raw = Message.of("{\"body\":\"x\"}".getBytes(StandardCharsets.UTF_8)).withAck(() -> {
            acked.set(true);
            return CompletableFuture.completedFuture(null);
        });

        publisher.publish(raw, null, "k1", "entities", new StageFailedException("entities", new IllegalStateException("CRF blew up")));

        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).getPayload()).isEqualTo(raw.getPayload());
        Headers headers = sent.get(0).getMetadata(OutgoingKafkaRecordMetadata.class).orElseThrow().getHeaders();
        assertThat(value(headers, DeadLetterHeaders.ERROR_STAGE)).isEqualTo("entities");
        assertThat(value(headers, DeadLetterHeaders.ERROR_CLASS)).isEqualTo(IllegalStateException.class.getName());
        assertThat(value(headers, DeadLetterHeaders.ERROR_MESSAGE)).isEqualTo("CRF blew up");
        assertThat(acked).isFalse();
        sent.get(0).ack().toCompletableFuture().join();
        assertThat(acked).isTrue();
    }

    private static String value(Headers headers, String name) {
        return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
