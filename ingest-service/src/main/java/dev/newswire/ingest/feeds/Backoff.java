package dev.newswire.ingest.feeds;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When a feed is polled next. After a success: its interval, stretched by up to 10 % so feeds
 * registered together drift apart. After n consecutive failures: the interval doubled n-1 times,
 * capped, with "equal jitter" (half fixed, half random) so a publisher that was down is not hit by
 * every replica's feeds at the same instant; never sooner than the server's Retry-After.
 */
final class Backoff {

    private Backoff() {
    }

    static Instant afterSuccess(Instant now, Duration interval) {
        long ms = interval.toMillis();
        return now.plusMillis(ms + ThreadLocalRandom.current().nextLong(ms / 10 + 1));
    }

    static Instant afterFailure(Instant now, Duration interval, int consecutiveErrors, Duration retryAfter, Duration max) {
        int doublings = Math.min(Math.max(0, consecutiveErrors - 1), 30);
        long base = Math.min(max.toMillis(), saturatedShift(interval.toMillis(), doublings));
        long delay = base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1);
        if (retryAfter != null) {
            delay = Math.max(delay, Math.min(retryAfter.toMillis(), max.toMillis()));
        }
        return now.plusMillis(delay);
    }

    private static long saturatedShift(long value, int bits) {
        return value > (Long.MAX_VALUE >> bits) ? Long.MAX_VALUE : value << bits;
    }
}
