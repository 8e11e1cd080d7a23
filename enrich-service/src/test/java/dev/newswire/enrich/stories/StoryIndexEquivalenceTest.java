package dev.newswire.enrich.stories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link StoryIndex} (story ids as slots, centroids in a slab, buckets as int bags) answers every
 * query exactly as the set-of-strings index it replaced ({@link ReferenceStoryIndex}), over a random
 * history of stories opened, grown, merged, re-embedded and swept: the same overlap doubles, the same
 * top-k embedding candidates (ties by id), the same centroids and cold stories. Candidates and bounds
 * come only from these queries, so story assignment is unchanged.
 */
class StoryIndexEquivalenceTest {

    private static final int DIMENSIONS = 384;

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void answersEveryQueryAsTheSetOfStringsIndex(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        StoryIndex index = new StoryIndex();
        ReferenceStoryIndex reference = new ReferenceStoryIndex();
        Map<String, StoryState> indexed = new LinkedHashMap<>();
        List<byte[]> directions = new ArrayList<>();
        for (int d = 0; d < 12; d++) {
            directions.add(vector(random, null, DIMENSIONS));
        }
        Instant t0 = Instant.parse("2026-03-01T00:00:00Z");
        int queries = 0;
        for (int step = 0; step < 3_000; step++) {
            int op = random.nextInt(10);
            List<String> ids = new ArrayList<>(indexed.keySet());
            if (op < 5 || ids.isEmpty()) {
                StoryState story = story("st-" + Integer.toHexString(random.nextInt(1 << 20)), null, t0.plusSeconds(step), random, directions);
                StoryState previous = indexed.get(story.id());
                if (previous != null) {
                    index.removeStory(previous);
                    reference.removeStory(previous);
                }
                index.addStory(story);
                reference.addStory(story);
                indexed.put(story.id(), story);
            } else if (op < 8) {
                // A new version of a story: other features and centroid, sometimes merged into another.
                StoryState previous = indexed.get(ids.get(random.nextInt(ids.size())));
                String mergedInto = random.nextInt(4) == 0 ? ids.get(random.nextInt(ids.size())) : null;
                StoryState next = story(previous.id(), mergedInto, t0.plusSeconds(step), random, directions);
                index.removeStory(previous);
                reference.removeStory(previous);
                index.addStory(next);
                reference.addStory(next);
                indexed.put(next.id(), next);
            } else {
                StoryState gone = indexed.remove(ids.get(random.nextInt(ids.size())));
                index.removeStory(gone);
                reference.removeStory(gone);
            }
            if (step % 10 == 0) {
                queries++;
                Map<String, Double> vector = features(random);
                SharedFeatures sharing = index.storiesSharing(vector);
                Map<String, Double> expected = reference.storiesSharing(vector);
                assertThat(sharing.asMap()).as("overlap at step %d", step).isEqualTo(expected);
                for (int k : new int[] {1, 3, 50, 10_000}) {
                    assertThat(new HashSet<>(sharing.heaviest(k))).as("top %d sharing at step %d", k, step)
                            .isEqualTo(new HashSet<>(Vectors.heaviest(expected, k)));
                }
                for (String id : indexed.keySet()) {
                    assertThat(sharing.of(id)).as("overlap of %s", id).isEqualTo(expected.getOrDefault(id, 0.0));
                }
                byte[] embedding = vector(random, directions.get(random.nextInt(directions.size())), DIMENSIONS);
                Map<String, Double> near = reference.storiesNear(embedding);
                for (int k : new int[] {1, 3, 10, 50, 10_000}) {
                    assertThat(new HashSet<>(index.storiesNear(embedding, k))).as("top %d near at step %d", k, step)
                            .isEqualTo(new HashSet<>(Vectors.heaviest(near, k)));
                }
                for (String id : indexed.keySet()) {
                    byte[] centroid = reference.centroid(id);
                    assertThat(index.centroid(id)).as("centroid of %s", id).isEqualTo(centroid);
                    // The same bits, NaN (no centroid) included.
                    assertThat(Double.doubleToLongBits(index.centroidCosine(id, embedding))).as("cosine with %s", id)
                            .isEqualTo(Double.doubleToLongBits(centroid == null ? Double.NaN : PendingEmbedding.cosine(embedding, centroid)));
                }
                Instant cutoff = t0.plusSeconds(random.nextInt(step + 1));
                assertThat(index.storiesLastSeenBefore(cutoff)).isEqualTo(reference.storiesLastSeenBefore(cutoff));
            }
        }
        assertThat(queries).isEqualTo(300);
        assertThat(indexed).hasSizeGreaterThan(500);
    }

