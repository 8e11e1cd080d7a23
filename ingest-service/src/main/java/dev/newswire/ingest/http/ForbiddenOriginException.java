package dev.newswire.ingest.http;

/** A write sent by a web page whose origin may not write: 403, nothing published. */
public class ForbiddenOriginException extends RuntimeException {

    public ForbiddenOriginException(String message) {
        super(message, null, false, false);
    }
}
