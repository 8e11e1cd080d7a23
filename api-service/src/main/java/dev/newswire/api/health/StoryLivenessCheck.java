package dev.newswire.api.health;

import dev.newswire.api.messaging.StoryLoader;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * DOWN once the stories topic reader's thread has ended (the story view would never move again).
 * Readiness does not wait for the story view: the article stream and API are complete without it,
 * and an older enrich-service writes no stories topic at all (the reader then waits for it).
 */
@Liveness
@ApplicationScoped
public class StoryLivenessCheck implements HealthCheck {

    private final StoryLoader loader;

    public StoryLivenessCheck(StoryLoader loader) {
        this.loader = loader;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("stories-topic-reader").status(loader.reader().alive()).build();
    }
}
