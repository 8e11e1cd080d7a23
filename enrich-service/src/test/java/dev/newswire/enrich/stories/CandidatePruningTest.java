package dev.newswire.enrich.stories;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link CandidateBound} skips stories whose score cannot reach the threshold before they are decoded.
 * The bound must be exact: the same stream gives the same stories, duplicates and merges with and
 * without pruning, for the shipped weights and for an embedding weight above the threshold (where a
 * story sharing only a tag can join by its embedding alone) — and pruning must actually save decodes.
 * Half the events name a year in their titles (the temporal anchors: a shared year adds the shipped
 * anchor bonus, a conflicting one takes a share away), so the bound must also cover the bonus. The
 * second pass (merging split stories, {@link SplitStories}) runs with its shipped settings: it reads
 * the article's candidates before pruning, so pruning must not change its merges either.
 */
class CandidatePruningTest {

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 0.3, 0.6})
    void pruningNeverChangesAnAssignmentAndSavesDecodes(double embeddingWeight) {
        StoryAssigner.Rules shipped = StoryEmbeddingTest.shipped();
        StoryAssigner.Rules rules = new StoryAssigner.Rules(shipped.threshold(), shipped.mergeThreshold(),
                shipped.duplicateThreshold(), shipped.maxGap(), shipped.window(), shipped.maxCandidates(),
                embeddingWeight, shipped.embeddingFloor(), StoryEmbeddingTest.setting("anchorBonus"), 0.3,
                shipped.storyMergeThreshold(), shipped.storyMergeFloor(), shipped.storyMergeMaxSize());
        assertThat(rules.anchorBonus()).as("the shipped anchor bonus").isPositive();
        assertThat(rules.storyMergeThreshold()).as("the second pass (SplitStories) is on").isPositive();
        CountingTable pruned = new CountingTable();
        CountingTable full = new CountingTable();
        StoryAssigner withPruning = new StoryAssigner(pruned, new StoryAssignmentBench.JsonTable<>(ArticleState.class), rules);
        StoryAssigner without = new StoryAssigner(full, new StoryAssignmentBench.JsonTable<>(ArticleState.class), rules);
        without.pruning = false;

        List<ArticleFeatures> stream = stream(1_500, new SplittableRandom(7));
        java.util.Set<String> storyIds = new java.util.HashSet<>();
        for (ArticleFeatures article : stream) {
            StoryAssigner.Assignment a = withPruning.assign(article);
            StoryAssigner.Assignment b = without.assign(article);
            assertThat(a.storyId()).as("story of %s", article.id()).isEqualTo(b.storyId());
            assertThat(a.duplicateOf()).isEqualTo(b.duplicateOf());
            assertThat(a.changed().stream().map(StoryState::id).toList())
                    .isEqualTo(b.changed().stream().map(StoryState::id).toList());
            storyIds.add(a.storyId());
        }
        assertThat(pruned.map.keySet()).isEqualTo(full.map.keySet());
        assertThat(pruned.reads).as("story decodes with pruning vs without").isLessThan(full.reads * 3 / 4);
        assertThat(storyIds.size()).as("stories: neither all singletons nor one").isBetween(stream.size() / 10, stream.size() * 9 / 10);
    }

    /**
     * Events of 1-6 reports. Event terms come from a small vocabulary, so unrelated events share
     * features (near misses); every article has a tag; some reports share nothing but the tag and the
     * event's embedding direction (joins only by the embedding); some events reuse another's
     * direction (embedding close, features apart).
     */
    static List<ArticleFeatures> stream(int n, SplittableRandom random) {
        List<ArticleFeatures> out = new ArrayList<>();
        Instant start = Instant.parse("2026-03-01T00:00:00Z");
        List<String> terms = List.of();
        String year = "";
        float[] direction = null;
        float[] previous = null;
        int left = 0;
        for (int i = 0; i < n; i++) {
            if (left == 0) {
                List<String> t = new ArrayList<>();
                for (int k = 0; k < 8; k++) {
                    t.add("term" + random.nextInt(300));
                }
                terms = t;
                previous = direction;
                direction = previous != null && random.nextInt(4) == 0 ? previous : StoryAssignmentBench.gaussian(random, 1.0);
                left = 1 + random.nextInt(6);
                year = random.nextBoolean() ? " " + (2001 + random.nextInt(20)) : "";
            }
            left--;
            boolean tagOnly = random.nextInt(6) == 0;
            List<String> entities = tagOnly ? List.of("solo" + i) : StoryAssignmentBench.pick(terms.subList(0, 4), 2, random);
            List<String> keyphrases = tagOnly ? List.of() : StoryAssignmentBench.pick(terms.subList(4, 8), 2, random);
            String reportYear = !year.isEmpty() && random.nextInt(5) == 0 ? " " + (2001 + random.nextInt(20)) : year;
            String title = (tagOnly ? "item " + i : String.join(" ", StoryAssignmentBench.pick(terms, 3, random))) + reportYear;
            float[] v = StoryAssignmentBench.gaussian(random, 0.4 + random.nextDouble());
            for (int d = 0; d < v.length; d++) {
                v[d] += direction[d];
            }
            out.add(ArticleFeatures.of(StoryAssignerTest.article("a" + i, start.plusSeconds(60L * i), title, entities,
                    keyphrases, List.of(random.nextBoolean() ? "politics" : "economy")), PendingEmbedding.encode(v)));
        }
        return out;
    }

    /** The bench's JSON table, counting decodes. */
    private static final class CountingTable extends StoryAssignmentBench.JsonTable<StoryState> {

        int reads;

        CountingTable() {
            super(StoryState.class);
        }

        @Override
        public StoryState get(String key) {
            reads++;
            return super.get(key);
        }
    }
}
