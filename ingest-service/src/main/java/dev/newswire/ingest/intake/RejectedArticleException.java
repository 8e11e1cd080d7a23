package dev.newswire.ingest.intake;

import java.util.Map;

/**
 * An article refused before anything was published. {@code details} are extra problem members a
 * client can use, e.g. {@code line}/{@code column} of a JSON syntax error or the offending {@code field}.
 */
public class RejectedArticleException extends Exception {

    private final Rejection reason;
    private final transient Map<String, Object> details;

    public RejectedArticleException(Rejection reason, String detail) {
        this(reason, detail, Map.of());
    }

    public RejectedArticleException(Rejection reason, String detail, Map<String, Object> details) {
        super(detail, null, false, false);
        this.reason = reason;
        this.details = Map.copyOf(details);
    }

    public Rejection reason() {
        return reason;
    }

    public Map<String, Object> details() {
        return details;
    }
}
