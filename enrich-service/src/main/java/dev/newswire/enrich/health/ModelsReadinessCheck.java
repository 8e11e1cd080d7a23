package dev.newswire.enrich.health;

import dev.newswire.enrich.messaging.Enricher;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness is DOWN until every NLP model is in memory and the pipeline has run its warm-up, so an orchestrator does not route to (or
 * count as started) an instance that would only queue records. Kafka channel health is added by
 * SmallRye Reactive Messaging itself.
 */
@Readiness
@ApplicationScoped
public class ModelsReadinessCheck implements HealthCheck {

    private final Enricher enricher;

    public ModelsReadinessCheck(Enricher enricher) {
        this.enricher = enricher;
    }

    @Override
    public HealthCheckResponse call() {
        boolean ready = enricher.isReady();
        return HealthCheckResponse.named("enrich-models")
                .status(ready)
                .withData("loaded", ready)
                .withData("loadMillis", enricher.loadMillis())
                .withData("warmUpArticles", enricher.warmUpArticles())
                .build();
    }
}
