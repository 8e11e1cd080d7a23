package dev.newswire.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Realistic sample events for contract tests. */
final class Samples {

    static final Instant PUBLISHED = Instant.parse("2025-02-03T08:15:00Z");
    static final Instant RECEIVED = Instant.parse("2025-02-03T08:16:30.123Z");

    private Samples() {
    }

    static RawArticle raw() {
        String body = "Israeli Prime Minister Benjamin Netanyahu is preparing to visit Washington.";
        return new RawArticle(ArticleIds.of("https://example.com/netanyahu", body), "http", "https://example.com/netanyahu",
                "Netanyahu to visit Washington", body, RawArticle.TEXT_PLAIN, PUBLISHED, RECEIVED, "en");
    }

    static EnrichedArticle enriched() {
        RawArticle raw = raw();
        Entity netanyahu = new Entity("Benjamin Netanyahu", EntityType.PERSON, List.of("Netanyahu"), 1, 0.92,
                List.of(new Span(25, 43)));
        Entity washington = new Entity("Washington", EntityType.LOCATION, List.of(), 1, 0.41, List.of(new Span(66, 76)));
        return new EnrichedArticle(raw.id(), raw.source(), raw.url(), raw.title(), List.of("Hanan Zuhry"), "en", raw.body(),
                raw.body(), List.of(netanyahu, washington), List.of(new Tag("politics/diplomacy", "Diplomacy", 0.87)),
                List.of("visit to Washington"), null, null, PUBLISHED, RECEIVED, RECEIVED.plusMillis(140),
                new Provenance("0.1.0", Map.of("ner", "corenlp-4.5.10/conll.4class"), Map.of()));
    }

    static StoryRecord story(String mergedInto) {
        return new StoryRecord("st-" + raw().id(), "Netanyahu to visit Washington", 2, PUBLISHED, PUBLISHED.plusSeconds(3600),
                List.of(new StoryRecord.StoryEntity("Benjamin Netanyahu", EntityType.PERSON),
                        new StoryRecord.StoryEntity("Washington", EntityType.LOCATION)),
                List.of("politics/diplomacy"), List.of(raw().id(), "0123456789abcdef"), mergedInto);
    }
}
