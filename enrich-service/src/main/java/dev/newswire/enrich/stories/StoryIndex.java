package dev.newswire.enrich.stories;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Inverted indexes over the state stores, so that an article is compared with the few stories
 * and articles that share something with it, not with all of them: profile feature → open stories,
 * MinHash band → articles. Derived data only: rebuilt from the stores when the task starts (after
 * the changelog restored them), so the truth stays in Kafka. Tag features are not indexed: a tag
 * like {@code politics} is shared by half the stream and would make every story a candidate.
 */
final class StoryIndex {

    /** Open stories as ints: the sets below hold slots, not id strings (see {@link StorySlots}). */
    private final StorySlots slots = new StorySlots();
    private final Map<String, IntBag> storiesByFeature = new HashMap<>();
    private final BandIndex articlesByBand = new BandIndex();
    /**
     * Centroid and embedding buckets of each open story: lets the assigner find stories near by
     * embedding, and rule out a candidate before it decodes the story's state, which is what a
     * candidate costs (see {@link CandidateBound}).
     */
    private final EmbeddingIndex embeddings = new EmbeddingIndex();
    /** Time indexes, so that a sweep touches only what went cold, never the whole store. */
    private final NavigableMap<Instant, Set<String>> storiesByLastSeen = new TreeMap<>();
    private final NavigableMap<Instant, Set<String>> articlesByTime = new TreeMap<>();
    /** Scratch per slot for one bucket query (always left at zero), and the slots it touched. */
    private int[] counts = new int[0];
    private int[] touched = new int[0];
    /**
     * A feature query's answer, read in place by {@link SharedFeatures} until the next change: per slot
     * the summed weight and the version of the query that wrote it (so nothing needs clearing), and
     * the slots it touched.
     */
    private double[] overlaps = new double[0];
    private long[] overlapStamps = new long[0];
    private int[] shared = new int[0];
    /** Bumped by every change and every feature query. */
    private long version;

    /** Indexes a story: its features and centroid while it is open (not merged), its last-seen time always. */
    void addStory(StoryState story) {
        version++;
        if (story.mergedInto() == null) {
            int slot = slots.intern(story.id());
            for (String feature : story.profile().keySet()) {
                if (!feature.startsWith(ArticleFeatures.TAG)) {
                    storiesByFeature.computeIfAbsent(feature, f -> new IntBag()).add(slot);
                }
            }
            if (story.centroid() != null) {
                embeddings.put(slot, story.centroid());
            }
        }
        storiesByLastSeen.computeIfAbsent(story.lastSeen(), t -> new TreeSet<>()).add(story.id());
    }

    void removeStory(StoryState story) {
        version++;
        int slot = slots.slotOf(story.id());
        if (slot >= 0) {
            for (String feature : story.profile().keySet()) {
                IntBag ids = storiesByFeature.get(feature);
                if (ids != null && ids.remove(slot) && ids.isEmpty()) {
                    storiesByFeature.remove(feature);
                }
            }
            embeddings.remove(slot);
            slots.release(slot);
        }
        remove(storiesByLastSeen, story.lastSeen(), story.id());
    }

    /** Ids of stories last seen before the cutoff, in time order. */
    List<String> storiesLastSeenBefore(Instant cutoff) {
        return storiesByLastSeen.headMap(cutoff, false).values().stream().flatMap(Set::stream).toList();
    }

    /** Ids of articles published before the cutoff, in time order. */
    List<String> articlesBefore(Instant cutoff) {
        return articlesByTime.headMap(cutoff, false).values().stream().flatMap(Set::stream).toList();
    }

    private static <K> void remove(Map<K, Set<String>> index, K key, String id) {
        Set<String> ids = index.get(key);
        if (ids != null && ids.remove(id) && ids.isEmpty()) {
            index.remove(key);
        }
    }

    /** The centroid of an open story (a copy), or null (merged, closed, or none of its members had an embedding). */
    byte[] centroid(String storyId) {
        return embeddings.centroid(slots.slotOf(storyId));
    }

