package dev.newswire.enrich.stories;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jboss.logging.Logger;

/**
 * Assigns articles, one at a time and in stream order, to stories and to the articles they copy.
 * A pure function of the stores' contents and the article: the same sequence of articles gives
 * the same stories on every run (no wall clock, no randomness, ties broken by id).
 *
 * <ol>
 *   <li>An article already assigned (replay, redelivery) gets its recorded answer again.</li>
 *   <li>Near-copy: MinHash candidates from the band index, estimated Jaccard ≥ the duplicate
 *       threshold; {@code duplicateOf} is the first-seen original and the copy joins its story.</li>
 *   <li>Otherwise the open stories sharing indexed features are scored: cosine of the article's
 *       vector with the story profile, times a time decay (1 at no gap, 0.5 at {@code maxGap};
 *       stories further away in time are not candidates). The best at or above the threshold wins;
 *       when two or more reach the merge threshold, the article shows they are one event: they
 *       merge into the oldest, and the others are republished with {@code mergedInto}.</li>
 *   <li>Nothing matches: the article opens a story, id {@code st-<article id>}.</li>
 * </ol>
 * Stories and articles older than the window (by event time, against the latest event time seen)
 * leave the stores in a sweep every hour of event time, which keeps the state bounded.
 */
final class StoryAssigner {

    /**
     * Settings, from {@code newswire.enrich.stories.*}. The similarity of an article and a story is
     * {@code (1 - embeddingWeight) * sparse + embeddingWeight * max(0, (e - embeddingFloor) / (1 - embeddingFloor))}
     * with {@code sparse} the cosine of the feature vectors and {@code e} the embedding cosine with the
     * story's centroid (the sparse cosine alone when either has no embedding); then the temporal anchors
     * ({@link TemporalAnchors}): plus {@code anchorBonus} when the article and the story name a year in
     * common, times {@code 1 - anchorPenalty} when both name years and none in common; times the time decay.
     * The {@code storyMerge*} settings are the second pass ({@link SplitStories}); threshold 0 turns it off.
     */
    record Rules(double threshold, double mergeThreshold, double duplicateThreshold, Duration maxGap, Duration window,
                 int maxCandidates, double embeddingWeight, double embeddingFloor, double anchorBonus, double anchorPenalty,
                 double storyMergeThreshold, double storyMergeFloor, int storyMergeMaxSize) {

        /** Without the second pass that merges split stories ({@link SplitStories}; the rule before it). */
        Rules(double threshold, double mergeThreshold, double duplicateThreshold, Duration maxGap, Duration window,
              int maxCandidates, double embeddingWeight, double embeddingFloor, double anchorBonus, double anchorPenalty) {
            this(threshold, mergeThreshold, duplicateThreshold, maxGap, window, maxCandidates, embeddingWeight, embeddingFloor,
                    anchorBonus, anchorPenalty, 0, 1, 0);
        }

        /** Without the temporal anchors (the rule before they were read). */
        Rules(double threshold, double mergeThreshold, double duplicateThreshold, Duration maxGap, Duration window,
              int maxCandidates, double embeddingWeight, double embeddingFloor) {
            this(threshold, mergeThreshold, duplicateThreshold, maxGap, window, maxCandidates, embeddingWeight, embeddingFloor, 0, 0);
        }

        /** Without the embedding (the rule before it was carried to the story step). */
        Rules(double threshold, double mergeThreshold, double duplicateThreshold, Duration maxGap, Duration window, int maxCandidates) {
            this(threshold, mergeThreshold, duplicateThreshold, maxGap, window, maxCandidates, 0, 0);
        }

        double similarity(double sparse, double embedding, boolean bothEmbedded) {
            if (!bothEmbedded || embeddingWeight <= 0) {
                return sparse;
            }
            double e = Math.max(0, (embedding - embeddingFloor) / (1 - embeddingFloor));
            return (1 - embeddingWeight) * sparse + embeddingWeight * e;
        }

        /** The similarity after the temporal anchors of the article and the story. */
        double anchored(double similarity, int[] articleYears, int[] storyYears) {
            if (TemporalAnchors.shared(articleYears, storyYears)) {
                return similarity + anchorBonus;
            }
            return TemporalAnchors.conflict(articleYears, storyYears) ? similarity * (1 - anchorPenalty) : similarity;
        }

        /** The most {@link #anchored} can add to a story's similarity for this article (for the candidate bound). */
        double maxAnchorGain(int[] articleYears) {
            return articleYears.length > 0 ? Math.max(0, anchorBonus) : 0;
        }
    }

