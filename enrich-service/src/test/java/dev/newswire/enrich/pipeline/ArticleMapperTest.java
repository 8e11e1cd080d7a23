package dev.newswire.enrich.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newswire.model.EnrichedArticle;
import dev.newswire.model.RawArticle;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArticleMapperTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-02-03T04:05:06Z"), ZoneOffset.UTC);
    private final ArticleMapper mapper = new ArticleMapper("1.2.3", clock);

    @Test
    void copiesReaderFieldsAndRecordsProvenance() {
        RawArticle raw = new RawArticle("id1", "http", "https://example.com/a", "Given title", "<p>body</p>", RawArticle.TEXT_HTML,
                Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-02T00:00:00Z"), "de");
        Document d = Document.of(raw).withText("body", List.of()).withLanguage("de")
                .withComponent("tags", "t").withComponent("clean", "c")
                .withSkipped("entities", "language 'de' is not English");
        EnrichedArticle a = mapper.toEnriched(d);
        assertThat(a.id()).isEqualTo("id1");
        assertThat(a.title()).isEqualTo("Given title");
        assertThat(a.text()).isEqualTo("body");
        assertThat(a.language()).isEqualTo("de");
        assertThat(a.enrichedAt()).isEqualTo(clock.instant());
        assertThat(a.publishedAt()).isEqualTo(raw.publishedAt());
        assertThat(a.pipeline().version()).isEqualTo("1.2.3");
        assertThat(a.pipeline().components()).containsEntry("clean", "c").containsEntry("tags", "t");
        assertThat(a.pipeline().skipped()).containsEntry("entities", "language 'de' is not English");
        assertThat(a.summary()).isNull();
    }
}
