package dev.newswire.enrich.pipeline.summary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newswire.enrich.pipeline.Document;
import dev.newswire.enrich.pipeline.Seeds;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SummarizerTest {

    private final Summarizer summarizer = new Summarizer(3);

    @Test
    void seed004SummaryIsProseWithoutQuickTakeBulletsOrHeadline() {
        Document d = summarizer.apply(Seeds.prepared(Seeds.seed("004")));
        assertThat(d.summary()).isNotBlank()
                .doesNotContain("Quick Take", "Summary is AI generated", "•", "Follow us", "Google News")
                .doesNotStartWith(d.title());
        // the bullets are list items: never summary material
        assertThat(d.summary()).doesNotContain("A Qatari delegation played a crucial role in mediating talks");
        assertThat(sentences(d)).isBetween(2L, 3L);
    }

    @Test
    void seed002TablesDoNotLeakIntoTheSummary() {
        Document d = summarizer.apply(Seeds.prepared(Seeds.seed("002")));
        assertThat(d.summary()).isNotBlank().doesNotContain("|").doesNotContain("---");
    }

    @Test
    void everySeedGetsTwoOrThreeCompleteSentences() {
        for (Path seed : Seeds.all()) {
            Document d = summarizer.apply(Seeds.prepared(seed));
            assertThat(d.summary()).as(seed.toString()).isNotBlank().matches("(?s)^[\\p{Lu}\"“‘'(].*[.!?\"”’)]$");
            assertThat(sentences(d)).as(seed.toString()).isBetween(2L, 3L);
            assertThat(d.summary().length()).as(seed.toString())
                    .isEqualTo(d.sentences().stream().filter(s -> d.summary().contains(s.text().strip()))
                            .mapToInt(s -> s.text().strip().length() + 1).sum() - 1);
        }
    }

    @Test
    void prefersTheCentralSentenceOverAnOffTopicLead() {
        String body = "Readers are reminded that comments are moderated before they appear on the page.\n\n"
                + "The central bank raised interest rates by half a point on Thursday to fight inflation.\n\n"
                + "Inflation has climbed for six months, and the central bank said rates may rise again.\n\n"
                + "Economists had expected the central bank to raise interest rates by a quarter point.\n\n"
                + "The weather in the capital was mild, with light winds from the west all afternoon.";
        Document d = new Summarizer(2).apply(Seeds.prepared(body, "Central bank raises interest rates"));
        assertThat(d.summary()).contains("raised interest rates by half a point").doesNotContain("comments are moderated");
    }

    /** How many of the article's own sentences the summary is made of. */
    private static long sentences(Document d) {
        return d.sentences().stream().filter(s -> d.summary().contains(s.text().strip())).count();
    }
}
