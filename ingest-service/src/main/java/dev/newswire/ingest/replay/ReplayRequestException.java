package dev.newswire.ingest.replay;

/**
 * A replay request that cannot run, with the HTTP status it answers: 400 (malformed: wrong JSON
 * types, a NUL in a path), 422 (well-formed but refused: folder not allowed, rate out of range,
 * glob too long) or 429 (too many replays running).
 */
public class ReplayRequestException extends RuntimeException {

    private final int status;

    public ReplayRequestException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public ReplayRequestException(String message) {
        this(422, message);
    }

    public int status() {
        return status;
    }
}
