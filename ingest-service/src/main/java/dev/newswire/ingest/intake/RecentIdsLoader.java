package dev.newswire.ingest.intake;

import dev.newswire.ingest.config.IngestConfig;
import dev.newswire.ingest.messaging.RawTopicTail;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;
import org.jboss.logging.Logger;

/**
 * Rebuilds the dedup window at start-up from the raw topic: the ids of its last
 * {@code dedup-window} records (split over the partitions), so an article sent again after a
 * restart of the service is still a repeat (issue 12). Runs on its own thread and retries while
 * the broker is unreachable, for at most {@code dedup-load-timeout}; then the window starts empty
 * and a warning says so. Until it is done, readiness is DOWN and publishing waits for it.
 * <p>
 * Each replica rebuilds from the same topic, so a repeat of anything already in the topic is
 * caught by every replica; two replicas that receive the same new article at the same moment may
 * both publish it (each window only learns of the other's publish at its next start).
 */
@ApplicationScoped
public class RecentIdsLoader {

    private static final Logger LOG = Logger.getLogger(RecentIdsLoader.class);

    private final RawTopicTail tail;
    private final IngestConfig config;
    private final CompletableFuture<List<String>> ids = new CompletableFuture<>();

    public RecentIdsLoader(RawTopicTail tail, IngestConfig config) {
        this.tail = tail;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        Thread loader = new Thread(this::load, "newswire-dedup-window");
        loader.setDaemon(true);
        loader.start();
    }

    /** The ids to start the window with, oldest first per partition; completes once, never fails. */
    public CompletableFuture<List<String>> ids() {
        return ids;
    }

    private void load() {
        Duration budget = config.dedupLoadTimeout();
        long started = System.nanoTime();
        long deadline = started + budget.toNanos();
        int attempt = 0;
        while (!ids.isDone()) {
            attempt++;
            try {
                Duration left = Duration.ofNanos(Math.max(1_000_000_000L, deadline - System.nanoTime()));
                List<String> keys = tail.lastKeys(config.dedupWindow(), left);
                LOG.infof("Dedup window rebuilt from %s: %d recent id(s) in %d ms", config.topic(), keys.size(),
                        (System.nanoTime() - started) / 1_000_000);
                ids.complete(keys);
            } catch (Exception e) {
                if (System.nanoTime() >= deadline) {
                    LOG.warnf("Dedup window NOT rebuilt from %s within %s (%s): starting empty, so articles sent"
                            + " before this start may be published again", config.topic(), budget, e.toString());
                    ids.complete(List.of());
                } else {
                    LOG.debugf("Dedup window load attempt %d failed: %s", attempt, e.toString());
                    LockSupport.parkNanos(Duration.ofSeconds(1).toNanos());
                }
            }
        }
    }
}
