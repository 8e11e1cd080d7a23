package dev.newswire.enrich.stories;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newswire.enrich.pipeline.models.SentenceEmbedder;
import dev.newswire.model.EnrichedArticle;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The document embedding as a story feature, with the real int8 MiniLM and the shipped settings
 * (read from {@link StoriesConfig}'s defaults): a report of one event worded differently, sharing
 * only the place, joins the story; a report of another event in the same place stays apart though
 * the place is their heaviest shared feature. Both go the other way with the embedding off (the rule
 * before it, {@link #withoutEmbedding()}), which each test also checks. With the shipped weight (0.3)
 * the embedding alone cannot join two articles that share no feature at all (0.3 &lt; threshold
 * 0.35): on ECB+ a larger weight lost more precision than it gained recall.
 */
class StoryEmbeddingTest {

    private static SentenceEmbedder embedder;
    private static final Instant T0 = Instant.parse("2026-05-05T06:00:00Z");

    @BeforeAll
    static void loadModel() {
        embedder = new SentenceEmbedder();
    }

    static StoryAssigner.Rules shipped() {
        return new StoryAssigner.Rules(setting("threshold"), setting("mergeThreshold"), setting("duplicateThreshold"),
                Duration.ofHours(36), Duration.ofDays(3), 50, setting("embeddingWeight"), setting("embeddingFloor"),
                setting("anchorBonus"), setting("anchorPenalty"), setting("storyMergeThreshold"), setting("storyMergeFloor"),
                (int) setting("storyMergeMaxSize"));
    }

    static StoryAssigner.Rules withoutEmbedding() {
        StoryAssigner.Rules r = shipped();
        return new StoryAssigner.Rules(r.threshold(), r.mergeThreshold(), r.duplicateThreshold(), r.maxGap(), r.window(), r.maxCandidates());
    }

    static double setting(String name) {
        try {
            return Double.parseDouble(StoriesConfig.class.getMethod(name).getAnnotation(WithDefault.class).value());
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    /** As the story step sees an article: its fields plus the int8 embedding of title and lead. */
    static ArticleFeatures embedded(EnrichedArticle article) {
        String text = StoryReplay.embeddedText(article.title(), article.text());
        return ArticleFeatures.of(article, PendingEmbedding.encode(embedder.embed(text)));
    }

    private static EnrichedArticle quakeReport() {
        return StoryAssignerTest.article("quake-1", T0, "Strong earthquake flattens houses across northern province",
                List.of("Kandar", "Interior Ministry"), List.of("strong earthquake", "flattened houses"), List.of("disaster"),
                "A strong earthquake flattened hundreds of houses across the northern province early on Tuesday, killing at "
                        + "least 40 people, the interior ministry said. Rescue workers were searching the rubble for survivors.");
    }

    private static EnrichedArticle quakeParaphrase() {
        return StoryAssignerTest.article("quake-2", T0.plus(Duration.ofHours(2)), "Dozens killed as powerful quake destroys homes in the north",
                List.of("Red Crescent", "Kandar", "Rahim Bakr"), List.of("powerful quake", "destroyed homes"), List.of("environment"),
                "A powerful quake destroyed hundreds of homes in the north of the province early on Tuesday, killing at "
                        + "least 40 people, aid workers said. Rescuers were digging through the rubble for survivors.");
    }

    private static EnrichedArticle strikeInTheSamePlace() {
        return StoryAssignerTest.article("strike-1", T0.plus(Duration.ofHours(3)), "Kandar miners walk out over unpaid wages",
                List.of("Kandar", "Miners Union"), List.of("miners", "unpaid wages"), List.of("labour"),
                "Thousands of miners in Kandar walked out on Tuesday demanding wages they say have gone unpaid for three "
                        + "months, union leaders said, halting production at the region's largest copper mine.");
    }

    /** Sparse cosine 0.315 (the place only, no shared keyphrase or title word), embedding cosine 0.80. */
    @Test
    void aReportOfTheSameEventWordedDifferentlyJoinsItsStoryThroughTheEmbedding() {
        assertThat(storiesOf(shipped(), quakeReport(), quakeParaphrase())).as("the paraphrased report joins the first report's story")
                .hasSize(1);
        assertThat(storiesOf(withoutEmbedding(), quakeReport(), quakeParaphrase())).as("without the embedding (the rule before)")
                .hasSize(2);
    }

    /** Sparse cosine 0.398 (the place is their heaviest feature), embedding cosine 0.09. */
    @Test
    void reportsOfTwoEventsInOnePlaceStayApart() {
        assertThat(storiesOf(shipped(), quakeReport(), strikeInTheSamePlace())).as("a mine strike in the quake's province is another event")
                .hasSize(2);
        assertThat(storiesOf(withoutEmbedding(), quakeReport(), strikeInTheSamePlace())).as("without the embedding (the rule before)")
                .hasSize(1);
    }

    private static java.util.Set<String> storiesOf(StoryAssigner.Rules rules, EnrichedArticle... reports) {
        StoryAssigner assigner = new StoryAssigner(new MapTable<>(), new MapTable<>(), rules);
        java.util.Set<String> stories = new java.util.TreeSet<>();
        for (EnrichedArticle report : reports) {
            stories.add(assigner.resolve(assigner.assign(embedded(report)).storyId()));
        }
        return stories;
    }

    @Test
    void int8EmbeddingsKeepTheCosineOfTheFloatsWithinAHundredth() {
        float[] a = embedder.embed(StoryReplay.embeddedText(quakeReport().title(), quakeReport().text()));
        float[] b = embedder.embed(StoryReplay.embeddedText(quakeParaphrase().title(), quakeParaphrase().text()));
        float[] c = embedder.embed(StoryReplay.embeddedText(strikeInTheSamePlace().title(), strikeInTheSamePlace().text()));
        for (float[][] pair : new float[][][] {{a, b}, {a, c}, {b, c}}) {
            assertThat(PendingEmbedding.cosine(PendingEmbedding.encode(pair[0]), PendingEmbedding.encode(pair[1])))
                    .isCloseTo(SentenceEmbedder.dot(pair[0], pair[1]), org.assertj.core.data.Offset.offset(0.01));
        }
        System.out.printf("cosines: paraphrase %.3f, same place other event %.3f / %.3f%n",
                SentenceEmbedder.dot(a, b), SentenceEmbedder.dot(a, c), SentenceEmbedder.dot(b, c));
    }

    @Test
    void aStoryCentroidStaysOneVectorAndSurvivesTheStateStoreRoundTrip() throws Exception {
        MapTable<StoryState> stories = new MapTable<>();
        StoryAssigner a = new StoryAssigner(stories, new MapTable<>(), shipped());
        a.assign(embedded(quakeReport()));
        a.assign(embedded(quakeParaphrase()));
        StoryState story = stories.get(StoryState.open(embedded(quakeReport())).id());
        assertThat(story.centroid()).hasSize(384);
        assertThat(story.centroidWeight()).isEqualTo(story.size());
        byte[] json = dev.newswire.model.NewsJson.mapper().writeValueAsBytes(story);
        StoryState back = dev.newswire.model.NewsJson.mapper().readValue(json, StoryState.class);
        assertThat(back.centroid()).isEqualTo(story.centroid());
        assertThat(back.centroidWeight()).isEqualTo(story.centroidWeight());
    }
}
