package dev.newswire.api.stream;

import dev.newswire.api.view.ArticleFilter;
import dev.newswire.api.view.StoredArticle;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The fan-out of one event loop: the subscribers whose connections live on it. Records cost one
 * task per loop (not one per subscriber); the task writes the shared frames to every matching live
 * subscriber of that loop. Only that loop's thread touches the list.
 *
 * <p>Batches wait in a queue with at most one task scheduled to drain it: when the loop is busy (a
 * pass over 5,000 subscribers takes tens of ms), the records that arrived meanwhile go out together
 * in the next pass, one write per subscriber for all of them. At low load every record still goes
 * out at once (no added latency); near saturation the per-event cost drops, since on loopback the
 * kernel's cost is per write, not per byte (bench/sse/floor.sh).
 */
final class EventLoopFanOut {

    /**
     * Records per pass at most: enough for several events per write (4 per write already cut the
     * kernel's cost per event to a quarter, bench/sse/floor.sh), few enough that a pass over
     * thousands of subscribers stays short.
     */
    static final int MAX_RECORDS_PER_PASS = 8;

    /** A record handed to this loop, and when (the start of its fan-out delay). */
    private record Queued(StoredArticle stored, long at) {
    }

    private final Context context;
    private final List<Subscriber> subscribers = new ArrayList<>();
    private final Queue<Queued> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final Timer delay;

    /**
     * {@code delay}: per record, from the topic reader's hand-over to the end of the pass that wrote it
     * to every matching subscriber of this loop (the last one waits longest): the server's own share of
     * an event's latency, apart from Kafka's and the client's.
     */
    EventLoopFanOut(Context context, Timer delay) {
        this.context = context;
        this.delay = delay;
    }

    Context context() {
        return context;
    }

    void add(Subscriber subscriber) {
        subscribers.add(subscriber);
    }

    /** Any thread (the topic reader): the records go out with the loop's next pass. */
    void enqueue(List<StoredArticle> batch) {
        long now = System.nanoTime();
        for (StoredArticle stored : batch) {
            pending.add(new Queued(stored, now));
        }
        if (drainScheduled.compareAndSet(false, true)) {
            context.runOnContext(v -> drain());
        }
    }

    /**
     * One pass: everything waiting, up to {@link #MAX_RECORDS_PER_PASS}; the rest in the next task,
     * so a backlog never holds the loop for long (its other connections' reads, closes and
     * heartbeats run in between).
     */
    private void drain() {
        // Cleared before polling: a record added from here on schedules another pass (empty at worst).
        drainScheduled.set(false);
        List<StoredArticle> records = new ArrayList<>();
        long[] queuedAt = new long[MAX_RECORDS_PER_PASS];
        for (Queued next; records.size() < MAX_RECORDS_PER_PASS && (next = pending.poll()) != null; ) {
            queuedAt[records.size()] = next.at();
            records.add(next.stored());
        }
        if (!records.isEmpty()) {
            deliver(records);
            long done = System.nanoTime();
            for (int i = 0; i < records.size(); i++) {
                delay.record(done - queuedAt[i], TimeUnit.NANOSECONDS);
            }
        }
        if (!pending.isEmpty() && drainScheduled.compareAndSet(false, true)) {
            context.runOnContext(v -> drain());
        }
    }

    /**
     * Queues every record of the batch for every matching live subscriber, then flushes each
     * subscriber once: the records of one batch (one Kafka poll, or one coalescing window) leave in
     * one gathering write per subscriber instead of one write each.
     */
    private void deliver(List<StoredArticle> batch) {
        for (StoredArticle stored : batch) {
            Map<ArticleFilter, Boolean> memo = new HashMap<>();
            LiveFrame live = new LiveFrame(stored);
            try {
                for (int i = 0, n = subscribers.size(); i < n; i++) {
                    Subscriber subscriber = subscribers.get(i);
                    if (subscriber.isLive()) {
                        subscriber.offer(stored, memo, null, live);
                    }
                }
            } finally {
                live.release();
            }
        }
        int closed = 0;
        for (int i = 0, n = subscribers.size(); i < n; i++) {
            Subscriber subscriber = subscribers.get(i);
            if (subscriber.isOpen()) {
                subscriber.flush();
            } else {
                closed++;
            }
        }
        compact(closed);
    }

    void heartbeat(Buffer beat) {
        int closed = 0;
        for (int i = 0, n = subscribers.size(); i < n; i++) {
            Subscriber subscriber = subscribers.get(i);
            if (subscriber.isOpen()) {
                subscriber.write(beat);
            } else {
                closed++;
            }
        }
        compact(closed);
    }

    private void compact(int closed) {
        // Removing closed ones in one sweep keeps a close O(1) and the loops above index-based.
        if (closed > 0 && closed * 8 >= subscribers.size() / 64) {
            subscribers.removeIf(s -> !s.isOpen());
        }
    }

    int size() {
        return subscribers.size();
    }
}
