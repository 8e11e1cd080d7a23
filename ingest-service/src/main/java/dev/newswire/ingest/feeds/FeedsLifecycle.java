package dev.newswire.ingest.feeds;

import dev.newswire.ingest.config.FeedsConfig;
import dev.newswire.ingest.config.IngestConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.jboss.logging.Logger;

/**
 * Starts the feature: the view always (the API answers from it), ownership and polling when
 * {@code newswire.ingest.feeds.enabled}; then registers the feeds declared in the settings
 * ({@code NEWSWIRE_INGEST_FEEDS}) that the registry does not hold yet. Stops in reverse order, so
 * this replica leaves the group at once and its feeds move to another replica.
 */
@ApplicationScoped
public class FeedsLifecycle {

    private static final Logger LOG = Logger.getLogger(FeedsLifecycle.class);

    private final FeedsConfig config;
    private final FeedView view;
    private final FeedOwnership ownership;
    private final FeedScheduler scheduler;
    private final FeedRegistry registry;

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
            Thread thread = new Thread(() -> declare(declared), "newswire-feeds-declare");
            thread.setDaemon(true);
            thread.start();
        }
    }

    private void declare(List<String> urls) {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!view.caughtUp() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
        }
        for (String url : urls) {
            String id = FeedIds.canonical(url).map(FeedIds::of).orElse(null);
            if (id != null && view.feed(id).isPresent()) {
                continue;
            }
            try {
                registry.register(new FeedRequest(url, null, null, null, null));
                LOG.infof("Feed declared in the settings registered: %s", url);
            } catch (RuntimeException e) {
                LOG.warnf("Feed declared in the settings NOT registered: %s (%s)", url, e.getMessage());
            }
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        scheduler.close();
        ownership.close();
        view.close();
    }
}
