package dev.newswire.enrich.pipeline.entities;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newswire.enrich.pipeline.Block;
import dev.newswire.enrich.pipeline.Document;
import dev.newswire.enrich.pipeline.clean.SeedArticles;
import dev.newswire.model.Entity;
import dev.newswire.model.EntityType;
import dev.newswire.model.RawArticle;
import dev.newswire.model.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EntityExtractorTest {

    private static Optional<Entity> named(Document d, String name) {
        return d.entities().stream().filter(e -> e.name().equals(name)).findFirst();
    }

    @Test
    void seed004PeopleOrganisationsAndPlacesAreMergedAndTyped() {
        Document d = EnglishStages.run(SeedArticles.seed("004"));

        Entity trump = named(d, "Donald Trump").orElseThrow();
        assertThat(trump.type()).isEqualTo(EntityType.PERSON);
        assertThat(trump.aliases()).contains("Trump");
        assertThat(trump.mentions()).isGreaterThanOrEqualTo(5);
        for (String person : new String[] {"Benjamin Netanyahu", "Steve Witkoff", "JD Vance", "Mike Johnson"}) {
            assertThat(named(d, person)).as(person).hasValueSatisfying(e -> assertThat(e.type()).isEqualTo(EntityType.PERSON));
        }
        assertThat(named(d, "Hamas")).hasValueSatisfying(e -> assertThat(e.type()).isEqualTo(EntityType.ORGANIZATION));
        assertThat(named(d, "Qatar")).hasValueSatisfying(e -> assertThat(e.type()).isEqualTo(EntityType.LOCATION));
        assertThat(named(d, "Gaza")).hasValueSatisfying(e -> assertThat(e.type()).isEqualTo(EntityType.LOCATION));
        assertThat(named(d, "United States")).hasValueSatisfying(e -> assertThat(e.aliases()).contains("US"));
        // One entry per real-world entity: no separate "Trump" or "Netanyahu".
        assertThat(d.entities()).extracting(Entity::name).doesNotHaveDuplicates().doesNotContain("Trump", "Netanyahu", "Witkoff");
        assertThat(d.entities()).noneMatch(e -> e.isNamed("Google News") || e.isNamed("Hanan Zuhry"));
    }

    @Test
    void spansPointAtTheNamesInTheCleanText() {
        Document d = EnglishStages.run(SeedArticles.seed("004"));
        for (Entity e : d.entities()) {
            assertThat(e.spans().size() + e.titleSpans().size()).isEqualTo(e.mentions());
            for (Span s : e.titleSpans()) {
                assertThat(e.isNamed(d.title().substring(s.start(), s.end()))).isTrue();
            }
            assertThat(e.salience()).isBetween(0.0, 1.0);
            for (Span s : e.spans()) {
                String surface = d.text().substring(s.start(), s.end());
                assertThat(e.isNamed(surface)).as(surface + " in " + e).isTrue();
            }
        }
        // The most salient entities are the two leaders in the title.
        assertThat(d.entities().subList(0, 2)).extracting(Entity::name).containsExactlyInAnyOrder("Donald Trump", "Benjamin Netanyahu");
    }

    @Test
    void namesInResultTablesListsDatelinesAndTheTitleAreFound() {
        RawArticle raw = new RawArticle("x", "t", null, "Ronnback wins as Goias fall",
                "RIO DE JANEIRO 1996-12-05\nResults of Brazilian soccer championship matches on Thursday:\nGoias 1 Gremio 3\n"
                        + "Palmeiras 2 Santos 0\n- Jesper Ronnback ( Sweden ) 25.76 points\n- Andreas Widhoelzl ( Austria ) 24.11 points",
                RawArticle.TEXT_PLAIN, null, java.time.Instant.EPOCH, null);
        Document d = EnglishStages.run(raw);
        assertThat(d.language()).isEqualTo("en");
        List<String> inText = new ArrayList<>();
        d.entities().forEach(e -> e.spans().forEach(sp -> inText.add(d.text().substring(sp.start(), sp.end()))));
        assertThat(inText).contains("RIO DE JANEIRO", "Goias", "Gremio", "Palmeiras", "Santos", "Jesper Ronnback", "Sweden",
                "Andreas Widhoelzl", "Austria");
        // the title's mentions are located in the title and count as mentions
        Entity ronnback = named(d, "Jesper Ronnback").orElseThrow();
        assertThat(ronnback.titleSpans()).singleElement().satisfies(sp -> assertThat(d.title().substring(sp.start(), sp.end())).isEqualTo("Ronnback"));
        assertThat(ronnback.mentions()).isEqualTo(ronnback.spans().size() + ronnback.titleSpans().size());
    }

    @Test
    void anEntityNamedOnlyInTheTitleIsReported() {
        RawArticle raw = new RawArticle("x", "t", null, "Volkswagen to cut 900 jobs in Wolfsburg",
                "The carmaker said on Monday it would cut the jobs at its main plant over two years, after talks with the union.",
                RawArticle.TEXT_PLAIN, null, java.time.Instant.EPOCH, null);
        Document d = EnglishStages.run(raw);
        Entity volkswagen = named(d, "Volkswagen").orElseThrow(() -> new AssertionError(d.language() + " " + d.titleSentences() + " " + d.entities()));
        assertThat(volkswagen.spans()).isEmpty();
        assertThat(volkswagen.titleSpans()).hasSize(1);
        assertThat(volkswagen.mentions()).isEqualTo(1);
    }

    @Test
    void seed002TablesAndHeadingsDoNotLeakIntoEntities() {
        Document d = EnglishStages.run(SeedArticles.seed("002"));
        assertThat(d.entities()).isNotEmpty();
        for (Entity e : d.entities()) {
            for (Span s : e.spans()) {
                assertThat(d.blocks()).as(e.name()).anyMatch(b -> b.start() <= s.start() && s.end() <= b.end());
            }
        }
        assertThat(d.entities()).noneMatch(e -> e.isNamed("Host Nations") || e.isNamed("International Red Cross")
                || e.isNamed("Regional Allies") || e.isNamed("International Donors"));
        assertThat(named(d, "Benjamin Netanyahu")).isPresent();
    }

    @Test
    void everySeedHasItsLeadersAndNoDuplicateNames() {
        for (RawArticle raw : SeedArticles.all()) {
            Document d = EnglishStages.run(raw);
            assertThat(d.entities()).as(raw.source()).extracting(Entity::name).doesNotHaveDuplicates().contains("Benjamin Netanyahu", "Gaza");
            assertThat(d.components()).containsKey("entities");
        }
    }

    @Test
    void nonEnglishRunsNoEnglishModel() {
        Document d = EnglishStages.run(SeedArticles.plain("""
                Le Premier ministre israélien Benjamin Netanyahou a de nouveau rencontré mardi le président
                américain Donald Trump à la Maison Blanche pour discuter d'un cessez-le-feu à Gaza.""", "t"));
        assertThat(d.language()).isEqualTo("fr");
        assertThat(d.entities()).isEmpty();
        assertThat(d.sentences()).isEmpty();
        assertThat(d.skipped()).containsKeys("sentences", "entities");
        assertThat(d.components()).doesNotContainKeys("sentences", "entities");
        assertThat(d.text()).contains("Netanyahou");
        assertThat(d.blocks()).extracting(Block::kind).contains(Block.Kind.PARAGRAPH);
    }

    @Test
    void compoundsOfKnownNamesAreSplitIntoTheirParts() {
        Document d = EnglishStages.run(SeedArticles.seed("001"));
        assertThat(d.entities()).extracting(Entity::name).doesNotContain("Israel-Hamas", "US-Iran");
        Entity iran = named(d, "Iran").orElseThrow();
        // "US-Iran confrontations" counts for Iran (and the United States), with exact spans.
        assertThat(iran.spans()).anySatisfy(s -> assertThat(d.text().substring(s.start() - 3, s.end())).isEqualTo("US-Iran"));
    }
}
