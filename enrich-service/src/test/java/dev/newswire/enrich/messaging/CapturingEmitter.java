package dev.newswire.enrich.messaging;

import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * The DLQ channel's emitter for tests without a broker: keeps every message sent, unacknowledged,
 * so a test decides when the "broker" takes the dead letter.
 */
final class CapturingEmitter implements Emitter<byte[]> {

    final List<Message<? extends byte[]>> sent = new CopyOnWriteArrayList<>();

    @Override
    public CompletionStage<Void> send(byte[] payload) {
        throw new UnsupportedOperationException("DeadLetterPublisher sends messages with Kafka metadata");
    }

    @Override
    public <M extends Message<? extends byte[]>> void send(M msg) {
        sent.add(msg);
    }

    @Override
    public void complete() {
    }

    @Override
    public void error(Exception e) {
    }

    @Override
    public boolean isCancelled() {
        return false;
    }

    @Override
    public boolean hasRequests() {
        return true;
    }
}
