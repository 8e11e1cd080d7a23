package dev.newswire.enrich.stories;

import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.streams.KafkaStreams;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * DOWN when the story step has stopped for good (Kafka Streams in ERROR or NOT_RUNNING while the
 * service runs): without it no enriched article would reach news.articles.enriched, so a supervisor
 * must restart the service. A broker outage is not such a state: the client stays RUNNING or
 * REBALANCING and resumes by itself.
 */
@Liveness
@ApplicationScoped
public class StoriesLivenessCheck implements HealthCheck {

    private final StoryStreams streams;

    public StoriesLivenessCheck(StoryStreams streams) {
        this.streams = streams;
    }

    @Override
    public HealthCheckResponse call() {
        KafkaStreams.State state = streams.state();
        boolean up = state == null || (state != KafkaStreams.State.ERROR && state != KafkaStreams.State.NOT_RUNNING
                && state != KafkaStreams.State.PENDING_ERROR);
        return HealthCheckResponse.named("stories").status(up).withData("state", String.valueOf(state)).build();
    }
}
