package dev.newswire.enrich.stories;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Open story ids interned to small dense ints ("slots"), so that the index's sets hold 4-byte ints
 * and its per-story arrays (centroids, bucket ids) are indexed by slot, instead of every set entry
 * holding its own copy of the id string. A released slot goes on a free list and is handed out
 * again, so the arrays stay as large as the most stories open at once, not as all stories ever seen.
 */
final class StorySlots {

    private final Map<String, Integer> slots = new HashMap<>();
    private String[] ids = new String[16];
    private int[] free = new int[16];
    private int freeCount;
    private int highWater;

    /** The slot of an open story, or -1. */
    int slotOf(String id) {
        Integer slot = slots.get(id);
        return slot == null ? -1 : slot;
    }

    /** The slot of the id, interning it when new. */
    int intern(String id) {
        Integer known = slots.get(id);
        if (known != null) {
            return known;
        }
        int slot = freeCount > 0 ? free[--freeCount] : highWater++;
        if (slot >= ids.length) {
            ids = Arrays.copyOf(ids, ids.length * 2);
        }
        ids[slot] = id;
        slots.put(id, slot);
        return slot;
    }

    /** Forgets the slot's id; the slot may be handed out again. */
    void release(int slot) {
        slots.remove(ids[slot]);
        ids[slot] = null;
        if (freeCount == free.length) {
            free = Arrays.copyOf(free, free.length * 2);
        }
        free[freeCount++] = slot;
    }

    String id(int slot) {
        return ids[slot];
    }

    /** One more than the highest slot ever handed out: the length per-slot arrays need. */
    int capacity() {
        return highWater;
    }
}
