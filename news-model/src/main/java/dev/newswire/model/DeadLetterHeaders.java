package dev.newswire.model;

/** Header names on {@link Topics#DLQ} records: why a record was rejected and where it came from. */
public final class DeadLetterHeaders {

    public static final String ERROR_CLASS = "newswire.error.class";
    public static final String ERROR_MESSAGE = "newswire.error.message";
    public static final String ERROR_STAGE = "newswire.error.stage";
    public static final String SOURCE_TOPIC = "newswire.source.topic";
    public static final String SOURCE_PARTITION = "newswire.source.partition";
    public static final String SOURCE_OFFSET = "newswire.source.offset";

    private DeadLetterHeaders() {
    }
}
