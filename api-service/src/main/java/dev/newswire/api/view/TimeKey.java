package dev.newswire.api.view;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;

/**
 * Sort key of the JSON API (article time in microseconds, then id) and, encoded, its opaque page
 * cursor. It holds no instance-local numbers, so a cursor from one instance pages correctly on another.
 */
public record TimeKey(long epochMicros, String id) implements Comparable<TimeKey> {

    private static final Comparator<TimeKey> ORDER =
            Comparator.comparingLong(TimeKey::epochMicros).thenComparing(TimeKey::id);
    private static final long MAX_SECONDS = Long.MAX_VALUE / 1_000_000L - 1;
    private static final long MIN_SECONDS = Long.MIN_VALUE / 1_000_000L + 1;

    public static TimeKey of(StoredArticle stored) {
        return new TimeKey(micros(stored.time()), stored.id());
    }

    /**
     * Microseconds since the epoch, saturating: an {@link Instant} spans ±10⁹ years, microseconds in
     * a long only ±292,000 years, and a time from a record must never be able to throw here.
     */
    public static long micros(Instant time) {
        long seconds = time.getEpochSecond();
        if (seconds > MAX_SECONDS) {
            return Long.MAX_VALUE;
        }
        if (seconds < MIN_SECONDS) {
            return Long.MIN_VALUE;
        }
        return seconds * 1_000_000L + time.getNano() / 1_000;
    }

    @Override
    public int compareTo(TimeKey other) {
        return ORDER.compare(this, other);
    }

    public String cursor() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((epochMicros + ":" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** Parses a cursor; {@link IllegalArgumentException} when it is not one. */
    public static TimeKey parseCursor(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int colon = text.indexOf(':');
            return new TimeKey(Long.parseLong(text.substring(0, colon)), text.substring(colon + 1));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a cursor");
        }
    }
}
