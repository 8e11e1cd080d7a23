package dev.newswire.ingest.intake;

import java.util.List;

/** Some lines of a batch could not be published (broker down): answer 503, listing what did get through. */
public class BatchPublishException extends RuntimeException {

    private final transient List<String> accepted;

    public BatchPublishException(List<String> accepted, RuntimeException cause) {
        super(cause.getMessage(), cause);
        this.accepted = List.copyOf(accepted);
    }

    public List<String> accepted() {
        return accepted;
    }
}
