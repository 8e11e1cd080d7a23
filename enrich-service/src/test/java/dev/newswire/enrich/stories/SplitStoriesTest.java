package dev.newswire.enrich.stories;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The second pass ({@link SplitStories}) with the shipped settings (the story-merge threshold set
 * where each scenario decides): two first reports of one event
 * that share too little open two stories; a third report that joins one of them makes the grown story
 * close enough to the other fragment, which then merges into the older story and is republished with
 * {@code mergedInto}. With the pass off (the rule before it) the event stays split. Its guards: two
 * stories that both grew past {@code story-merge-max-size}, or name conflicting years, stay apart.
 * And the pass is deterministic: the same stream gives the same stories, merges included, in one run
 * or with the assigner rebuilt from the stores (a restart, or the task moving to another instance).
 */
class SplitStoriesTest {

    private static final Instant T0 = Instant.parse("2026-05-05T06:00:00Z");
    /** One event's direction in embedding space: its reports are this plus noise (cosine ~0.85 with each other). */
    private static final float[] QUAKE = StoryAssignmentBench.gaussian(new SplittableRandom(11), 1.0);

    @Test
    void aReportJoiningOneFragmentMergesTheOtherFragmentOfItsEvent() {
        // The grown story scores 0.47 with the other fragment (three short reports): story-merge 0.45, the
        // shipped 0.50 minus a step; the ECB+ stories it was tuned on have richer profiles.
        StoryAssigner assigner = new StoryAssigner(new MapTable<>(), new MapTable<>(),
                with(StoryEmbeddingTest.shipped(), 0.45, StoryEmbeddingTest.shipped().storyMergeMaxSize()));
        String first = assigner.assign(damage("q1", 0, "")).storyId();
        String second = assigner.assign(rescue("q2", 20, "")).storyId();
        assertThat(second).as("the two first reports share too little: two stories").isNotEqualTo(first);

        StoryAssigner.Assignment bridge = assigner.assign(bridge("q3", 40));
        assertThat(bridge.storyId()).as("the older story survives").isEqualTo(first);
        assertThat(bridge.changed()).as("the absorbed fragment is republished, merged into the survivor")
                .anySatisfy(s -> {
                    assertThat(s.id()).isEqualTo(second);
                    assertThat(s.mergedInto()).isEqualTo(first);
                });
        assertThat(assigner.resolve(second)).isEqualTo(first);
        assertThat(bridge.changed().get(bridge.changed().size() - 1).size()).as("the survivor holds all three").isEqualTo(3);

        StoryAssigner without = new StoryAssigner(new MapTable<>(), new MapTable<>(), withoutSecondPass());
        without.assign(damage("q1", 0, ""));
        String apart = without.assign(rescue("q2", 20, "")).storyId();
        assertThat(without.assign(bridge("q3", 40)).changed()).as("the rule before: no merge")
                .noneMatch(s -> s.mergedInto() != null);
        assertThat(without.resolve(apart)).as("without the second pass the event stays split").isEqualTo(apart);
    }

    @Test
    void storiesNamingConflictingYearsAreNotMerged() {
        StoryAssigner assigner = new StoryAssigner(new MapTable<>(), new MapTable<>(),
                with(StoryEmbeddingTest.shipped(), 0.45, StoryEmbeddingTest.shipped().storyMergeMaxSize()));
        String first = assigner.assign(damage("q1", 0, " 2019")).storyId();
        String second = assigner.assign(rescue("q2", 20, " 2021")).storyId();
        assertThat(assigner.assign(bridge("q3", 40)).changed()).noneMatch(s -> s.mergedInto() != null);
        assertThat(assigner.resolve(second)).isEqualTo(second).isNotEqualTo(first);
    }

    @Test
    void twoStoriesThatBothGrewApartAreNotMerged() {
        // At 0.40 the drift below brings the two grown stories over the story-merge threshold (at the
        // shipped 0.45 it does not, so the guard is shown where it decides).
        StoryAssigner.Rules guarded = with(StoryEmbeddingTest.shipped(), 0.40, StoryEmbeddingTest.shipped().storyMergeMaxSize());
        assertThat(grownApartThenDrifting(guarded)).as("both stories grew past the max size: they stay two").hasSize(2);
        assertThat(grownApartThenDrifting(with(guarded, 0.40, 1_000))).as("the same stream without the size guard").hasSize(1);
    }