    /**
     * {@code PendingEmbedding.cosine(embedding, centroid(storyId))} without copying the centroid; NaN
     * when the story has no centroid (merged, closed, or none of its members had an embedding).
     */
    double centroidCosine(String storyId, byte[] embedding) {
        return embeddings.cosine(slots.slotOf(storyId), embedding);
    }

    /** Story ids sharing an indexed feature with the vector, with the summed weight of the shared features. */
    SharedFeatures storiesSharing(Map<String, Double> vector) {
        ensureScratch();
        long query = ++version;
        int n = 0;
        // Summed feature by feature in the vector's order, as a map merge would: the same doubles.
        for (Map.Entry<String, Double> e : vector.entrySet()) {
            IntBag ids = storiesByFeature.get(e.getKey());
            if (ids == null) {
                continue;
            }
            double weight = e.getValue();
            for (int i = 0; i < ids.size(); i++) {
                int slot = ids.get(i);
                if (overlapStamps[slot] != query) {
                    overlapStamps[slot] = query;
                    shared[n++] = slot;
                    overlaps[slot] = weight;
                } else {
                    overlaps[slot] += weight;
                }
            }
        }
        return new SharedFeatures(this, query, slots, shared, n, overlaps, overlapStamps);
    }

    boolean unchangedSince(long seen) {
        return version == seen;
    }

    /**
     * The {@code k} open stories sharing the most embedding buckets with the vector (ties by id): what
     * {@code Vectors.heaviest(sharedBucketCounts, k)} gives, without a map of every story that shares
     * one bucket (thousands at a full window).
     */
    List<String> storiesNear(byte[] embedding, int k) {
        if (embedding == null || k <= 0) {
            return List.of();
        }
        ensureScratch();
        int n = embeddings.countSharedBuckets(embedding, counts, touched, 0);
        try {
            return heaviest(n, k);
        } finally {
            for (int i = 0; i < n; i++) {
                counts[touched[i]] = 0;
            }
        }
    }

    /** Of the {@code n} touched slots, the ids of the {@code k} with the highest count, ties by id. */
    private List<String> heaviest(int n, int k) {
        List<String> out = new ArrayList<>(Math.min(n, k));
        if (n <= k) {
            for (int i = 0; i < n; i++) {
                out.add(slots.id(touched[i]));
            }
            return out;
        }
        // Counts are 1..TABLES: find the count c at which the k-th falls; above it all are in, at it the smallest ids.
        int[] perCount = new int[EmbeddingBuckets.TABLES + 1];
        for (int i = 0; i < n; i++) {
            perCount[counts[touched[i]]]++;
        }
        int cut = EmbeddingBuckets.TABLES;
        int above = 0;
        while (above + perCount[cut] < k) {
            above += perCount[cut--];
        }
        List<String> ties = new ArrayList<>(perCount[cut]);
        for (int i = 0; i < n; i++) {
            int count = counts[touched[i]];
            if (count > cut) {
                out.add(slots.id(touched[i]));
            } else if (count == cut) {
                ties.add(slots.id(touched[i]));
            }
        }
        Collections.sort(ties);
        out.addAll(ties.subList(0, k - above));
        return out;
    }

    private void ensureScratch() {
        int capacity = slots.capacity();
        if (counts.length < capacity) {
            int length = capacity + (capacity >> 1) + 16;
            counts = Arrays.copyOf(counts, length);
            touched = new int[length];
            overlaps = new double[length];
            overlapStamps = new long[length];
            shared = new int[length];
        }
    }

    void addArticle(String id, Instant time, int[] signature) {
        articlesByTime.computeIfAbsent(time, t -> new TreeSet<>()).add(id);
        if (signature != null) {
            articlesByBand.add(id, signature);
        }
    }

    void removeArticle(String id, Instant time, int[] signature) {
        remove(articlesByTime, time, id);
        if (signature != null) {
            articlesByBand.remove(id, signature);
        }
    }

    /** Article ids sharing at least one band with the signature, in id order. */
    Set<String> articlesSharingABand(int[] signature) {
        Set<String> ids = new TreeSet<>();
        if (signature != null) {
            articlesByBand.collect(signature, ids);
        }
        return ids;
    }
}
