package dev.newswire.enrich.stories;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The second pass of an assignment: finds the stories that the story an article just joined shows
 * to be the same event (issue 11, "Late information"). One event's first reports often share too
 * little with each other to join (a headline and a dateline against a quote and a number), so they
 * open two or three stories; once one of them has grown, its profile and centroid — the sum of
 * several reports — match the other fragments far better than any single article did.
 *
 * <p>Compared are only the article's own candidate stories (most shared features and nearest by
 * embedding buckets, at most 2 × {@code max-candidates}), so the pass is bounded by what the first
 * pass already looked up; a candidate is decoded only when its centroid, which the in-memory index
 * holds, is at least {@code story-merge-floor} from the grown story's (exact: no estimate, and
 * independent of the first pass's pruning). The score of two stories is the article rule applied
 * to story against story: {@link StoryAssigner.Rules#similarity} of the profiles' cosine and the
 * centroids' cosine, plus the anchor bonus for a shared year, times the time decay of the gap
 * between their spans. At or above {@code story-merge-threshold} they merge, under two guards that
 * keep precision (measured on ECB+ topics 1-35, docs/benchmarks/stories.md):
 * <ul>
 *   <li>one of the two is a fragment, at most {@code story-merge-max-size} articles: two stories
 *       that have each grown apart were compared with each other's articles at every step and stayed
 *       apart, and on ECB+ nearly every wrong story-to-story merge joined two such stories (two
 *       events of one kind in one place: two heists at one jeweller, two launches by one company);</li>
 *   <li>their temporal anchors do not conflict (both name years, none in common).</li>
 * </ul>
 */
final class SplitStories {

    private final StoryAssigner.Rules rules;
    private final StateTable<StoryState> stories;
    private final StoryIndex index;

    SplitStories(StoryAssigner.Rules rules, StateTable<StoryState> stories, StoryIndex index) {
        this.rules = rules;
        this.stories = stories;
        this.index = index;
    }

    /** The open candidate stories that {@code grown} (already stored and indexed) is one event with, in candidate order. */
    List<StoryState> sameEventAs(StoryState grown, Collection<String> candidates) {
        if (rules.storyMergeThreshold() <= 0 || grown.centroid() == null) {
            return List.of();
        }
        List<StoryState> out = new ArrayList<>();
        java.util.Map<String, Double> unitProfile = null;
        for (String candidate : candidates) {
            if (candidate.equals(grown.id())) {
                continue;
            }
            double embedding = index.centroidCosine(candidate, grown.centroid());
            embedding = Double.isNaN(embedding) ? 0 : embedding;
            if (embedding < rules.storyMergeFloor()) {
                continue;
            }
            StoryState other = stories.get(candidate);
            if (other == null || other.mergedInto() != null || other.centroid() == null) {
                continue;
            }
            if (Math.min(grown.size(), other.size()) > rules.storyMergeMaxSize()
                    || TemporalAnchors.conflict(grown.anchorYears(), other.anchorYears())) {
                continue;
            }
            if (unitProfile == null) {
                unitProfile = Vectors.unit(grown.profile());
            }
            if (score(grown, unitProfile, other, embedding) >= rules.storyMergeThreshold()) {
                out.add(other);
            }
        }
        return out;
    }

    /** The story-to-story score; negative when their spans are further apart than {@code max-gap}. */
    double score(StoryState a, java.util.Map<String, Double> unitProfileOfA, StoryState b, double embedding) {
        double gap = gapSeconds(a, b);
        double maxGap = rules.maxGap().toSeconds();
        if (gap > maxGap) {
            return -1;
        }
        double similarity = rules.similarity(Vectors.cosine(unitProfileOfA, b.profile()), embedding, true);
        similarity = rules.anchored(similarity, a.anchorYears(), b.anchorYears());
        return similarity * (1 - 0.5 * gap / maxGap);
    }

    private static double gapSeconds(StoryState a, StoryState b) {
        if (a.lastSeen().isBefore(b.firstSeen())) {
            return Duration.between(a.lastSeen(), b.firstSeen()).toSeconds();
        }
        if (b.lastSeen().isBefore(a.firstSeen())) {
            return Duration.between(b.lastSeen(), a.firstSeen()).toSeconds();
        }
        return 0;
    }
}
