package dev.newswire.api.messaging;

import dev.newswire.api.config.ApiConfig;
import dev.newswire.api.view.StoryView;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Starts the stories topic reader with the application (its own thread and consumer: a slow or
 * missing stories topic never delays the article view and the stream).
 */
@ApplicationScoped
public class StoryLoader {

    private final TopicReader reader;

    public StoryLoader(KafkaClients clients, ApiConfig config, StoryView view, MeterRegistry registry) {
        this.reader = new TopicReader(clients, config.stories().topic(), new StorySink(view), "newswire-story-reader",
                config.reader(), registry);
        registry.gauge("newswire.api.view.stories", view, v -> v.index().size());
        registry.gauge("newswire.api.view.stories.lag", reader, TopicReader::lag);
        registry.more().counter("newswire.api.view.stories.evicted", java.util.List.of(), view, v -> v.index().evictions());
    }

    void onStart(@Observes StartupEvent event) {
        reader.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        reader.stop();
    }

    public TopicReader reader() {
        return reader;
    }
}
