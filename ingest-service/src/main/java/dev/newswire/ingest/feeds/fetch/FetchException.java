package dev.newswire.ingest.feeds.fetch;

import java.time.Duration;

/** A fetch that did not give a usable answer; {@link #kind()} is the metric tag and the status prefix. */
public class FetchException extends Exception {

    public enum Kind {
        BAD_URL("bad-url"), DNS("dns"), BLOCKED_ADDRESS("blocked-address"), CONNECT("connect"), TIMEOUT("timeout"),
        TOO_LARGE("too-large"), TOO_MANY_REDIRECTS("too-many-redirects"), HTTP_STATUS("http-status"),
        NOT_A_FEED("not-a-feed"), ROBOTS("robots");

        private final String tag;

        Kind(String tag) {
            this.tag = tag;
        }

        public String tag() {
            return tag;
        }
    }

    private final Kind kind;
    private final Integer status;
    private final Duration retryAfter;

    public FetchException(Kind kind, String message) {
        this(kind, message, null, null);
    }

    public FetchException(Kind kind, String message, Integer status, Duration retryAfter) {
        super(message);
        this.kind = kind;
        this.status = status;
        this.retryAfter = retryAfter;
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status when the server answered one, else null. */
    public Integer status() {
        return status;
    }

    /** The server's Retry-After (429/503), else null. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** {@code "kind: message"}, as the feed status shows it. */
    public String describe() {
        return kind.tag() + ": " + getMessage();
    }
}
