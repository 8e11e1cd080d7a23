package dev.newswire.enrich.pipeline.entities;

import java.util.List;

/**
 * A read-only string-to-row table for the CRF's feature lookups on the NLP hot path: CoreNLP's CRF
 * looks up ~60 freshly built feature strings per token in a 143,284-entry index kept in a
 * {@code HashMap}, where a lookup walks a table slot, a node, the stored key and its bytes, and a
 * boxed value: four or five cache misses on a map far bigger than the cache, ~26 % of CRF time in
 * JFR. Here a lookup reads one 16-byte slot (fingerprint and row side by side). Hand-written because
 * the JDK has no primitive-keyed map (fastutil would add a ~23 MB jar for one table). OpenNLP's
 * predicate maps were tried the same way and left alone: they are small enough to stay in cache.
 *
 * <p>A key is stored as a 64-bit fingerprint: {@code String.hashCode} (already computed and cached
 * by the caller's hash sets) in the high half, an independent FNV-1a hash of the characters in the
 * low half. {@link #of} refuses (returns null) when two keys share a fingerprint, so every stored key
 * finds its own row; a string that is not a key is taken for one only if both hashes match one of
 * the stored keys, about n / 2^64 per lookup (~10^-14 for the CRF's index).
 */
public final class FingerprintTable {

    private static final long EMPTY = 0;

    /** Fingerprint at 2 × slot, row at 2 × slot + 1. */
    private final long[] table;
    private final int mask;
    private final int size;

    private FingerprintTable(long[] table, int size) {
        this.table = table;
        this.mask = table.length / 2 - 1;
        this.size = size;
    }

    /** Row i holds {@code keys.get(i)}; null if two keys share a fingerprint (never seen on our models). */
    public static FingerprintTable of(List<String> keys) {
        int size = keys.size();
        int capacity = Integer.highestOneBit(Math.max(16, size * 2 - 1)) << 1;
        long[] table = new long[2 * capacity];
        for (int row = 0; row < size; row++) {
            long key = fingerprint(keys.get(row));
            if (key == EMPTY) {
                return null;
            }
            int slot = slot(key, capacity - 1);
            while (table[2 * slot] != EMPTY) {
                if (table[2 * slot] == key) {
                    return null;
                }
                slot = (slot + 1) & (capacity - 1);
            }
            table[2 * slot] = key;
            table[2 * slot + 1] = row;
        }
        return new FingerprintTable(table, size);
    }

    /** The row of {@code s}, or -1. */
    public int row(String s) {
        long key = fingerprint(s);
        int slot = slot(key, mask);
        long k;
        while ((k = table[2 * slot]) != EMPTY) {
            if (k == key) {
                return (int) table[2 * slot + 1];
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    public int size() {
        return size;
    }

    static long fingerprint(String s) {
        int h = 0x811C9DC5;
        for (int i = 0, n = s.length(); i < n; i++) {
            h = (h ^ s.charAt(i)) * 0x01000193;
        }
        return ((long) s.hashCode() << 32) | (h & 0xFFFFFFFFL);
    }

    private static int slot(long key, int mask) {
        return (int) ((key * 0x9E3779B97F4A7C15L) >>> 40) & mask;
    }
}