    @Test
    void sharedFeaturesReadAfterTheIndexChangedFailInsteadOfAnsweringForAnotherStory() {
        SplittableRandom random = new SplittableRandom(7);
        StoryIndex index = new StoryIndex();
        List<byte[]> directions = List.of(vector(random, null, DIMENSIONS));
        StoryState first = story("st-a", null, Instant.parse("2026-03-01T00:00:00Z"), random, directions);
        index.addStory(first);
        SharedFeatures sharing = index.storiesSharing(first.profile());
        assertThat(sharing.of("st-a")).isPositive();

        index.removeStory(first);

        assertThatThrownBy(() -> sharing.of("st-a")).isInstanceOf(IllegalStateException.class);
        SharedFeatures again = index.storiesSharing(first.profile());
        assertThat(again.heaviest(1)).isEmpty();
        index.storiesSharing(first.profile());
        assertThatThrownBy(again::asMap).isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void findsTheSameNearCopyCandidatesAsTheSetOfStringsIndex(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        StoryIndex index = new StoryIndex();
        ReferenceStoryIndex reference = new ReferenceStoryIndex();
        List<int[]> originals = new ArrayList<>();
        for (int o = 0; o < 40; o++) {
            originals.add(random.ints(MinHash.HASHES, 0, Integer.MAX_VALUE).toArray());
        }
        Map<String, int[]> signatures = new LinkedHashMap<>();
        Map<String, Instant> times = new LinkedHashMap<>();
        Instant t0 = Instant.parse("2026-03-01T00:00:00Z");
        for (int step = 0; step < 6_000; step++) {
            List<String> ids = new ArrayList<>(signatures.keySet());
            if (random.nextInt(4) > 0 || ids.isEmpty()) {
                // Copies of a few originals with some hashes changed: they share some bands, not all.
                String id = "a" + random.nextInt(4_000);
                int[] signature = signatures.containsKey(id) && random.nextBoolean() ? signatures.get(id) : copy(originals, random);
                Instant time = t0.plusSeconds(step);
                if (signatures.containsKey(id)) {
                    index.removeArticle(id, times.get(id), signatures.get(id));
                    reference.removeArticle(id, times.get(id), signatures.get(id));
                }
                index.addArticle(id, time, signature);
                reference.addArticle(id, time, signature);
                signatures.put(id, signature);
                times.put(id, time);
            } else {
                String id = ids.get(random.nextInt(ids.size()));
                int[] signature = signatures.remove(id);
                Instant time = times.remove(id);
                index.removeArticle(id, time, signature);
                reference.removeArticle(id, time, signature);
            }
            if (step % 20 == 0) {
                int[] query = copy(originals, random);
                assertThat(index.articlesSharingABand(query)).as("band candidates at step %d", step)
                        .containsExactlyElementsOf(reference.articlesSharingABand(query));
                Instant cutoff = t0.plusSeconds(random.nextInt(step + 1));
                assertThat(index.articlesBefore(cutoff)).isEqualTo(reference.articlesBefore(cutoff));
            }
        }
        assertThat(signatures).hasSizeGreaterThan(1_000);
    }

    private static int[] copy(List<int[]> originals, SplittableRandom random) {
        int[] signature = originals.get(random.nextInt(originals.size())).clone();
        int changed = random.nextInt(MinHash.HASHES);
        for (int c = 0; c < changed; c++) {
            signature[random.nextInt(MinHash.HASHES)] = random.nextInt(Integer.MAX_VALUE);
        }
        return signature;
    }

    /** A story state with 5-40 features from a small vocabulary (so stories share them) and mostly a centroid. */
    private static StoryState story(String id, String mergedInto, Instant seen, SplittableRandom random, List<byte[]> directions) {
        int roll = random.nextInt(20);
        byte[] centroid = roll == 0 ? null
                : roll == 1 ? vector(random, null, 64) // another model's length: kept aside, still exact
                : vector(random, directions.get(random.nextInt(directions.size())), DIMENSIONS);
        Map<String, Double> profile = new TreeMap<>();
        int features = 5 + random.nextInt(36);
        for (int f = 0; f < features; f++) {
            profile.put(feature(random), random.nextDouble());
        }
        return new StoryState(id, "t", seen, 1, seen, seen, profile, Map.of(), Map.of(), List.of(), mergedInto,
                centroid, centroid == null ? 0 : 1, null);
    }

    private static Map<String, Double> features(SplittableRandom random) {
        Map<String, Double> v = new TreeMap<>();
        for (int f = 0; f < 12; f++) {
            v.put(feature(random), random.nextDouble());
        }
        return Vectors.unit(v);
    }

    private static String feature(SplittableRandom random) {
        String[] kinds = {ArticleFeatures.ENTITY, ArticleFeatures.KEYPHRASE, ArticleFeatures.WORD, ArticleFeatures.TAG};
        return kinds[random.nextInt(kinds.length)] + "f" + random.nextInt(300);
    }

    /** An int8 vector near {@code direction} (random when null). */
    private static byte[] vector(SplittableRandom random, byte[] direction, int dimensions) {
        float[] v = StoryAssignmentBench.gaussian(random, 1.0);
        float[] out = new float[dimensions];
        for (int d = 0; d < dimensions; d++) {
            out[d] = v[d % v.length] + (direction == null ? 0 : 1.5f * direction[d] / 127f);
        }
        return PendingEmbedding.encode(out);
    }
}
