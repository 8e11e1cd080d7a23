package dev.newswire.ingest.http;

/** A write without a valid API key. The message never contains the key that was sent. */
public class UnauthorizedException extends RuntimeException {

    public UnauthorizedException(String message) {
        super(message, null, false, false);
    }
}
