package dev.newswire.model;

/** Half-open character range {@code [start, end)} into an article's clean text. */
public record Span(int start, int end) {

    public Span {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
        }
    }
}
