package dev.newswire.api.view;

import dev.newswire.model.EnrichedArticle;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;

/**
 * The last {@code capacity} records in this instance's arrival order: what streams replay from.
 * One writer (the topic reader) and lock-free readers: a slot is read, then checked to still hold
 * the wanted sequence number, so a reader never sees a record that replaced the one it asked for.
 *
 * <p>It also tracks, per partition, the lowest offset from which every record is still here (the
 * floor): a resume point below it must be read from Kafka.
 */
public final class ArticleLog {

    private final AtomicReferenceArray<StoredArticle> ring;
    private final int capacity;
    private volatile long head;      // next sequence number to assign
    private volatile long first;     // oldest sequence number still held
    private volatile Position position = Position.of();   // global position after the newest record
    private volatile long[] floors = new long[0];

    public ArticleLog(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.capacity = capacity;
        this.ring = new AtomicReferenceArray<>(capacity);
    }

    /** Where the view starts reading: before any record, position and floors are these offsets. */
    public synchronized void startAt(Position start) {
        position = start;
        floors = start.toArray();
    }

    /**
     * Appends a record (single writer). Returns the stored record; {@code evicted} receives the
     * record that fell out of the ring, if any, so indexes can drop it; {@code beforeVisible} runs
     * before readers can see the new record (so indexes are never behind the log).
     */
    public StoredArticle append(int partition, long offset, long timestamp, EnrichedArticle article,
                                byte[] json, Consumer<StoredArticle> evicted, Consumer<StoredArticle> beforeVisible) {
        long seq = head;
        Position after = position.after(partition, offset);
        StoredArticle stored = StoredArticle.of(seq, partition, offset, timestamp, article, json, after);
        int slot = (int) (seq % capacity);
        StoredArticle old = ring.getAndSet(slot, stored);
        if (old != null) {
            long[] moved = Arrays.copyOf(floors, Math.max(floors.length, old.partition() + 1));
            moved[old.partition()] = Math.max(moved[old.partition()], old.offset() + 1);
            floors = moved;
            first = old.seq() + 1;
            evicted.accept(old);
        }
        beforeVisible.accept(stored);
        position = after;
        head = seq + 1;
        return stored;
    }

    /**
     * Moves the position past a record that is not held (skipped or a tombstone), so the next
     * event's resume token, and a live start, lie after it.
     */
    public void skip(int partition, long offset) {
        position = position.after(partition, offset);
    }

    /**
     * The first record at or after {@code from}. Global positions only grow along the log, so
     * "some partition is past the position" flips once: a binary search finds it.
     */
    public long firstAtOrAfter(Position from) {
        long lo = first;
        long hi = head;
        while (lo < hi) {
            long mid = (lo + hi) >>> 1;
            StoredArticle stored = get(mid);
            if (stored == null) {   // evicted meanwhile: look further on
                lo = mid + 1;
            } else if (stored.offset() >= from.next(stored.partition()) || isAhead(stored.tokenAfter(), from)) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    private static boolean isAhead(Position global, Position position) {
        for (int p = 0; p < global.partitions(); p++) {
            if (global.next(p) > position.next(p)) {
                return true;
            }
        }
        return false;
    }

    /** The record with this sequence number, or null when it was evicted or does not exist yet. */
    public StoredArticle get(long seq) {
        if (seq < first || seq >= head) {
            return null;
        }
        StoredArticle stored = ring.get((int) (seq % capacity));
        return stored != null && stored.seq() == seq ? stored : null;
    }

    public long head() {
        return head;
    }

    public long first() {
        return first;
    }

    public Position position() {
        return position;
    }

    /** Per partition, the offset from which every record is held here. */
    public long floor(int partition) {
        long[] f = floors;
        return partition < f.length ? f[partition] : 0L;
    }

    /** True when every record at or after {@code from} is held here. */
    public boolean covers(Position from) {
        long[] f = floors;
        for (int p = 0; p < f.length; p++) {
            if (from.next(p) < f[p]) {
                return false;
            }
        }
        return true;
    }

    public int size() {
        return (int) (head - first);
    }

    public int capacity() {
        return capacity;
    }
}
