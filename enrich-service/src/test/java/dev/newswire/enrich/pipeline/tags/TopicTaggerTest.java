package dev.newswire.enrich.pipeline.tags;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newswire.enrich.pipeline.Document;
import dev.newswire.enrich.pipeline.Seeds;
import dev.newswire.enrich.pipeline.models.SentenceEmbedder;
import dev.newswire.enrich.pipeline.keyphrases.KeyphraseExtractor;
import dev.newswire.model.Tag;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TopicTaggerTest {

    private static TopicTagger tagger;

    @BeforeAll
    static void load() {
        tagger = new TopicTagger(new SentenceEmbedder(), TopicTagger.DEFAULT_THRESHOLD, 5);
    }

    @Test
    void everySeedIsTaggedDiplomacyAndConflict() {
        KeyphraseExtractor keyphrases = new KeyphraseExtractor(10);
        for (Path seed : Seeds.all()) {
            Document d = tagger.apply(keyphrases.apply(Seeds.prepared(seed)));
            assertThat(d.tags().stream().map(Tag::id)).as(seed.toString()).contains("politics/diplomacy", "conflict");
            assertThat(d.tags()).isSortedAccordingTo(TopicTagger.bestFirst());
            assertThat(d.tags()).allMatch(t -> t.score() >= TopicTagger.DEFAULT_THRESHOLD && t.score() <= 1);
        }
    }

    @Test
    void sportAndBusinessStoriesGetTheirSections() {
        List<Tag> sport = tagger.tags("Arsenal beat Chelsea to reach the cup final",
                "Arsenal reached the FA Cup final after a 2-1 win over Chelsea at Wembley on Saturday, with the winning goal "
                        + "scored in the last minute. The manager praised his players for a disciplined performance.", List.of(), List.of());
        assertThat(sport.get(0).id()).isEqualTo("sport");
        List<Tag> business = tagger.tags("Carmaker profits fall as sales slow",
                "Quarterly profits at the carmaker fell 20% as sales slowed in Europe and China, the company said on Tuesday. "
                        + "Its shares dropped 5% and investors worried about rising costs and weaker demand.", List.of(), List.of());
        assertThat(business.get(0).id()).startsWith("economy");
    }

    @Test
    void taxonomyHasTheSeventeenIptcTopLevelTopicsAndKnownChildren() {
        Taxonomy taxonomy = Taxonomy.defaults();
        assertThat(taxonomy.topics().stream().filter(Taxonomy.Topic::isTopLevel).map(Taxonomy.Topic::id))
                .containsExactlyInAnyOrder("arts", "conflict", "crime", "disaster", "economy", "education", "environment",
                        "health", "human-interest", "labour", "lifestyle", "politics", "religion", "science", "society",
                        "sport", "weather");
        assertThat(taxonomy.get("politics/diplomacy")).isPresent();
        assertThat(taxonomy.get("politics/elections")).isPresent();
        assertThat(taxonomy.get("politics/humanitarian-aid")).isPresent();
        assertThat(taxonomy.topics()).allMatch(t -> !t.label().isBlank() && !t.description().isBlank());
    }

    @Test
    void aTopicLearnedFromLabelledNewsGetsTheBonusAndDescriptionOnlyTopicsKeepTheirScores() {
        // labour has no centroid (BBC has no such section), politics has one: strikes the editors file
        // under politics came out labour first by less than the bonus
        SentenceEmbedder embedder = new SentenceEmbedder();
        TopicTagger.Calibration c = TopicTagger.Calibration.DEFAULT;
        assertThat(c.learnedBonus()).isPositive();
        TopicTagger without = new TopicTagger(embedder, Taxonomy.defaults(), TagPrototypes.defaults(),
                new TopicTagger.Calibration(c.evidenceWeight(), c.midpoint(), c.width(), 0), TopicTagger.DEFAULT_THRESHOLD, 5);
        String title = "Thousands join strike over job cuts";
        String text = "Thousands of civil servants were on strike across the country on Friday in protest at planned job cuts, "
                + "and ministers said talks with the unions would continue.";
        java.util.Map<String, Double> with = tagger.scores(title, text, List.of(), List.of());
        java.util.Map<String, Double> plain = without.scores(title, text, List.of(), List.of());
        assertThat(TagPrototypes.defaults().centroids()).containsKey("politics").doesNotContainKey("labour");
        org.assertj.core.data.Offset<Double> close = org.assertj.core.data.Offset.offset(1e-4);
        assertThat(logit(with.get("politics")) - logit(plain.get("politics"))).isCloseTo(c.learnedBonus() / c.width(), close);
        assertThat(logit(with.get("politics/government")) - logit(plain.get("politics/government"))).isCloseTo(c.learnedBonus() / c.width(), close);
        assertThat(logit(with.get("labour"))).isCloseTo(logit(plain.get("labour")), close);
    }

    @Test
    void aTopicWithSeveralPrototypesIsAsCloseAsItsNearestOne() {
        // business news is markets, company results and the economy: one mean vector of all three sits
        // between them, so the tag keeps one prototype per cluster and an article is as close as its nearest
        SentenceEmbedder embedder = new SentenceEmbedder();
        float[] markets = SentenceEmbedder.normalised(embedder.embed("Shares fell on the stock market and investors sold bonds"));
        float[] results = SentenceEmbedder.normalised(embedder.embed("The carmaker's quarterly profits rose as its sales grew"));
        float[] article = embedder.embed("Profits at the retailer rose ten per cent on strong Christmas sales");
        double both = tagger(embedder, new TagPrototypes(java.util.Map.of("economy", List.of(markets, results)), TagPrototypes.CENTROID_WEIGHT, null))
                .cosines(article).get("economy");
        double marketsOnly = tagger(embedder, new TagPrototypes(java.util.Map.of("economy", markets), TagPrototypes.CENTROID_WEIGHT))
                .cosines(article).get("economy");
        double resultsOnly = tagger(embedder, new TagPrototypes(java.util.Map.of("economy", results), TagPrototypes.CENTROID_WEIGHT))
                .cosines(article).get("economy");
        assertThat(resultsOnly).isGreaterThan(marketsOnly);
        assertThat(both).isCloseTo(resultsOnly, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(TagPrototypes.defaults().prototypes().get("economy")).hasSizeGreaterThan(1);
    }

    @Test
    void theLayerMovesOnlyLearnedTopicsByItsLogProbability() {
        // TopicLayer ranks the learned topics against each other; description-only topics have no data to be ranked with
        SentenceEmbedder embedder = new SentenceEmbedder();
        TopicTagger.Calibration c = TopicTagger.Calibration.DEFAULT;
        assertThat(c.layerWeight()).isPositive();
        TopicLayer layer = TagPrototypes.defaults().layer().orElseThrow();
        TopicTagger noLayer = new TopicTagger(embedder, Taxonomy.defaults(), TagPrototypes.defaults().withLayer(null), c,
                TopicTagger.DEFAULT_THRESHOLD, 5);
        String title = "Chancellor sets out spending plans";
        String text = "The chancellor told MPs that public spending would rise next year while taxes on fuel would be frozen.";
        java.util.Map<String, Double> with = tagger.scores(title, text, List.of(), List.of());
        java.util.Map<String, Double> plain = noLayer.scores(title, text, List.of(), List.of());
        java.util.Map<String, Double> logP = layer.logProbabilities(embedder.embed(title + ". " + text));
        org.assertj.core.data.Offset<Double> close = org.assertj.core.data.Offset.offset(1e-3);
        for (String learned : List.of("politics", "economy", "politics/government")) {
            assertThat(logit(with.get(learned)) - logit(plain.get(learned))).as(learned)
                    .isCloseTo(c.layerWeight() * logP.get(learned.split("/")[0]) / c.width(), close);
        }
        assertThat(logP.get("economy")).isNotCloseTo(logP.get("politics"), org.assertj.core.data.Offset.offset(0.1));
        assertThat(logit(with.get("labour"))).isCloseTo(logit(plain.get("labour")), close);
        assertThat(layer.ids()).containsExactlyInAnyOrderElementsOf(TagPrototypes.defaults().prototypes().keySet());
    }

    private static TopicTagger tagger(SentenceEmbedder embedder, TagPrototypes prototypes) {
        return new TopicTagger(embedder, Taxonomy.defaults(), prototypes, TopicTagger.Calibration.DEFAULT, TopicTagger.DEFAULT_THRESHOLD, 5);
    }

    private static double logit(double p) {
        return Math.log(p / (1 - p));
    }
}
