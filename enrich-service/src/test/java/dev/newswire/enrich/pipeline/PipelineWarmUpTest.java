package dev.newswire.enrich.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newswire.enrich.pipeline.models.SentenceEmbedder;
import dev.newswire.model.EntityType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The warm-up must exercise what the JIT has to compile on real news: every stage runs (nothing
 * skipped as not English), NER finds people, places and organisations, the HTML path is taken, and
 * the tags stage embeds. It is bounded by its count and by its time.
 */
class PipelineWarmUpTest {

    private static Pipeline pipeline;

    @BeforeAll
    static void load() {
        pipeline = Pipeline.standard(new SentenceEmbedder(), Pipeline.Settings.DEFAULTS);
    }

    @Test
    void theBundledArticlesTakeEveryStageAndEveryKindOfName() {
        List<dev.newswire.model.RawArticle> articles = PipelineWarmUp.articles();
        assertThat(articles).hasSizeGreaterThanOrEqualTo(4);
        assertThat(articles).anyMatch(a -> a.contentType().equals(dev.newswire.model.RawArticle.TEXT_HTML));
        List<EntityType> types = new ArrayList<>();
        for (var raw : articles) {
            Document d = pipeline.run(raw);
            assertThat(d.isEnglish()).as(raw.title()).isTrue();
            assertThat(d.skipped()).as(raw.title()).isEmpty();
            assertThat(d.sentences()).as(raw.title()).hasSizeGreaterThanOrEqualTo(3);
            assertThat(d.entities()).as(raw.title()).hasSizeGreaterThanOrEqualTo(3);
            assertThat(d.keyphrases()).as(raw.title()).isNotEmpty();
            assertThat(d.embedding()).as(raw.title()).isNotNull();
            assertThat(d.summary()).as(raw.title()).isNotBlank();
            d.entities().forEach(e -> types.add(e.type()));
        }
        assertThat(types.stream().map(EntityType::name).collect(Collectors.toSet()))
                .containsAll(Set.of("PERSON", "LOCATION", "ORGANIZATION"));
    }

    @Test
    void itRunsTheCountCyclingThroughTheArticlesAndStopsAtItsTime() {
        int bundled = PipelineWarmUp.articles().size();
        assertThat(PipelineWarmUp.run(pipeline, bundled + 2, Duration.ofMinutes(5)).articles()).isEqualTo(bundled + 2);
        assertThat(PipelineWarmUp.run(pipeline, 0, Duration.ofMinutes(5)).articles()).isZero();
        assertThat(PipelineWarmUp.run(pipeline, 1_000_000, Duration.ZERO).articles()).isZero();
    }
}
