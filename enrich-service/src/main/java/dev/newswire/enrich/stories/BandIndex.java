package dev.newswire.enrich.stories;

import java.util.Arrays;
import java.util.Set;

/**
 * MinHash band → articles ({@link MinHash#bandHashes}), the near-copy side of {@link StoryIndex}.
 * Every article sits in {@value MinHash#BANDS} bands and almost every band key is its own, so at
 * 100,000 active articles this holds 2,000,000 keys: as a map of strings to {@code TreeSet}s that
 * was ~200 bytes a key and the largest part of the story step's heap. Here each band is one
 * open-addressing table of 64-bit keys (the exact key, so candidates are exactly the old ones)
 * pointing into a chain of entries held in parallel arrays: ~30 bytes a key, no object per key.
 * Hand-written because no JDK collection stores primitive keys, and the service needs only
 * add, remove and lookup.
 */
final class BandIndex {

    private final Band[] bands = new Band[MinHash.BANDS];

    BandIndex() {
        for (int b = 0; b < bands.length; b++) {
            bands[b] = new Band();
        }
    }

    void add(String articleId, int[] signature) {
        long[] keys = MinHash.bandHashes(signature);
        for (int b = 0; b < bands.length; b++) {
            bands[b].add(keys[b], articleId);
        }
    }

    void remove(String articleId, int[] signature) {
        long[] keys = MinHash.bandHashes(signature);
        for (int b = 0; b < bands.length; b++) {
            bands[b].remove(keys[b], articleId);
        }
    }

    /** Adds the ids of the articles sharing at least one band with the signature. */
    void collect(int[] signature, Set<String> into) {
        long[] keys = MinHash.bandHashes(signature);
        for (int b = 0; b < bands.length; b++) {
            bands[b].collect(keys[b], into);
        }
    }

    /** One band: key → chain of article ids. Positions and entries are stored +1, so 0 means none. */
    private static final class Band {

        private long[] keys = new long[16];
        private int[] heads = new int[16];
        private int used;
        private String[] ids = new String[16];
        private int[] next = new int[16];
        private int entries;
        private int freeHead;

        void add(long key, String id) {
            int p = find(key);
            if (p < 0) {
                if (3 * (used + 1) > 2 * keys.length) {
                    resize(keys.length * 2);
                }
                p = ~find(key);
                keys[p] = key;
                used++;
            } else {
                for (int e = heads[p]; e != 0; e = next[e - 1]) {
                    if (ids[e - 1].equals(id)) {
                        return;
                    }
                }
            }
            int e = newEntry(id);
            next[e - 1] = heads[p];
            heads[p] = e;
        }

        void remove(long key, String id) {
            int p = find(key);
            if (p < 0) {
                return;
            }
            int previous = 0;
            for (int e = heads[p]; e != 0; previous = e, e = next[e - 1]) {
                if (ids[e - 1].equals(id)) {
                    if (previous == 0) {
                        heads[p] = next[e - 1];
                    } else {
                        next[previous - 1] = next[e - 1];
                    }
                    ids[e - 1] = null;
                    next[e - 1] = freeHead;
                    freeHead = e;
                    break;
                }
            }
            if (heads[p] == 0) {
                deleteKeyAt(p);
            }
        }

        void collect(long key, Set<String> into) {
            int p = find(key);
            if (p >= 0) {
                for (int e = heads[p]; e != 0; e = next[e - 1]) {
                    into.add(ids[e - 1]);
                }
            }
        }

        /** The key's position, or {@code ~position} of the empty slot where it would go. */
        private int find(long key) {
            int mask = keys.length - 1;
            int p = spread(key) & mask;
            while (heads[p] != 0) {
                if (keys[p] == key) {
                    return p;
                }
                p = (p + 1) & mask;
            }
            return ~p;
        }

        /** Empties a position and re-inserts the rest of its probe run, so lookups need no tombstones. */
        private void deleteKeyAt(int p) {
            int mask = keys.length - 1;
            heads[p] = 0;
            used--;
            for (int q = (p + 1) & mask; heads[q] != 0; q = (q + 1) & mask) {
                long key = keys[q];
                int head = heads[q];
                heads[q] = 0;
                int to = ~find(key);
                keys[to] = key;
                heads[to] = head;
            }
        }

        private int newEntry(String id) {
            int e = freeHead;
            if (e != 0) {
                freeHead = next[e - 1];
            } else {
                if (entries == ids.length) {
                    ids = Arrays.copyOf(ids, entries * 2);
                    next = Arrays.copyOf(next, entries * 2);
                }
                e = ++entries;
            }
            ids[e - 1] = id;
            return e;
        }

        private void resize(int length) {
            long[] oldKeys = keys;
            int[] oldHeads = heads;
            keys = new long[length];
            heads = new int[length];
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldHeads[i] != 0) {
                    int to = ~find(oldKeys[i]);
                    keys[to] = oldKeys[i];
                    heads[to] = oldHeads[i];
                }
            }
        }

        private static int spread(long key) {
            long x = key * 0x9E3779B97F4A7C15L;
            return (int) (x >>> 32);
        }
    }
}
