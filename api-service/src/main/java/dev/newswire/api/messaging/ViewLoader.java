package dev.newswire.api.messaging;

import dev.newswire.api.config.ApiConfig;
import dev.newswire.api.view.ArticleView;
import dev.newswire.api.view.ViewListener;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Starts the topic reader with the application and feeds its batches to the fan-out. */
@ApplicationScoped
public class ViewLoader {

    private final TopicReader reader;

    public ViewLoader(KafkaClients clients, ApiConfig config, ArticleView view, ViewListener fanOut, MeterRegistry registry) {
        this.reader = new TopicReader(clients, config.topic(), view, fanOut, config.reader(), registry);
        registry.gauge("newswire.api.view.articles", view, v -> v.index().size());
        registry.gauge("newswire.api.view.lag", reader, TopicReader::lag);
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
