package dev.newswire.api.health;

import dev.newswire.api.messaging.TopicReader;
import dev.newswire.api.messaging.ViewLoader;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when the view has caught up with the end offsets seen at start (so a new subscriber's
 * {@code from=earliest} or resume is served from a complete view) and the broker answers.
 */
@Readiness
@ApplicationScoped
public class ViewReadinessCheck implements HealthCheck {

    private final ViewLoader loader;

    public ViewReadinessCheck(ViewLoader loader) {
        this.loader = loader;
    }

    @Override
    public HealthCheckResponse call() {
        return of(loader.reader());
    }

    /** The readiness of any reader: used by the check and by tests of a reader built by hand. */
    public static HealthCheckResponse of(TopicReader reader) {
        return HealthCheckResponse.named("enriched-topic-view")
                .status(reader.caughtUp() && reader.brokerReachable())
                .withData("caughtUp", reader.caughtUp())
                .withData("brokerReachable", reader.brokerReachable())
                .withData("lag", reader.lag())
                .build();
    }
}