    /**
     * Damage reports make one story and rescue reports another, each growing past the max size on its
     * own; then reports telling both join the rescue story and draw its profile towards the damage
     * story. Returns the distinct stories all of them end in.
     */
    private static java.util.Set<String> grownApartThenDrifting(StoryAssigner.Rules rules) {
        StoryAssigner assigner = new StoryAssigner(new MapTable<>(), new MapTable<>(), rules);
        List<String> ids = new ArrayList<>();
        int size = StoryEmbeddingTest.shipped().storyMergeMaxSize() + 1;
        for (int i = 0; i < size; i++) {
            ids.add(assigner.assign(damage("q1-" + i, i, "")).storyId());
        }
        for (int i = 0; i < size; i++) {
            ids.add(assigner.assign(rescue("q2-" + i, 10 + i, "")).storyId());
        }
        assertThat(new java.util.TreeSet<>(ids)).as("two stories before the drift").hasSize(2);
        for (int i = 0; i < size; i++) {
            ids.add(assigner.assign(report("q3-" + i, 30 + i, "Red Crescent rescue teams reach flattened houses in Kandar",
                    List.of("Red Crescent", "Kandar", "Tarsa Mountains"), List.of("rescue teams", "flattened houses"))).storyId());
        }
        java.util.Set<String> out = new java.util.TreeSet<>();
        ids.forEach(id -> out.add(assigner.resolve(id)));
        return out;
    }

    private static StoryAssigner.Rules with(StoryAssigner.Rules r, double storyMergeThreshold, int maxSize) {
        return new StoryAssigner.Rules(r.threshold(), r.mergeThreshold(), r.duplicateThreshold(), r.maxGap(), r.window(),
                r.maxCandidates(), r.embeddingWeight(), r.embeddingFloor(), r.anchorBonus(), r.anchorPenalty(),
                storyMergeThreshold, r.storyMergeFloor(), maxSize);
    }

    @Test
    void mergesAreTheSameInOneRunAndAcrossRestarts() {
        List<ArticleFeatures> stream = CandidatePruningTest.stream(1_200, new SplittableRandom(23));
        List<String> once = run(stream, StoryEmbeddingTest.shipped(), Integer.MAX_VALUE);
        assertThat(run(stream, StoryEmbeddingTest.shipped(), Integer.MAX_VALUE)).as("a second run").isEqualTo(once);
        assertThat(run(stream, StoryEmbeddingTest.shipped(), 97)).as("rebuilt from the stores every 97 articles").isEqualTo(once);
        assertThat(run(stream, withoutSecondPass(), Integer.MAX_VALUE)).as("the second pass merges in this stream")
                .isNotEqualTo(once);
    }

    /** Every article's story, duplicate and published changes, the assigner rebuilt from its tables every {@code restartEvery}. */
    private static List<String> run(List<ArticleFeatures> stream, StoryAssigner.Rules rules, int restartEvery) {
        MapTable<StoryState> stories = new MapTable<>();
        MapTable<ArticleState> articles = new MapTable<>();
        StoryAssigner assigner = new StoryAssigner(stories, articles, rules);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < stream.size(); i++) {
            if (i > 0 && i % restartEvery == 0) {
                assigner = new StoryAssigner(stories, articles, rules);
            }
            StoryAssigner.Assignment a = assigner.assign(stream.get(i));
            out.add(a.storyId() + " " + a.duplicateOf() + " "
                    + a.changed().stream().map(s -> s.id() + ">" + s.mergedInto() + "/" + s.size()).toList());
        }
        return out;
    }

    static StoryAssigner.Rules withoutSecondPass() {
        StoryAssigner.Rules r = StoryEmbeddingTest.shipped();
        return new StoryAssigner.Rules(r.threshold(), r.mergeThreshold(), r.duplicateThreshold(), r.maxGap(), r.window(),
                r.maxCandidates(), r.embeddingWeight(), r.embeddingFloor(), r.anchorBonus(), r.anchorPenalty());
    }

    // --- one event, the Kandar earthquake, in three kinds of report ---------------------------

    /** The damage: what the first wire reports. */
    private static ArticleFeatures damage(String id, int minutes, String year) {
        return report(id, minutes, "Strong earthquake flattens houses in Kandar" + year,
                List.of("Kandar", "Interior Ministry"), List.of("strong earthquake", "flattened houses"));
    }

    /** The rescue: the aid agencies' side, sharing no entity or keyphrase with the damage report. */
    private static ArticleFeatures rescue(String id, int minutes, String year) {
        return report(id, minutes, "Red Crescent sends rescue teams to the mountains" + year,
                List.of("Red Crescent", "Tarsa Mountains"), List.of("rescue teams", "strong earthquake"));
    }

    /** A later report telling both. */
    private static ArticleFeatures bridge(String id, int minutes) {
        return report(id, minutes, "Rescue teams search flattened houses after the Kandar earthquake",
                List.of("Kandar", "Red Crescent"), List.of("flattened houses", "rescue teams"));
    }

    private static ArticleFeatures report(String id, int minutes, String title, List<String> entities, List<String> keyphrases) {
        float[] v = StoryAssignmentBench.gaussian(new SplittableRandom(id.hashCode()), 0.4);
        for (int d = 0; d < v.length; d++) {
            v[d] += QUAKE[d];
        }
        return ArticleFeatures.of(StoryAssignerTest.article(id, T0.plus(Duration.ofMinutes(minutes)), title, entities,
                keyphrases, List.of("disaster")), PendingEmbedding.encode(v));
    }
}
