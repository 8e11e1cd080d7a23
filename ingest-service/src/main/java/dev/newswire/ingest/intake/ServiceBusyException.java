package dev.newswire.ingest.intake;

/** The service is at its cap of bytes in flight: 503 with Retry-After, nothing was published. */
public class ServiceBusyException extends RuntimeException {

    public ServiceBusyException(String message) {
        super(message, null, false, false);
    }
}
