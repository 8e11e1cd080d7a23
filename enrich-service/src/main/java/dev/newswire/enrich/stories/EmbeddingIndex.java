package dev.newswire.enrich.stories;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The embedding side of {@link StoryIndex}, by story slot ({@link StorySlots}): each open story's
 * centroid in one byte slab ({@code dimensions} bytes a slot, no object per story), the bucket it
 * sits in per LSH table ({@link EmbeddingBuckets}, one byte a table), and each bucket's stories as
 * an {@link IntBag}. About 430 bytes an open story at 384 dimensions, where a map of centroids and
 * {@value EmbeddingBuckets#TABLES} {@code TreeSet<String>} entries per story took several times that.
 * A centroid of another length than the first one seen (another model) is kept aside in a map:
 * such a story is still found and bounded exactly as before, only not in the slab.
 */
final class EmbeddingIndex {

    private static final int TABLES = EmbeddingBuckets.TABLES;
    private static final int BUCKET_MASK = (1 << EmbeddingBuckets.BITS) - 1;

    private final IntBag[] members = new IntBag[TABLES << EmbeddingBuckets.BITS];
    private int dimensions = -1;
    private byte[] slab = new byte[0];
    /** Per slot, the bucket within each table ({@code bucket & BUCKET_MASK}), valid where {@link #indexed}. */
    private byte[] buckets = new byte[0];
    private boolean[] indexed = new boolean[0];
    /** Per slot, the centroid's sum of squares, so that a cosine with it reads the slab once and copies nothing. */
    private long[] squares = new long[0];
    private final Map<Integer, byte[]> otherLength = new HashMap<>();

    /** Indexes a slot's centroid (not null): its bytes and its buckets. */
    void put(int slot, byte[] centroid) {
        remove(slot);
        if (dimensions < 0) {
            dimensions = centroid.length;
        }
        grow(slot + 1);
        squares[slot] = PendingEmbedding.squares(centroid);
        if (centroid.length == dimensions) {
            System.arraycopy(centroid, 0, slab, slot * dimensions, dimensions);
        } else {
            otherLength.put(slot, centroid.clone());
        }
        int[] of = EmbeddingBuckets.of(centroid);
        for (int t = 0; t < TABLES; t++) {
            buckets[slot * TABLES + t] = (byte) (of[t] & BUCKET_MASK);
            IntBag bag = members[of[t]];
            if (bag == null) {
                bag = members[of[t]] = new IntBag();
            }
            bag.add(slot);
        }
        indexed[slot] = true;
    }

    /** Forgets a slot's centroid and buckets (nothing when it has none). */
    void remove(int slot) {
        if (slot >= indexed.length || !indexed[slot]) {
            return;
        }
        for (int t = 0; t < TABLES; t++) {
            members[bucket(t, buckets[slot * TABLES + t])].remove(slot);
        }
        otherLength.remove(slot);
        indexed[slot] = false;
    }

    /** A copy of the slot's centroid, or null. */
    byte[] centroid(int slot) {
        if (slot < 0 || slot >= indexed.length || !indexed[slot]) {
            return null;
        }
        byte[] other = otherLength.get(slot);
        return other != null ? other.clone() : Arrays.copyOfRange(slab, slot * dimensions, (slot + 1) * dimensions);
    }

    /**
     * {@link PendingEmbedding#cosine} of the vector with the slot's centroid (the same double), read in
     * place; NaN when the slot has no centroid. A candidate's bound and the second pass take one per
     * candidate story, up to a hundred per article: a copy of the centroid and two of the three sums
     * each time were most of what the bound cost.
     */
    double cosine(int slot, byte[] vector) {
        if (slot < 0 || slot >= indexed.length || !indexed[slot]) {
            return Double.NaN;
        }
        byte[] other = otherLength.get(slot);
        if (other != null || vector == null || vector.length != dimensions) {
            return PendingEmbedding.cosine(vector, other != null ? other : centroid(slot));
        }
        long dot = 0;
        long vectorSquares = 0;
        for (int i = 0, at = slot * dimensions; i < dimensions; i++, at++) {
            dot += vector[i] * slab[at];
            vectorSquares += vector[i] * vector[i];
        }
        return PendingEmbedding.cosine(dot, vectorSquares, squares[slot]);
    }

    /**
     * Adds one to {@code counts[slot]} for every table in which a story shares the vector's bucket;
     * slots counted for the first time are appended to {@code touched}. Returns the new touched count.
     */
    int countSharedBuckets(byte[] vector, int[] counts, int[] touched, int touchedCount) {
        int n = touchedCount;
        for (int bucket : EmbeddingBuckets.of(vector)) {
            IntBag bag = members[bucket];
            if (bag == null) {
                continue;
            }
            for (int i = 0; i < bag.size(); i++) {
                int slot = bag.get(i);
                if (counts[slot]++ == 0) {
                    touched[n++] = slot;
                }
            }
        }
        return n;
    }

    private static int bucket(int table, byte bits) {
        return (table << EmbeddingBuckets.BITS) | (bits & BUCKET_MASK);
    }

    private void grow(int slots) {
        if (slots <= indexed.length) {
            return;
        }
        int length = Math.max(slots, indexed.length + (indexed.length >> 1) + 16);
        slab = Arrays.copyOf(slab, length * dimensions);
        buckets = Arrays.copyOf(buckets, length * TABLES);
        indexed = Arrays.copyOf(indexed, length);
        squares = Arrays.copyOf(squares, length);
    }
}
