package dev.newswire.enrich.pipeline.language;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newswire.enrich.pipeline.Document;
import dev.newswire.enrich.pipeline.clean.SeedArticles;
import dev.newswire.enrich.pipeline.clean.TextCleaner;
import dev.newswire.model.RawArticle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LanguageDetectorTest {

    private static LanguageDetector detector;
    private final TextCleaner cleaner = new TextCleaner();

    @BeforeAll
    static void load() {
        detector = new LanguageDetector();
    }

    private Document run(RawArticle raw) {
        return detector.apply(cleaner.apply(Document.of(raw)));
    }

    @Test
    void seedsAreEnglish() {
        for (RawArticle raw : SeedArticles.all()) {
            assertThat(run(raw).language()).as(raw.source()).isEqualTo("en");
        }
    }

    @Test
    void germanParagraph() {
        Document d = run(SeedArticles.plain("""
                Der israelische Ministerpräsident Benjamin Netanjahu ist am Dienstag erneut mit US-Präsident
                Donald Trump im Weißen Haus zusammengetroffen. Bei den Gesprächen ging es um eine mögliche
                Waffenruhe im Gazastreifen und die Freilassung der Geiseln, die noch immer festgehalten werden.
                """, "t"));
        assertThat(d.language()).isEqualTo("de");
        assertThat(d.isEnglish()).isFalse();
    }

    @Test
    void frenchParagraph() {
        Document d = run(SeedArticles.plain("""
                Le Premier ministre israélien Benjamin Netanyahou a de nouveau rencontré mardi le président
                américain Donald Trump à la Maison Blanche. Les discussions ont porté sur un éventuel cessez-le-feu
                à Gaza et sur la libération des otages qui sont toujours détenus par le Hamas.
                """, "t"));
        assertThat(d.language()).isEqualTo("fr");
    }

    @Test
    void tooShortFallsBackToTheSendersHint() {
        RawArticle raw = new RawArticle("x", "t", null, null, "Ja.", RawArticle.TEXT_PLAIN, null, null, "de");
        assertThat(run(raw).language()).isEqualTo("de");
        RawArticle noHint = new RawArticle("x", "t", null, null, "Ok.", RawArticle.TEXT_PLAIN, null, null, null);
        assertThat(run(noHint).language()).isEqualTo(LanguageDetector.UNDETERMINED);
    }
}