    /** The answer for one article, and the stories whose new versions must be published. */
    record Assignment(String storyId, String duplicateOf, List<StoryState> changed) {
    }

    private static final Logger LOG = Logger.getLogger(StoryAssigner.class);
    private static final int MAX_MERGE_CHAIN = 32;

    private final StateTable<StoryState> stories;
    private final StateTable<ArticleState> articles;
    private final Rules rules;
    private final StoryIndex index = new StoryIndex();
    private final SplitStories splits;
    private final WindowSweep sweep;
    /** Off only in the test that shows pruning never changes an assignment. */
    boolean pruning = true;

    StoryAssigner(StateTable<StoryState> stories, StateTable<ArticleState> articles, Rules rules) {
        this.stories = stories;
        this.articles = articles;
        this.rules = rules;
        this.splits = new SplitStories(rules, stories, index);
        // One pass over the restored stories: the index, and the latest time seen (the sweep's clock).
        Instant[] latest = {Instant.EPOCH};
        stories.forEach((id, story) -> {
            index.addStory(story);
            if (story.lastSeen().isAfter(latest[0])) {
                latest[0] = story.lastSeen();
            }
        });
        articles.forEach((id, article) -> index.addArticle(id, article.time(), article.signature()));
        this.sweep = new WindowSweep(stories, articles, index, rules.window(), latest[0]);
    }

    Assignment assign(ArticleFeatures article) {
        sweep.advance(article.time());
        ArticleState known = articles.get(article.id());
        if (known != null) {
            String storyId = resolve(known.storyId());
            if (storyId != null) {
                return new Assignment(storyId, known.duplicateOf(), List.of());
            }
            index.removeArticle(article.id(), known.time(), known.signature());
        }
        List<StoryState> changed = new ArrayList<>();
        String duplicateOf = original(article);
        StoryState joined = null;
        if (duplicateOf != null) {
            ArticleState original = articles.get(duplicateOf);
            String storyId = original == null ? null : resolve(original.storyId());
            if (storyId != null) {
                StoryState story = stories.get(storyId);
                joined = replace(story, story.with(article, true));
            }
        }
        if (joined == null) {
            joined = bySimilarity(article, changed);
        }
        changed.add(joined);
        articles.put(article.id(), new ArticleState(joined.id(), duplicateOf, article.time(), article.signature()));
        index.addArticle(article.id(), article.time(), article.signature());
        return new Assignment(joined.id(), duplicateOf, List.copyOf(changed));
    }

    /** The first-seen article this one is a near copy of, or null. */
    private String original(ArticleFeatures article) {
        if (article.signature() == null) {
            return null;
        }
        String best = null;
        Instant bestTime = null;
        for (String id : index.articlesSharingABand(article.signature())) {
            ArticleState other = articles.get(id);
            if (id.equals(article.id()) || other == null || other.signature() == null
                    || MinHash.similarity(article.signature(), other.signature()) < rules.duplicateThreshold()) {
                continue;
            }
            String root = other.duplicateOf() != null && articles.get(other.duplicateOf()) != null ? other.duplicateOf() : id;
            Instant rootTime = articles.get(root).time();
            if (best == null || rootTime.isBefore(bestTime) || (rootTime.equals(bestTime) && root.compareTo(best) < 0)) {
                best = root;
                bestTime = rootTime;
            }
        }
        return best;
    }

