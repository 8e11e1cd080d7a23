package dev.newswire.ingest.intake;

import dev.newswire.ingest.messaging.BrokerRefusedException;
import java.util.List;

/**
 * Some lines of a batch could not be published: answer 503 (broker down) or 502 (refused for good,
 * {@link #refused()}), listing what did get through.
 */
public class BatchPublishException extends RuntimeException {

    private final transient List<String> accepted;

    public BatchPublishException(List<String> accepted, RuntimeException cause) {
        super(cause.getMessage(), cause);
        this.accepted = List.copyOf(accepted);
    }

    /** The broker refused the writes by its settings: an operator's fix, not a retry. */
    public boolean refused() {
        return getCause() instanceof BrokerRefusedException;
    }

    public List<String> accepted() {
        return accepted;
    }
}
