package dev.newswire.enrich.stories;

import java.util.Map;

/**
 * An upper bound of a candidate story's score, from what the in-memory index holds, so that a story
 * that cannot reach the threshold is never decoded from the state store (decoding is what a candidate
 * costs: with the embedding's LSH candidates, tens of unrelated stories per article). The bound is
 * exact, never an estimate, so pruning changes no assignment:
 * <ul>
 *   <li>sparse cosine = Σ a·p / |p| over shared features, with {@code a} the article's unit vector.
 *       By Cauchy–Schwarz it is at most √(Σ a² over shared features) ≤ √(overlap² + tags²), where
 *       {@code overlap} is the index's Σ a over the shared indexed features (weights are ≥ 0) and
 *       {@code tags²} the article's squared tag weights (tags are not indexed: assume all shared);</li>
 *   <li>the embedding term uses the story's centroid, which the index keeps: computed exactly;</li>
 *   <li>the temporal anchors add at most {@code anchorBonus}, and only to an article that names a year
 *       (a conflict only lowers the score);</li>
 *   <li>the time decay is at most 1.</li>
 * </ul>
 */
final class CandidateBound {

    private final StoryAssigner.Rules rules;
    private final ArticleFeatures article;
    private final StoryIndex index;
    private final double tagSquares;

    CandidateBound(StoryAssigner.Rules rules, ArticleFeatures article, StoryIndex index) {
        this.rules = rules;
        this.article = article;
        this.index = index;
        double squares = 0;
        for (Map.Entry<String, Double> e : article.vector().entrySet()) {
            if (e.getKey().startsWith(ArticleFeatures.TAG)) {
                squares += e.getValue() * e.getValue();
            }
        }
        this.tagSquares = squares;
    }

    /** False only when the story's score is certainly under the threshold. */
    boolean couldReachThreshold(String storyId, double overlap) {
        double sparse = Math.sqrt(overlap * overlap + tagSquares);
        double embedding = article.embedding() == null ? Double.NaN : index.centroidCosine(storyId, article.embedding());
        boolean embedded = !Double.isNaN(embedding);
        double similarity = rules.similarity(sparse, embedded ? embedding : 0, embedded);
        return similarity + rules.maxAnchorGain(article.years()) >= rules.threshold();
    }
}
