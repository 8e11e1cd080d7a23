package dev.newswire.ingest.feeds.fetch;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Politeness per host: at most one request at a time to a host ({@code host:port}), and at least
 * {@code gap} between the end of one and the start of the next. Shared by feed and article
 * fetches of this replica (only one replica polls a given feed; two replicas may still meet on a
 * host that several feeds share, each keeping its own gap).
 */
public final class HostGate {

    private static final int PRUNE_ABOVE = 10_000;

    private final long gapNanos;
    /** host → end of its last request (nanoTime); {@code BUSY} while a request runs. */
    private final Map<String, Long> hosts = new HashMap<>();
    private static final long BUSY = Long.MAX_VALUE;

    public HostGate(Duration gap) {
        this.gapNanos = gap.toNanos();
    }

    /** True when a request to {@code host} could start now (nobody holds it and the gap has passed). */
    public synchronized boolean isFree(String host) {
        Long last = hosts.get(host);
        return last == null || (last != BUSY && System.nanoTime() - last >= gapNanos);
    }

    /** Takes the host, waiting for the running request and the gap; throws a time-out at {@code deadlineNanos}. */
    public synchronized void acquire(String host, long deadlineNanos) throws FetchException {
        while (true) {
            Long last = hosts.get(host);
            long now = System.nanoTime();
            long waitNanos = last == null ? 0 : last == BUSY ? deadlineNanos - now : last + gapNanos - now;
            if (waitNanos <= 0) {
                hosts.put(host, BUSY);
                return;
            }
            long left = deadlineNanos - now;
            if (left <= 0) {
                throw new FetchException(FetchException.Kind.TIMEOUT, "waited for our own previous request to " + host
                        + " (one at a time per host) until the deadline");
            }
            try {
                long millis = Math.max(1, Math.min(waitNanos, left) / 1_000_000);
                wait(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new FetchException(FetchException.Kind.TIMEOUT, "interrupted while waiting for " + host);
            }
        }
    }

    public synchronized void release(String host) {
        hosts.put(host, System.nanoTime());
        if (hosts.size() > PRUNE_ABOVE) {
            long now = System.nanoTime();
            hosts.values().removeIf(last -> last != BUSY && now - last >= gapNanos);
        }
        notifyAll();
    }
}
