package dev.newswire.ingest.intake;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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
    private final Map<String, Counter> accepted = new ConcurrentHashMap<>();
    private final Map<String, Counter> rejected = new ConcurrentHashMap<>();

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
        // Cached: this runs on the producer's I/O thread for every ack, where a registry lookup per
        // record would slow down all sends.
        accepted.computeIfAbsent(channel, tag -> Counter.builder("newswire.ingest.accepted")
                .description("Articles published to the raw topic")
                .tag("channel", tag)
                .register(registry)).increment();
    }

    public void rejected(String reason) {
        rejected.computeIfAbsent(reason, tag -> Counter.builder("newswire.ingest.rejected")
                .description("Articles refused, by reason")
                .tag("reason", tag)
                .register(registry)).increment();
    }

    public void duplicate() {
        duplicates.increment();
    }

    public void publishLatency(long nanos) {
        publishLatency.record(Duration.ofNanos(nanos));
    }
}
