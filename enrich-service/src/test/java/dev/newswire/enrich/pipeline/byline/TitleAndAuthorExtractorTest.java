package dev.newswire.enrich.pipeline.byline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newswire.enrich.pipeline.Block;
import dev.newswire.enrich.pipeline.Document;
import dev.newswire.enrich.pipeline.clean.SeedArticles;
import dev.newswire.enrich.pipeline.clean.TextCleaner;
import dev.newswire.model.RawArticle;
import org.junit.jupiter.api.Test;

class TitleAndAuthorExtractorTest {

    private final TextCleaner cleaner = new TextCleaner();
    private final TitleAndAuthorExtractor extractor = new TitleAndAuthorExtractor();

    private Document run(RawArticle raw) {
        return extractor.apply(cleaner.apply(Document.of(raw)));
    }

    @Test
    void seed004TitleFromFirstLineAndAuthorFromByline() {
        Document d = run(SeedArticles.seed("004"));

        assertThat(d.title()).isEqualTo("Trump and Netanyahu Meet Again as Gaza Ceasefire Talks Gain Momentum");
        assertThat(d.authors()).containsExactly("Hanan Zuhry");
        // The headline is a field now, not the first heading of the text.
        assertThat(d.text()).startsWith("US President Donald Trump and Israeli Prime Minister Benjamin Netanyahu met twice");
        assertThat(d.text()).doesNotContain("Gain Momentum");
        assertThat(d.blocks().get(0).start()).isZero();
    }

    @Test
    void seed002TitleFromHeadlineLine() {
        Document d = run(SeedArticles.seed("002"));
        assertThat(d.title()).isEqualTo("Netanyahu Engages in Strategic Dialogue with U.S. Amid Gaza Crisis");
        assertThat(d.authors()).isEmpty();
        for (Block b : d.blocks()) {
            assertThat(d.text().substring(b.start(), b.end())).isNotBlank();
        }
    }

    @Test
    void noTitleIsInventedWhenTheFirstLineIsASentence() {
        assertThat(run(SeedArticles.seed("000")).title()).isNull();
        assertThat(run(SeedArticles.seed("001")).title()).isNull();
        assertThat(run(SeedArticles.seed("003")).title()).isNull();
    }

    @Test
    void givenTitleWinsAndIsNotRepeatedInText() {
        RawArticle seed = SeedArticles.seed("004");
        RawArticle titled = new RawArticle(seed.id(), seed.source(), null, "Trump and Netanyahu Meet Again as Gaza Ceasefire Talks Gain Momentum",
                seed.body(), seed.contentType(), null, seed.receivedAt(), null);
        Document d = run(titled);
        assertThat(d.title()).isEqualTo("Trump and Netanyahu Meet Again as Gaza Ceasefire Talks Gain Momentum");
        assertThat(d.text()).doesNotContain("Gain Momentum");
    }

    @Test
    void bylineWithSeveralAuthorsIsSplitAndDeduplicated() {
        Document d = run(SeedArticles.plain("""
                Storm Hits Coast
                By Jane Doe and John Roe | Example News
                By JANE DOE
                Jane Doe
                A storm hit the coast on Monday, cutting power to thousands of homes, officials said on Tuesday.
                """, "t"));
        assertThat(d.title()).isEqualTo("Storm Hits Coast");
        assertThat(d.authors()).containsExactly("Jane Doe", "John Roe");
        assertThat(d.text()).doesNotContain("By Jane", "Example News");
    }

    @Test
    void htmlAuthorMetaAndH1() {
        Document d = run(SeedArticles.html("""
                <html><head><meta name="author" content="Ana Lima"><title>Site | Talks</title></head>
                <body><article><h1>Talks resume</h1><p class="byline">By Ana Lima</p>
                <p>Negotiators met again on Monday in Cairo to discuss the truce and the hostages.</p></article></body></html>"""));
        assertThat(d.title()).isEqualTo("Talks resume");
        assertThat(d.authors()).containsExactly("Ana Lima");
    }
}
