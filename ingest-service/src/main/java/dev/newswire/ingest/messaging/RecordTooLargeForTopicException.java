package dev.newswire.ingest.messaging;

/** The broker or producer refused the record for its size: the sender must send less (413). */
public class RecordTooLargeForTopicException extends RuntimeException {

    public RecordTooLargeForTopicException(String message, Throwable cause) {
        super(message, cause);
    }
}
