package dev.newswire.model;

import java.time.Duration;
import java.time.Instant;

/**
 * The contract's window for an article's times ({@code publishedAt}, {@code receivedAt}): from
 * 1900-01-01 to one day after now. A date far outside cannot be a news article, a far-future one
 * would sort above every real article, and extreme values overflow readers' time arithmetic
 * (issue 9). Ingest refuses such input with 422; enrich sends a record that carries one anyway
 * (produced into the topic directly) to the DLQ.
 */
public final class ArticleTimes {

    public static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
    /** How far after now a time may lie (clock skew, time zones written wrongly). */
    public static final Duration FUTURE_SLACK = Duration.ofDays(1);

    private ArticleTimes() {
    }

    /** The latest time accepted when {@code now} is the current time. */
    public static Instant latest(Instant now) {
        return now.plus(FUTURE_SLACK);
    }

    /** Whether {@code time} lies within [{@link #EARLIEST}, {@code now} + {@link #FUTURE_SLACK}]. */
    public static boolean within(Instant time, Instant now) {
        return !time.isBefore(EARLIEST) && !time.isAfter(latest(now));
    }
}
