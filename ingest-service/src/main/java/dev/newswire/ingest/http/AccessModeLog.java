package dev.newswire.ingest.http;

import dev.newswire.ingest.config.IngestConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** Says at start-up whether writes are open or need a key (how many keys, never which). */
@ApplicationScoped
public class AccessModeLog {

    private static final Logger LOG = Logger.getLogger(AccessModeLog.class);

    void onStart(@Observes StartupEvent event, IngestConfig config,
                 @ConfigProperty(name = "quarkus.http.host", defaultValue = "0.0.0.0") String host) {
        long keys = config.apiKeys().map(list -> list.stream().filter(k -> !k.isBlank()).count()).orElse(0L);
        if (keys > 0) {
            LOG.infof("Writes need an API key (%d configured)", keys);
        } else if ("127.0.0.1".equals(host) || "localhost".equals(host) || "::1".equals(host)) {
            LOG.infof("Writes are open (no newswire.ingest.api-keys); listening on %s only", host);
        } else {
            LOG.warnf("Writes are open to anyone who can reach %s: set newswire.ingest.api-keys"
                    + " (NEWSWIRE_INGEST_API_KEYS) or quarkus.http.host=127.0.0.1", host);
        }
    }
}
