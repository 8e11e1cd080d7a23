package dev.newswire.ingest.intake;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The last N article ids that were published or are being published, oldest evicted first.
 * Hand-written on the JDK's insertion-ordered {@link LinkedHashMap}: the whole job is "a bounded
 * FIFO set with one atomic claim", which a cache library would only wrap.
 * <p>
 * An entry is the publish in flight for that id, so a repeat that arrives while the first is still
 * waiting for its ack can wait for it instead of publishing twice; a failed publish is released so
 * the sender's retry publishes again. Completed entries share one value to keep 100,000 ids small.
 */
public final class RecentIds {

    private static final CompletableFuture<Void> PUBLISHED = CompletableFuture.completedFuture(null);

    private final Map<String, CompletableFuture<Void>> window;

    public RecentIds(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("dedup window must be >= 0, got " + capacity);
        }
        this.window = new LinkedHashMap<>(Math.min(capacity, 1 << 16), 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, CompletableFuture<Void>> eldest) {
                return size() > capacity;
            }
        };
    }

    /**
     * Claims {@code id} for the caller's publish {@code mine}. Returns null when the caller now owns
     * it (and must publish), else the earlier publish of the same id (the caller has a repeat).
     */
    public synchronized CompletableFuture<Void> claim(String id, CompletableFuture<Void> mine) {
        CompletableFuture<Void> earlier = window.get(id);
        if (earlier != null) {
            return earlier;
        }
        window.put(id, mine);
        return null;
    }

    /** Records a publish that succeeded, whether it was claimed or not (replay loops publish repeats). */
    public synchronized void published(String id) {
        window.put(id, PUBLISHED);
    }

    /**
     * Fills the window with ids already in the topic (oldest first), at start-up, behind anything
     * published since: those are newer and must be evicted last.
     */
    public synchronized void preload(List<String> ids) {
        Map<String, CompletableFuture<Void>> newer = new LinkedHashMap<>(window);
        window.clear();
        ids.forEach(id -> window.put(id, PUBLISHED));
        newer.forEach((id, publish) -> {
            window.remove(id);
            window.put(id, publish);
        });
    }

    /** Forgets a failed publish so the next attempt publishes again. */
    public synchronized void release(String id, CompletableFuture<Void> mine) {
        window.remove(id, mine);
    }

    public synchronized int size() {
        return window.size();
    }
}
