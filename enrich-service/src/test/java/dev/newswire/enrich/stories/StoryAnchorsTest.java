package dev.newswire.enrich.stories;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newswire.model.EnrichedArticle;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The temporal anchors as a story feature, with the shipped settings: two reports of a past event
 * that share too little to join by their words join when both datelines name its year; a report of
 * another event of that kind, dated another year, stays apart; and a dateline naming the publication
 * year (every live article's) adds nothing. Each case is checked against the rule without anchors.
 */
class StoryAnchorsTest {

    /** Published today, about events of other years (an archive replay, a late wire): publication time tells nothing. */
    private static final Instant T0 = Instant.parse("2026-06-01T08:00:00Z");

    private static StoryAssigner.Rules shipped() {
        return StoryEmbeddingTest.shipped();
    }

    private static StoryAssigner.Rules withoutAnchors() {
        StoryAssigner.Rules r = shipped();
        return new StoryAssigner.Rules(r.threshold(), r.mergeThreshold(), r.duplicateThreshold(), r.maxGap(), r.window(),
                r.maxCandidates(), r.embeddingWeight(), r.embeddingFloor());
    }

    private static EnrichedArticle keynote(String id, int minutes, String dateline) {
        return StoryAssignerTest.article(id, T0.plusSeconds(60L * minutes), "Apple keynote draws crowds to Moscone Center",
                List.of("Moscone Center", "Phil Schiller", "Apple"), List.of("keynote", "mac sales"), List.of("technology"),
                dateline + "\n\nPhil Schiller opened the keynote at Moscone Center in San Francisco.");
    }

    private static EnrichedArticle launchReport(String id, int minutes, String dateline) {
        return StoryAssignerTest.article(id, T0.plusSeconds(60L * minutes), "New laptops and an operating system update",
                List.of("San Francisco", "Tim Cook", "Apple"), List.of("new macbook", "software update"), List.of("technology"),
                dateline + "\n\nThe company showed new laptops and an update of its operating system in San Francisco.");
    }

    @Test
    void reportsDatedInTheSamePastYearJoinThoughTheirWordsAloneWouldNot() {
        ArticleFeatures first = ArticleFeatures.of(keynote("k1", 0, "Updated: January 6, 2009 11:20 ET"));
        ArticleFeatures second = ArticleFeatures.of(launchReport("k2", 5, "Tue Jan 6, 2009 2:41pm EST"));
        assertThat(first.years()).containsExactly(2009);
        assertThat(second.years()).containsExactly(2009);
        double words = Vectors.cosine(second.vector(), first.vector());
        assertThat(words).as("the sparse similarity alone").isLessThan(shipped().threshold())
                .isGreaterThanOrEqualTo(shipped().threshold() - shipped().anchorBonus());

        assertThat(storiesOf(shipped(), first, second)).hasSize(1);
        assertThat(storiesOf(withoutAnchors(), first, second)).hasSize(2);
    }

    @Test
    void anotherYearOrThePublicationYearAddsNothing() {
        ArticleFeatures keynote2009 = ArticleFeatures.of(keynote("k1", 0, "Updated: January 6, 2009 11:20 ET"));
        ArticleFeatures launch2012 = ArticleFeatures.of(launchReport("w1", 5, "Published: June 11, 2012"));
        assertThat(storiesOf(shipped(), keynote2009, launch2012)).hasSize(2);

        ArticleFeatures today = ArticleFeatures.of(keynote("t1", 0, "Updated: June 1, 2026 07:20 ET"));
        ArticleFeatures todayToo = ArticleFeatures.of(launchReport("t2", 5, "Mon Jun 1, 2026 7:41am EST"));
        assertThat(today.years()).as("the publication year is no anchor").isEmpty();
        assertThat(storiesOf(shipped(), today, todayToo)).hasSize(2);
    }

    private static java.util.Set<String> storiesOf(StoryAssigner.Rules rules, ArticleFeatures... reports) {
        StoryAssigner assigner = new StoryAssigner(new MapTable<>(), new MapTable<>(), rules);
        java.util.Set<String> ids = new java.util.TreeSet<>();
        for (ArticleFeatures r : reports) {
            ids.add(assigner.assign(r).storyId());
        }
        return ids;
    }

}
