package dev.newswire.api.health;

import dev.newswire.api.messaging.TopicReader;
import dev.newswire.api.messaging.ViewLoader;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * DOWN once the topic reader's thread has ended: the view would never move again and no restart
 * of anything but the process brings it back, so the platform (Kubernetes, {@code ./newswire up})
 * must restart the service. A broker outage is not this: the reader waits it out (readiness DOWN).
 */
@Liveness
@ApplicationScoped
public class ViewLivenessCheck implements HealthCheck {

    private final ViewLoader loader;

    public ViewLivenessCheck(ViewLoader loader) {
        this.loader = loader;
    }

    @Override
    public HealthCheckResponse call() {
        return of(loader.reader());
    }

    /** The liveness of any reader: used by the check and by tests of a reader built by hand. */
    public static HealthCheckResponse of(TopicReader reader) {
        // Why it stopped is in the log ("topic reader stopped"), not here: health output is public.
        return HealthCheckResponse.named("enriched-topic-reader").status(reader.alive()).build();
    }
}
