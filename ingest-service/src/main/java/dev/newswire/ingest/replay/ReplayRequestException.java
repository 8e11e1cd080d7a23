package dev.newswire.ingest.replay;

/** A replay request that cannot run (no such folder, bad rate, folder not allowed). */
public class ReplayRequestException extends RuntimeException {

    public ReplayRequestException(String message) {
        super(message, null, false, false);
    }
}
