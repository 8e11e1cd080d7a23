package dev.newswire.ingest.feeds;

import dev.newswire.ingest.config.FeedsConfig;
import dev.newswire.ingest.config.IngestConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;

/**
 * Starts the feature: the view always (the API answers from it), ownership and polling when
 * {@code newswire.ingest.feeds.enabled}; then registers the feeds declared in the settings
 * ({@code NEWSWIRE_INGEST_FEEDS}) that the registry does not hold yet. Stops in reverse order, so
 * this replica leaves the group at once and its feeds move to another replica.
 */
@ApplicationScoped
public class FeedsLifecycle {

    private static final Duration DECLARE_RETRY = Duration.ofSeconds(5);

    private final FeedsConfig config;
    private final FeedView view;
    private final FeedOwnership ownership;
    private final FeedScheduler scheduler;
    private final FeedRegistry registry;
    private volatile DeclaredFeeds declaring;

    public FeedsLifecycle(IngestConfig config, FeedView view, FeedOwnership ownership, FeedScheduler scheduler,
                          FeedRegistry registry) {
        this.config = config.feeds();
        this.view = view;
        this.ownership = ownership;
        this.scheduler = scheduler;
        this.registry = registry;
    }

    void onStart(@Observes StartupEvent event) {
        view.start();
        if (config.enabled()) {
            ownership.start();
            scheduler.start("newswire-feeds");
        }
        List<String> declared = config.declared().orElse(List.of()).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (!declared.isEmpty()) {
            declaring = new DeclaredFeeds(declared, view::caughtUp,
                    url -> FeedIds.canonical(url).map(FeedIds::of).flatMap(view::feed).isPresent(),
                    url -> registry.register(new FeedRequest(url, null, null, null, null)), DECLARE_RETRY);
            Thread thread = new Thread(declaring, "newswire-feeds-declare");
            thread.setDaemon(true);
            thread.start();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        DeclaredFeeds running = declaring;
        if (running != null) {
            running.stop();
        }
        scheduler.close();
        ownership.close();
        view.close();
    }
}
