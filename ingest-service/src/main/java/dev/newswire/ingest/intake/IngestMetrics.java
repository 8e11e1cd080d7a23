package dev.newswire.ingest.intake;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * The ingest meters, on /q/metrics as {@code newswire_ingest_*}: accepted articles (by channel),
 * rejected ones (by reason, the problem type slug), duplicates, and the publish latency from send to
 * broker ack as a histogram with p50/p99.
 */
@ApplicationScoped
public class IngestMetrics {

    private final MeterRegistry registry;
    private final Counter duplicates;
    private final Timer publishLatency;

    public IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.duplicates = Counter.builder("newswire.ingest.duplicates")
                .description("Articles answered duplicate=true and not published again")
                .register(registry);
        this.publishLatency = Timer.builder("newswire.ingest.publish.latency")
                .description("From send to broker acknowledgement")
                .publishPercentiles(0.5, 0.99)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry);
    }

    public void accepted(String channel) {
        Counter.builder("newswire.ingest.accepted")
                .description("Articles published to the raw topic")
                .tag("channel", channel)
                .register(registry)
                .increment();
    }

    public void rejected(String reason) {
        Counter.builder("newswire.ingest.rejected")
                .description("Articles refused, by reason")
                .tag("reason", reason)
                .register(registry)
                .increment();
    }

    public void duplicate() {
        duplicates.increment();
    }

    public void publishLatency(long nanos) {
        publishLatency.record(Duration.ofNanos(nanos));
    }
}
