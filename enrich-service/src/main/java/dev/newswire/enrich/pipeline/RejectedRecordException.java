package dev.newswire.enrich.pipeline;

/** A raw record that cannot be read as an article (poison input); it goes to the dead-letter topic. */
public final class RejectedRecordException extends RuntimeException {

    /** Stage name used in dead-letter headers for records rejected before the pipeline runs. */
    public static final String STAGE = "read";

    public RejectedRecordException(String message) {
        super(message);
    }

    public RejectedRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
