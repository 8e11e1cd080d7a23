package dev.newswire.enrich.stories;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.openjdk.jol.info.GraphLayout;

/**
 * The in-memory story index stays small per open story: its retained bytes (every object reachable
 * from it, measured by OpenJDK JOL) over {@value #STORIES} open stories, each with a full profile of
 * {@value StoryState#MAX_PROFILE} features and a 384-byte centroid, indexed as the assigner does it
 * (every version decoded afresh, so ids are new strings each time). At 100,000 active articles
 * (~22,000 open stories) the index was most of the heap: 20 {@code TreeSet<String>} entries per story
 * for the embedding buckets, one per feature, each holding its own copy of the id.
 */
class StoryIndexFootprintTest {

    private static final int STORIES = 2_000;

    @Test
    void anOpenStoryCostsLittleMoreThanItsCentroidAndFeatures() {
        StoryIndex index = new StoryIndex();
        SplittableRandom random = new SplittableRandom(11);
        Instant t0 = Instant.parse("2026-03-01T00:00:00Z");
        StoryState[] open = new StoryState[STORIES];
        for (int i = 0; i < STORIES; i++) {
            open[i] = story("st-" + Long.toHexString(random.nextLong()), t0.plusSeconds(i), random);
            index.addStory(open[i]);
        }
        // Each story grows once more: the index replaces it, as the assigner does on every join.
        for (int i = 0; i < STORIES; i++) {
            StoryState next = story(new String(open[i].id()), t0.plusSeconds(STORIES + i), random);
            index.removeStory(open[i]);
            index.addStory(next);
        }
        long perStory = GraphLayout.parseInstance(index).totalSize() / STORIES;
        System.out.printf("story index: %d bytes per open story%n", perStory);
        // Centroid 384 + 40 feature entries + 20 bucket entries as ints + id, slot and last-seen entries,
        // with the arrays' growth slack: 1,356 bytes measured; the set-of-strings index took 3,300.
        assertThat(perStory).isLessThan(1_600);
    }

    private static StoryState story(String id, Instant seen, SplittableRandom random) {
        Map<String, Double> profile = new TreeMap<>();
        while (profile.size() < StoryState.MAX_PROFILE) {
            profile.put(ArticleFeatures.ENTITY + "f" + random.nextInt(2_000), random.nextDouble());
        }
        float[] v = StoryAssignmentBench.gaussian(random, 1.0);
        byte[] centroid = PendingEmbedding.encode(v);
        return new StoryState(id, "t", seen, 1, seen, seen, profile, Map.of(), Map.of(), List.of(), null, centroid, 1, null);
    }
}
