package dev.newswire.ingest.feeds;

/** A feed registration that cannot be accepted; {@link #status()} is 400, 413 or 422, {@link #field()} may be null. */
public class FeedRequestException extends RuntimeException {

    private final int status;
    private final String field;

    public FeedRequestException(int status, String field, String message) {
        super(message);
        this.status = status;
        this.field = field;
    }

    public int status() {
        return status;
    }

    public String field() {
        return field;
    }
}
