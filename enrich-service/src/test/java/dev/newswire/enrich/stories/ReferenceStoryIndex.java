package dev.newswire.enrich.stories;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The story index as it was before slots and the embedding slab (9c1bf85), kept as the reference
 * that {@link StoryIndexEquivalenceTest} compares {@link StoryIndex} with. Inverted indexes over the state stores, so that an article is compared with the few stories
 * and articles that share something with it, not with all of them: profile feature → open stories,
 * MinHash band → articles. Derived data only: rebuilt from the stores when the task starts (after
 * the changelog restored them), so the truth stays in Kafka. Tag features are not indexed: a tag
 * like {@code politics} is shared by half the stream and would make every story a candidate.
 */
final class ReferenceStoryIndex {

    private final Map<String, Set<String>> storiesByFeature = new HashMap<>();
    private final Map<String, Set<String>> articlesByBand = new HashMap<>();
    /** Embedding bucket of a story's centroid → open stories. */
    private final Map<Integer, Set<String>> storiesByBucket = new HashMap<>();
    /**
     * Centroid of each open story (384 bytes each): lets the assigner rule out a candidate before it
     * decodes the story's state, which is what a candidate costs (see {@link CandidateBound}).
     */
    private final Map<String, byte[]> centroids = new HashMap<>();
    /** Time indexes, so that a sweep touches only what went cold, never the whole store. */
    private final NavigableMap<Instant, Set<String>> storiesByLastSeen = new TreeMap<>();
    private final NavigableMap<Instant, Set<String>> articlesByTime = new TreeMap<>();

    /** Indexes a story: its features while it is open (not merged), its last-seen time always. */
    void addStory(StoryState story) {
        if (story.mergedInto() == null) {
            for (String feature : story.profile().keySet()) {
                if (!feature.startsWith(ArticleFeatures.TAG)) {
                    storiesByFeature.computeIfAbsent(feature, f -> new TreeSet<>()).add(story.id());
                }
            }
            for (int bucket : EmbeddingBuckets.of(story.centroid())) {
                storiesByBucket.computeIfAbsent(bucket, b -> new TreeSet<>()).add(story.id());
            }
            if (story.centroid() != null) {
                centroids.put(story.id(), story.centroid());
            }
        }
        storiesByLastSeen.computeIfAbsent(story.lastSeen(), t -> new TreeSet<>()).add(story.id());
    }

    void removeStory(StoryState story) {
        for (String feature : story.profile().keySet()) {
            remove(storiesByFeature, feature, story.id());
        }
        for (int bucket : EmbeddingBuckets.of(story.centroid())) {
            remove(storiesByBucket, bucket, story.id());
        }
        centroids.remove(story.id());
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

    /** The centroid of an open story, or null (merged, closed, or none of its members had an embedding). */
    byte[] centroid(String storyId) {
        return centroids.get(storyId);
    }

    /** Story ids sharing an indexed feature with the vector, with the summed weight of the shared features. */
    Map<String, Double> storiesSharing(Map<String, Double> vector) {
        Map<String, Double> overlap = new HashMap<>();
        vector.forEach((feature, weight) -> {
            Set<String> ids = storiesByFeature.get(feature);
            if (ids != null) {
                ids.forEach(id -> overlap.merge(id, weight, Double::sum));
            }
        });
        return overlap;
    }

    /** Story ids sharing an embedding bucket with the vector, with the number of tables they share. */
    Map<String, Double> storiesNear(byte[] embedding) {
        Map<String, Double> shared = new HashMap<>();
        for (int bucket : EmbeddingBuckets.of(embedding)) {
            Set<String> ids = storiesByBucket.get(bucket);
            if (ids != null) {
                ids.forEach(id -> shared.merge(id, 1.0, Double::sum));
            }
        }
        return shared;
    }

    void addArticle(String id, Instant time, int[] signature) {
        articlesByTime.computeIfAbsent(time, t -> new TreeSet<>()).add(id);
        if (signature != null) {
            for (String band : MinHash.bands(signature)) {
                articlesByBand.computeIfAbsent(band, b -> new TreeSet<>()).add(id);
            }
        }
    }

    void removeArticle(String id, Instant time, int[] signature) {
        remove(articlesByTime, time, id);
        if (signature != null) {
            for (String band : MinHash.bands(signature)) {
                remove(articlesByBand, band, id);
            }
        }
    }

    /** Article ids sharing at least one band with the signature, in id order. */
    Set<String> articlesSharingABand(int[] signature) {
        Set<String> ids = new TreeSet<>();
        if (signature != null) {
            List<String> bands = MinHash.bands(signature);
            for (String band : bands) {
                Set<String> found = articlesByBand.get(band);
                if (found != null) {
                    ids.addAll(found);
                }
            }
        }
        return ids;
    }

}
