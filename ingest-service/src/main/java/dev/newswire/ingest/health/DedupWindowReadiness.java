package dev.newswire.ingest.health;

import dev.newswire.ingest.intake.RecentIdsLoader;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready until the dedup window holds the raw topic's recent ids ({@link RecentIdsLoader}). */
@Readiness
@ApplicationScoped
public class DedupWindowReadiness implements HealthCheck {

    private final RecentIdsLoader loader;

    public DedupWindowReadiness(RecentIdsLoader loader) {
        this.loader = loader;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("Dedup window");
        return loader.ids().isDone()
                ? response.up().withData("ids", loader.ids().join().size()).build()
                : response.down().withData("reason", "loading the recent ids of the raw topic").build();
    }
}
