package dev.newswire.ingest.replay;

import dev.newswire.ingest.config.IngestConfig;
import dev.newswire.ingest.messaging.RawArticlePublisher;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Replays {@code newswire.ingest.replay-on-start.dir} once the service is up and the broker has the
 * raw topic ({@code ./newswire up} points it at seeds/). Runs on its own thread so start-up and
 * readiness do not wait for the broker.
 */
@ApplicationScoped
public class ReplayOnStart {

    private static final Logger LOG = Logger.getLogger(ReplayOnStart.class);

    void onStart(@Observes StartupEvent event, IngestConfig config, RawArticlePublisher publisher, Replays replays) {
        IngestConfig.ReplayOnStart settings = config.replayOnStart();
        if (settings.dir().isEmpty() || settings.dir().get().isBlank()) {
            return;
        }
        String dir = settings.dir().get();
        Thread starter = new Thread(() -> {
            if (!publisher.awaitTopic(settings.brokerWait())) {
                LOG.errorf("Start-up replay of %s skipped: topic %s not reachable within %s", dir, config.topic(),
                        settings.brokerWait());
                return;
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
}
