package dev.newswire.ingest.feeds;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Feed meters on /q/metrics: {@code newswire_ingest_feeds_polls_total{outcome=ok|not-modified|error}},
 * {@code newswire_ingest_feeds_errors_total{kind}}, {@code newswire_ingest_feeds_items_published_total},
 * {@code newswire_ingest_feeds_items_duplicate_total}, {@code newswire_ingest_feeds_fetch_seconds{what=feed|article}}.
 */
@ApplicationScoped
public class FeedMetrics {

    private final MeterRegistry registry;
    private final Counter published;
    private final Counter duplicates;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    public FeedMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.published = Counter.builder("newswire.ingest.feeds.items.published")
                .description("Feed items published to the raw topic").register(registry);
        this.duplicates = Counter.builder("newswire.ingest.feeds.items.duplicate")
                .description("New feed items whose article id was already published (another feed, or before a restart)")
                .register(registry);
    }

    public void poll(String outcome) {
        counters.computeIfAbsent("poll:" + outcome, k -> Counter.builder("newswire.ingest.feeds.polls")
                .description("Feed polls by outcome").tag("outcome", outcome).register(registry)).increment();
    }

    public void error(String kind) {
        counters.computeIfAbsent("error:" + kind, k -> Counter.builder("newswire.ingest.feeds.errors")
                .description("Failed feed and article fetches by kind").tag("kind", kind).register(registry)).increment();
    }

    public void published() {
        published.increment();
    }

    public void duplicate() {
        duplicates.increment();
    }

    public void fetchLatency(String what, long nanos) {
        timers.computeIfAbsent(what, w -> Timer.builder("newswire.ingest.feeds.fetch")
                .description("Duration of one fetch, redirects included").tag("what", w)
                .publishPercentiles(0.5, 0.99).register(registry)).record(Duration.ofNanos(nanos));
    }
}
