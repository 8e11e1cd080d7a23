package dev.newswire.ingest.replay;

import dev.newswire.ingest.config.IngestConfig;
import dev.newswire.ingest.intake.RecentIdsLoader;
import dev.newswire.ingest.messaging.RawArticlePublisher;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Replays {@code newswire.ingest.replay-on-start.dir} once the service is up and the broker has the
 * raw topic ({@code ./newswire up} points it at seeds/), however long that takes. Runs on its own
 * thread so start-up and readiness do not wait for the broker.
 */
@ApplicationScoped
public class ReplayOnStart {

    private static final Logger LOG = Logger.getLogger(ReplayOnStart.class);

    private volatile boolean stopping;

    void onStart(@Observes StartupEvent event, IngestConfig config, RawArticlePublisher publisher, ReplayRegistry replays,
                 RecentIdsLoader window) {
        IngestConfig.ReplayOnStart settings = config.replayOnStart();
        if (settings.dir().isEmpty() || settings.dir().get().isBlank()) {
            return;
        }
        String dir = settings.dir().get();
        Thread starter = new Thread(() -> {
            // However long the broker takes: giving up after one wait left `./newswire up` without its
            // seeds whenever the broker came up late (a slow disk, a broker restarted meanwhile).
            while (!publisher.awaitTopic(settings.brokerWait())) {
                if (stopping) {
                    return;
                }
                LOG.warnf("Start-up replay of %s waits for topic %s (not reachable within %s; still waiting)", dir,
                        config.topic(), settings.brokerWait());
            }
            if (stopping) {
                return;
            }
            try {
                // Seeds published by an earlier run must come back as duplicates, not as new events.
                window.ids().get(config.dedupLoadTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException | TimeoutException e) {
                LOG.warnf("Start-up replay of %s waited for the dedup window in vain: %s", dir, e.toString());
            }
            try {
                ReplayStatus status = replays.start(new ReplayRequest(dir, settings.ratePerSecond(), settings.loop(),
                        settings.glob(), true));
                LOG.infof("Start-up replay %s of %s started", status.id(), dir);
            } catch (RuntimeException e) {
                LOG.errorf("Start-up replay of %s failed: %s", dir, e.getMessage());
            }
        }, "newswire-replay-on-start");
        starter.setDaemon(true);
        starter.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }
}
