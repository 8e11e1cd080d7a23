package dev.newswire.enrich.stories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newswire.model.EnrichedArticle;
import dev.newswire.model.Entity;
import dev.newswire.model.EntityType;
import dev.newswire.model.NewsJson;
import dev.newswire.model.Provenance;
import dev.newswire.model.Span;
import dev.newswire.model.Tag;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The story step reads a pending value once: the record for the features, the story fields spliced
 * into the original bytes. What it writes must be what the tree round trip ({@link ArticleJson})
 * wrote for everything enrich produces, and keep every other byte as it came.
 */
class PendingArticleTest {

    @Test
    void whatEnrichWritesComesOutAsTheTreeRoundTripWroteIt() throws Exception {
        for (EnrichedArticle article : List.of(article(List.of("harbour strike", "pay deal")), article(List.of()),
                withoutTimes(article(List.of("pay deal"))), withoutTimes(article(List.of())))) {
            byte[] value = NewsJson.mapper().writeValueAsBytes(article);
            PendingArticle pending = PendingArticle.read(value);
            assertThat(pending.article()).isEqualTo(NewsJson.mapper().readValue(value, EnrichedArticle.class));
            ObjectNode tree = (ObjectNode) NewsJson.mapper().readTree(value);
            for (String[] story : new String[][] {{"s-1", null}, {"s-1", "a-0"}, {null, "a-0"}, {null, null}}) {
                assertThat(new String(pending.withStory(story[0], story[1]), StandardCharsets.UTF_8))
                        .as("%s with %s/%s", new String(value, StandardCharsets.UTF_8), story[0], story[1])
                        .isEqualTo(new String(ArticleJson.withStory(tree, story[0], story[1]), StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    void theStoryFieldsGoAfterKeyphrasesAndEveryOtherByteStaysAsItCame() throws Exception {
        // A newer enrich's field, a number and an escape the tree round trip would rewrite ("0.10" -> "0.1", "\/" -> "/").
        String value = "{\"id\":\"a-1\",\"language\":\"en\",\"title\":\"Caf\\u00e9 \\/ port\",\"keyphrases\":[\"port\"],"
                + "\"x-score\":0.10,\"x-big\":1.0E3,\"enrichedAt\":\"2026-12-01T10:00:00Z\"}";
        PendingArticle pending = PendingArticle.read(value.getBytes(StandardCharsets.UTF_8));
        assertThat(pending.article().title()).isEqualTo("Café / port");
        assertThat(new String(pending.withStory("s-\"1\"", "a-0"), StandardCharsets.UTF_8)).isEqualTo(
                "{\"id\":\"a-1\",\"language\":\"en\",\"title\":\"Caf\\u00e9 \\/ port\",\"keyphrases\":[\"port\"],"
                        + "\"storyId\":\"s-\\\"1\\\"\",\"duplicateOf\":\"a-0\","
                        + "\"x-score\":0.10,\"x-big\":1.0E3,\"enrichedAt\":\"2026-12-01T10:00:00Z\"}");
        // What the story step did before (a tree, written back out) rewrote them.
        assertThat(new String(ArticleJson.withStory((ObjectNode) NewsJson.mapper().readTree(value), "s-1", null), StandardCharsets.UTF_8))
                .contains("\"x-score\":0.1,", "\"x-big\":1000.0,", "Café / port");
        assertThat(new String(PendingArticle.read("{ \"id\" : \"a-2\" }".getBytes(StandardCharsets.UTF_8)).withStory("s-2", null),
                StandardCharsets.UTF_8)).as("no keyphrases, no times: last").isEqualTo("{ \"id\" : \"a-2\" ,\"storyId\":\"s-2\"}");
    }

    @Test
    void storyFieldsAlreadyThereAreReplacedAsBefore() throws Exception {
        String value = "{\"id\":\"a-1\",\"storyId\":\"old\",\"keyphrases\":[],\"duplicateOf\":\"x\",\"pipeline\":{\"version\":\"1\"}}";
        byte[] out = PendingArticle.read(value.getBytes(StandardCharsets.UTF_8)).withStory("s-1", null);
        assertThat(new String(out, StandardCharsets.UTF_8))
                .isEqualTo("{\"id\":\"a-1\",\"keyphrases\":[],\"storyId\":\"s-1\",\"pipeline\":{\"version\":\"1\"}}");
    }

    @Test
    void notAnArticleIsRefusedAndAnArticleWhoseFieldsDoNotMapGoesOnUnchanged() throws Exception {
        for (String bad : List.of("[1,2,3]", "\"a\"", "{\"id\":7}", "{\"title\":\"no id\"}", "{\"id\":\"a\"", "")) {
            assertThatThrownBy(() -> PendingArticle.read(bad.getBytes(StandardCharsets.UTF_8))).as(bad).isInstanceOf(Exception.class);
        }
        byte[] unmapped = "{\"id\":\"a-1\",\"entities\":\"x\"}".getBytes(StandardCharsets.UTF_8);
        PendingArticle pending = PendingArticle.read(unmapped);
        assertThatThrownBy(pending::article).isInstanceOf(RuntimeException.class);
    }

    private static EnrichedArticle article(List<String> keyphrases) {
        Entity port = new Entity("Valmora", EntityType.LOCATION, List.of("Valmora port"), 2, 0.8,
                List.of(new Span(0, 7), new Span(40, 52)), List.of(new Span(3, 10)));
        return new EnrichedArticle("a-1", "wire", "https://example.org/a?x=1&y=\"2\"", "Harbour strike ends", List.of("A. Writer"),
                "en", "Dock workers ended a strike.\nCafé \u2028 naïve \"quoted\" \\ text.", "Workers ended a strike.",
                List.of(port), List.of(new Tag("economy", "Economy", 0.731)), keyphrases, null, null,
                Instant.parse("2026-12-01T09:00:00Z"), Instant.parse("2026-12-01T09:00:01.5Z"), Instant.parse("2026-12-01T09:00:02Z"),
                new Provenance("0.1", Map.of("entities", "crf", "tags", "minilm"), Map.of("summary", "short")));
    }

    private static EnrichedArticle withoutTimes(EnrichedArticle a) {
        return new EnrichedArticle(a.id(), a.source(), a.url(), a.title(), a.authors(), a.language(), a.text(), a.summary(),
                a.entities(), a.tags(), a.keyphrases(), null, null, null, null, null, null);
    }
}
