package dev.newswire.ingest.intake;

/**
 * Why an article was refused. Each reason has one HTTP status and one problem type, so the HTTP
 * answer, the NDJSON per-line answer, the replay log and the {@code rejected} counter all agree.
 */
public enum Rejection {
    MALFORMED_JSON(400, "malformed-json", "Malformed JSON"),
    INVALID_ENCODING(400, "invalid-encoding", "Body is not valid UTF-8"),
    MISSING_BODY(422, "missing-body", "Article body missing or blank"),
    INVALID_FIELD(422, "invalid-field", "Invalid article field"),
    TOO_LARGE(413, "too-large", "Article too large"),
    TOO_MANY_LINES(413, "too-many-lines", "Batch has too many lines"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type");

    private final int status;
    private final String slug;
    private final String title;

    Rejection(int status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public int status() {
        return status;
    }

    /** The last segment of the problem type URI, also the {@code reason} tag of the rejected counter. */
    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }
}
