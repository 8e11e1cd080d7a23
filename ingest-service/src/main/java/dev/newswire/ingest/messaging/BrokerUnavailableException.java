package dev.newswire.ingest.messaging;

/** The broker did not acknowledge a record in time (or refused it for a retriable reason): answer 503. */
public class BrokerUnavailableException extends RuntimeException {

    public BrokerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
