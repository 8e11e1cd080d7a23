package dev.newswire.enrich.pipeline.keyphrases;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newswire.enrich.pipeline.Document;
import dev.newswire.enrich.pipeline.Pipeline;
import dev.newswire.enrich.pipeline.Seeds;
import dev.newswire.model.Entity;
import dev.newswire.model.EntityType;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KeyphraseExtractorTest {

    private final KeyphraseExtractor extractor = new KeyphraseExtractor(10);

    @Test
    void seed004HasCeasefirePhrasesButNoEntityNames() {
        Document d = Seeds.prepared(Seeds.seed("004"));
        List<Entity> entities = List.of(
                new Entity("Donald Trump", EntityType.PERSON, List.of("Trump", "President Donald Trump"), 8, 1, List.of()),
                new Entity("Benjamin Netanyahu", EntityType.PERSON, List.of("Netanyahu"), 8, 1, List.of()),
                new Entity("Steve Witkoff", EntityType.PERSON, List.of("Witkoff"), 2, 0.5, List.of()),
                new Entity("JD Vance", EntityType.PERSON, List.of("Vance"), 1, 0.3, List.of()),
                new Entity("Mike Johnson", EntityType.PERSON, List.of("Johnson"), 1, 0.3, List.of()),
                new Entity("Oval Office", EntityType.LOCATION, List.of(), 2, 0.3, List.of()));
        List<String> phrases = extractor.extract(d.title(), d.sentences(), entities);

        assertThat(phrases).hasSizeBetween(5, 10);
        assertThat(phrases).anyMatch(p -> p.toLowerCase(Locale.ROOT).contains("ceasefire"));
        Set<String> lower = new HashSet<>();
        for (String p : phrases) {
            assertThat(lower.add(p.toLowerCase(Locale.ROOT))).as("duplicate %s", p).isTrue();
            assertThat(entities).noneMatch(e -> e.isNamed(p));
            assertThat(p).doesNotContain("Donald Trump", "Mike Johnson", "JD Vance", "Quick Take");
        }
    }

    @Test
    void everySeedGetsFiveToTenProperlyCasedPhrases() {
        for (Path seed : Seeds.all()) {
            Document d = extractor.apply(Seeds.prepared(seed));
            assertThat(d.keyphrases()).as(seed.toString()).hasSizeBetween(5, 10);
            // common words keep lower case; a sentence-initial capital is not carried into the phrase
            assertThat(d.keyphrases()).as(seed.toString()).noneMatch(p -> p.equals("Ceasefire") || p.equals("Peace"));
            assertThat(d.components()).containsKey("keyphrases");
        }
    }

    @Test
    void nonEnglishIsSkippedWithAReason() {
        Document d = Seeds.prepared("Die Bundesregierung hat am Montag neue Gespräche über einen Waffenstillstand angekündigt. "
                + "Der Außenminister reist dazu nach Kairo, wo er Vertreter beider Seiten treffen will.", null);
        Document out = new Pipeline(List.of(extractor)).run(d, Pipeline.StageListener.NONE);
        assertThat(out.keyphrases()).isEmpty();
        assertThat(out.skipped()).containsKey("keyphrases");
    }
}
