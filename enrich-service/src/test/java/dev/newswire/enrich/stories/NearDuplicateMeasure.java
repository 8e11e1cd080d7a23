package dev.newswire.enrich.stories;

import dev.newswire.model.EnrichedArticle;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Near-duplicate detection measured on constructed pairs, through the assignment code itself: the
 * first article of a pair is assigned, then the second, on fresh tables; the pair counts as found
 * when the second gets {@code duplicateOf} = the first (LSH band candidates, then the estimated
 * Jaccard threshold, as in the service).
 */
final class NearDuplicateMeasure {

    private static final Instant T0 = Instant.parse("2026-05-04T09:00:00Z");

    private NearDuplicateMeasure() {
    }

    /** A text with its group (event, topic): pairs within a group are the hard negatives. */
    record Doc(String id, String group, String text) {
    }

    static NearCopies.Tally measure(List<Doc> docs, StoryAssigner.Rules rules, int maxNegativesPerDoc) {
        NearCopies.Tally tally = new NearCopies.Tally();
        for (int d = 0; d < docs.size(); d++) {
            Doc doc = docs.get(d);
            for (NearCopies.Edit edit : NearCopies.EDITS) {
                String copy = NearCopies.copy(doc.text(), edit, d * 31L + edit.hashCode());
                if (copy != null && MinHash.signature(doc.text()) != null) {
                    tally.positive(edit.label(), isCopy(doc.text(), copy, rules));
                }
            }
            int taken = 0;
            for (int o = d + 1; o < docs.size() && taken < maxNegativesPerDoc; o++) {
                Doc other = docs.get(o);
                if (MinHash.signature(doc.text()) == null || doc.text().equals(other.text())) {
                    continue;
                }
                boolean hard = doc.group().equals(other.group());
                if (hard || taken < maxNegativesPerDoc / 2) {
                    tally.negative(hard ? "same group" : "other group", isCopy(doc.text(), other.text(), rules));
                    taken++;
                }
            }
        }
        return tally;
    }

    static boolean isCopy(String first, String second, StoryAssigner.Rules rules) {
        StoryAssigner assigner = new StoryAssigner(new MapTable<>(), new MapTable<>(), rules);
        assigner.assign(ArticleFeatures.of(article("first", T0, first)));
        return "first".equals(assigner.assign(ArticleFeatures.of(article("second", T0.plus(Duration.ofHours(1)), second))).duplicateOf());
    }

    private static EnrichedArticle article(String id, Instant time, String text) {
        return StoryAssignerTest.article(id, time, "Headline " + id, List.of(), List.of(), List.of(), text);
    }
}