    private StoryState bySimilarity(ArticleFeatures article, List<StoryState> changed) {
        // Candidates: the stories sharing most sparse features, and those nearest by embedding buckets.
        Set<String> candidates = new TreeSet<>();
        SharedFeatures sharing = index.storiesSharing(article.vector());
        candidates.addAll(sharing.heaviest(rules.maxCandidates()));
        if (article.embedding() != null && rules.embeddingWeight() > 0) {
            candidates.addAll(index.storiesNear(article.embedding(), rules.maxCandidates()));
        }
        List<Scored> matches = new ArrayList<>();
        CandidateBound bound = new CandidateBound(rules, article, index);
        for (String candidate : candidates) {
            if (pruning && !bound.couldReachThreshold(candidate, sharing.of(candidate))) {
                continue;
            }
            StoryState story = stories.get(candidate);
            if (story == null || story.mergedInto() != null) {
                continue;
            }
            double gap = gapSeconds(article.time(), story);
            double maxGap = rules.maxGap().toSeconds();
            if (gap > maxGap) {
                continue;
            }
            boolean embedded = article.embedding() != null && story.centroid() != null;
            double similarity = rules.similarity(Vectors.cosine(article.vector(), story.profile()),
                    embedded ? PendingEmbedding.cosine(article.embedding(), story.centroid()) : 0, embedded);
            similarity = rules.anchored(similarity, article.years(), story.anchorYears());
            double score = similarity * (1 - 0.5 * gap / maxGap);
            LOG.debugf("article %s vs story %s: %.3f (gap %.0f s)", article.id(), story.id(), score, gap);
            if (score >= rules.threshold()) {
                matches.add(new Scored(story, score));
            }
        }
        if (matches.isEmpty()) {
            StoryState opened = StoryState.open(article);
            StoryState previous = stories.get(opened.id());
            return replace(previous, opened);
        }
        matches.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparing(s -> s.story().id()));
        List<StoryState> merging = new ArrayList<>(matches.stream().filter(s -> s.score() >= rules.mergeThreshold())
                .map(Scored::story).toList());
        if (merging.size() < 2) {
            StoryState best = matches.get(0).story();
            StoryState grown = replace(best, best.with(article, false));
            // Second pass: the grown story may now show that other candidates are the same event.
            List<StoryState> split = splits.sameEventAs(grown, candidates);
            if (split.isEmpty()) {
                return grown;
            }
            merging = new ArrayList<>(split);
            merging.add(grown);
            return merge(merging, null, article, changed);
        }
        return merge(merging, article, article, changed);
    }

    /**
     * Merges the stories into the oldest (first seen, then id), the others republished with
     * {@code mergedInto}; {@code joining}, when not null, is added to the union.
     */
    private StoryState merge(List<StoryState> merging, ArticleFeatures joining, ArticleFeatures by, List<StoryState> changed) {
        merging.sort(Comparator.comparing(StoryState::firstSeen).thenComparing(StoryState::id));
        StoryState survivor = merging.get(0);
        StoryState union = survivor;
        for (StoryState absorbed : merging.subList(1, merging.size())) {
            union = union.absorb(absorbed);
            StoryState gone = absorbed.mergedInto(survivor.id());
            replace(absorbed, gone);
            changed.add(gone);
            LOG.infof("story %s merged into %s by article %s", absorbed.id(), survivor.id(), by.id());
        }
        return replace(survivor, joining == null ? union : union.with(joining, false));
    }

    private record Scored(StoryState story, double score) {
    }

    /** Stores the new version of a story and keeps the index in step; merged stories leave the feature index. */
    private StoryState replace(StoryState previous, StoryState next) {
        if (previous != null) {
            index.removeStory(previous);
        }
        stories.put(next.id(), next);
        index.addStory(next);
        return next;
    }

    /** The story a (possibly merged) story id now lives in; null when it has gone cold. */
    String resolve(String storyId) {
        String id = storyId;
        for (int hop = 0; hop < MAX_MERGE_CHAIN && id != null; hop++) {
            StoryState story = stories.get(id);
            if (story == null) {
                return null;
            }
            if (story.mergedInto() == null) {
                return id;
            }
            id = story.mergedInto();
        }
        return null;
    }

    private static double gapSeconds(Instant time, StoryState story) {
        if (time.isBefore(story.firstSeen())) {
            return Duration.between(time, story.firstSeen()).toSeconds();
        }
        if (time.isAfter(story.lastSeen())) {
            return Duration.between(story.lastSeen(), time).toSeconds();
        }
        return 0;
    }
}
