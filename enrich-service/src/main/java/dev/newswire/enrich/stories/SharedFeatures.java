package dev.newswire.enrich.stories;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * The open stories that share indexed features with one article, and for each the summed weight of
 * the shared features ({@link StoryIndex#storiesSharing}), read from the index's per-slot arrays
 * instead of a {@code Map<String, Double>}: at a full window thousands of stories share a feature with
 * an article, and boxing one {@code Double} and one map entry for each was the largest single cost of
 * the story step (JFR, Reuters bench), while only the heaviest fifty and a hundred lookups are read.
 * Valid until the index changes or answers another such query: slots are reused, so a later read
 * fails loudly instead of answering for another story.
 */
final class SharedFeatures {

    private final StoryIndex index;
    private final long version;
    private final StorySlots slots;
    private final int[] touched;
    private final int count;
    private final double[] weightBySlot;
    /** Per slot, the index version of the query that last touched it: {@code version} marks this one's. */
    private final long[] stampBySlot;

    SharedFeatures(StoryIndex index, long version, StorySlots slots, int[] touched, int count, double[] weightBySlot,
                   long[] stampBySlot) {
        this.index = index;
        this.version = version;
        this.slots = slots;
        this.touched = touched;
        this.count = count;
        this.weightBySlot = weightBySlot;
        this.stampBySlot = stampBySlot;
    }

    int size() {
        check();
        return count;
    }

    /** The summed shared weight of the story, 0 when it shares nothing (as {@code getOrDefault(id, 0.0)}). */
    double of(String storyId) {
        check();
        int slot = slots.slotOf(storyId);
        return slot >= 0 && slot < stampBySlot.length && stampBySlot[slot] == version ? weightBySlot[slot] : 0;
    }

    /**
     * The ids of the {@code k} heaviest (ties by id), the same set as {@link Vectors#heaviest} of
     * {@link #asMap()}: the comparison is the same, on the same doubles, without the boxing.
     */
    List<String> heaviest(int k) {
        check();
        if (k <= 0) {
            return List.of();
        }
        // Head: the worst kept (lightest, then the greatest id).
        PriorityQueue<Integer> kept = new PriorityQueue<>(k + 1, (a, b) -> -compareHeaviestFirst(a, b));
        for (int i = 0; i < count; i++) {
            int slot = touched[i];
            if (kept.size() < k) {
                kept.add(slot);
            } else if (compareHeaviestFirst(slot, kept.peek()) < 0) {
                kept.poll();
                kept.add(slot);
            }
        }
        List<String> out = new ArrayList<>(kept.size());
        kept.forEach(slot -> out.add(slots.id(slot)));
        return out;
    }

    /** Every story and its weight (tests, and what the map form was). */
    Map<String, Double> asMap() {
        check();
        Map<String, Double> out = new HashMap<>();
        for (int i = 0; i < count; i++) {
            out.put(slots.id(touched[i]), weightBySlot[touched[i]]);
        }
        return out;
    }

    /** {@link Vectors#heaviestFirst()} on slots: heavier first, then by id. */
    private int compareHeaviestFirst(int a, int b) {
        int byWeight = Double.compare(weightBySlot[b], weightBySlot[a]);
        return byWeight != 0 ? byWeight : slots.id(a).compareTo(slots.id(b));
    }

    private void check() {
        if (!index.unchangedSince(version)) {
            throw new IllegalStateException("the story index changed since these shared features were read");
        }
    }
}
