package dev.newswire.enrich.pipeline.sentences;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newswire.enrich.pipeline.Block;
import dev.newswire.enrich.pipeline.Document;
import dev.newswire.enrich.pipeline.Pipeline;
import dev.newswire.enrich.pipeline.Sentence;
import dev.newswire.enrich.pipeline.Token;
import dev.newswire.enrich.pipeline.byline.TitleAndAuthorExtractor;
import dev.newswire.enrich.pipeline.clean.SeedArticles;
import dev.newswire.enrich.pipeline.clean.TextCleaner;
import dev.newswire.model.RawArticle;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SentenceSplitterTest {

    private static SentenceSplitter splitter;

    @BeforeAll
    static void load() {
        splitter = new SentenceSplitter();
    }

    private static Document prepared(RawArticle raw, String language) {
        Document d = new TitleAndAuthorExtractor().apply(new TextCleaner().apply(Document.of(raw)));
        return d.withLanguage(language);
    }

    @Test
    void seed002EveryBlockIsSplitAndProseSentencesComeOnlyFromProseBlocks() {
        Document d = splitter.apply(prepared(SeedArticles.seed("002"), "en"));

        // every block (headings and table rows too) is at least one sentence; no sentence crosses a block
        for (Block b : d.blocks()) {
            assertThat(d.sentences()).as(d.text().substring(b.start(), b.end()))
                    .anyMatch(s -> b.start() <= s.start() && s.end() <= b.end());
        }
        for (Sentence s : d.sentences()) {
            assertThat(d.blocks()).as(s.text()).anyMatch(b -> b.start() <= s.start() && s.end() <= b.end());
            assertThat(s.text()).doesNotContain("\n");
        }
        assertThat(d.sentences()).anyMatch(s -> s.text().contains("Ceasefire Timing"));
        List<Block> prose = d.blocks().stream().filter(Block::isProse).toList();
        assertThat(d.proseSentences()).hasSizeGreaterThan(20);
        for (Sentence s : d.proseSentences()) {
            assertThat(prose).as(s.text()).anyMatch(b -> b.start() <= s.start() && s.end() <= b.end());
            assertThat(s.text()).doesNotContain("|");
        }
        assertThat(d.proseSentences()).noneMatch(s -> s.text().contains("Ceasefire Timing") || s.text().equals("Conclusion"));
    }

    @Test
    void theTitleIsSplitWithOffsetsIntoTheTitle() {
        Document d = splitter.apply(prepared(SeedArticles.plain("Results of the match on Sunday.", "t"), "en")
                .withTitleAndAuthors("CRICKET - LEICESTERSHIRE TAKE OVER AT TOP", List.of()));
        assertThat(d.titleSentences()).hasSize(1);
        assertThat(d.titleSentences().get(0).tokens()).anySatisfy(t -> {
            assertThat(t.text()).isEqualTo("LEICESTERSHIRE");
            assertThat(d.title().substring(t.start(), t.end())).isEqualTo("LEICESTERSHIRE");
        });
    }

    @Test
    void tokensIndexTheTextAndCarryPennTags() {
        Document d = splitter.apply(prepared(SeedArticles.seed("003"), "en"));
        for (Sentence s : d.sentences()) {
            assertThat(d.text().substring(s.start(), s.end())).isEqualTo(s.text());
            for (Token t : s.tokens()) {
                assertThat(d.text().substring(t.start(), t.end())).isEqualTo(t.text());
                assertThat(t.pos()).isNotBlank();
            }
        }
        Sentence first = d.sentences().get(0);
        assertThat(first.text()).startsWith("In a significant diplomatic engagement, U.S. President Donald Trump");
        assertThat(first.tokens()).extracting(Token::text).contains("Trump", "Netanyahu", "U.S.");
        assertThat(first.tokens()).filteredOn(t -> t.text().equals("Trump")).extracting(Token::pos).containsOnly("NNP");
    }

    @Test
    void possessivesAreSplitAndHyphenatedWordsKeptTogetherAsInCoNLL() {
        String text = "Qatar's spokesperson Majed Al-Ansari backed a 60-day Israel-Hamas truce and Trump's plan.";
        List<String> words = splitter.split(text, 0, text.length()).get(0).tokens().stream().map(Token::text).toList();
        assertThat(words).containsSubsequence("Qatar", "'s").contains("Al-Ansari", "60-day")
                .contains("Israel-Hamas").containsSubsequence("Trump", "'s");
    }

    @Test
    void nonEnglishIsSkippedWithAReason() {
        Document d = new Pipeline(List.of(splitter)).run(prepared(SeedArticles.plain("Die Gespräche in Washington dauerten zwei Stunden und endeten ohne Einigung.", "t"), "de"), Pipeline.StageListener.NONE);
        assertThat(d.sentences()).isEmpty();
        assertThat(d.skipped()).containsKey("sentences");
        assertThat(d.skipped().get("sentences")).contains("de");
    }

    @Test
    void textStartingWithAnAbbreviationIsSplitNotCrashed() {
        String text = "U.S. debt futures end lower. Mr. Smith said U.S. President Donald Trump agreed.";
        List<Sentence> sentences = splitter.split(text, 0, text.length());
        assertThat(sentences).extracting(Sentence::text)
                .containsExactly("U.S. debt futures end lower.", "Mr. Smith said U.S. President Donald Trump agreed.");
        assertThat(sentences.get(0).start()).isZero();
    }

    @Test
    void aHyphenLeftOnTheFirstPartOfANameIsJoinedToo() {
        // the tokenizer cuts "Ata-ur-Rehman" as "Ata-", "ur-", "Rehman" and "Chun-yeh" as "Chun-", "yeh"
        String text = "G. Thorpe lbw b Ata-ur-Rehman 21 and Chen Chun-yeh told the court.";
        List<String> words = splitter.split(text, 0, text.length()).get(0).tokens().stream().map(Token::text).toList();
        assertThat(words).contains("Ata-ur-Rehman", "Chun-yeh").doesNotContain("Ata-", "ur-", "Rehman", "Chun-");
    }

    @Test
    void aScoreLineIsNotBrokenAfterAPlayersInitial() {
        // the sentence model broke after "(W." and cut "W. Hegg" in two
        String text = "Hove: Sussex 363 (W. Athey 111, V. Drakes 52; I. Austin 4-37), Lancashire 197-8 (W. Hegg 54)";
        List<Sentence> sentences = splitter.split(text, 0, text.length());
        assertThat(sentences).extracting(Sentence::text).containsExactly(text);
        assertThat(sentences.get(0).tokens()).extracting(Token::text).containsSubsequence("W.", "Hegg");
        // a break after a capital that ends a name ("World War I.") is kept
        String war = "He fought in World War I. The war ended in 1918.";
        opennlp.tools.util.Span[] two = {new opennlp.tools.util.Span(0, 25), new opennlp.tools.util.Span(26, war.length())};
        assertThat(SentenceSplitter.joinAfterInitials(war, two)).containsExactly(two);
        String score = "Lancashire 197-8 (W. Hegg 54)";
        assertThat(SentenceSplitter.joinAfterInitials(score, new opennlp.tools.util.Span[] {
                new opennlp.tools.util.Span(0, 20), new opennlp.tools.util.Span(21, score.length())}))
                .containsExactly(new opennlp.tools.util.Span(0, score.length()));
    }
}
