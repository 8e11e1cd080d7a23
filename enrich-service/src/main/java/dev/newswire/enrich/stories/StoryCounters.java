package dev.newswire.enrich.stories;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** What the story step did with each pending record: {@code newswire.enrich.stories.records{outcome}}. */
record StoryCounters(Counter assigned, Counter duplicates, Counter notEnglish, Counter failed, Counter deadLettered,
                     Counter tombstones, Counter passedThrough) {

    static final String NAME = "newswire.enrich.stories.records";

    static StoryCounters register(MeterRegistry registry) {
        return new StoryCounters(counter(registry, "assigned", "Articles given a story"),
                counter(registry, "duplicate", "Articles found to be near copies (also counted as assigned)"),
                counter(registry, "not-english", "Non-English articles, passed through without a story"),
                counter(registry, "failed", "Articles whose story assignment threw: passed through without a story"),
                counter(registry, "dead-lettered", "Pending records that are not enriched articles: sent to the DLQ"),
                counter(registry, "tombstone", "Pending records without a value: skipped"),
                counter(registry, "disabled", "Articles passed through unchanged because the story step is off"));
    }

    private static Counter counter(MeterRegistry registry, String outcome, String description) {
        return Counter.builder(NAME).tag("outcome", outcome).description(description).register(registry);
    }
}
