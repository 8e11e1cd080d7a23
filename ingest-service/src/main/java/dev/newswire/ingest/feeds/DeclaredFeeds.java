package dev.newswire.ingest.feeds;

import dev.newswire.ingest.messaging.BrokerRefusedException;
import dev.newswire.ingest.messaging.BrokerUnavailableException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.jboss.logging.Logger;

/**
 * Registers the feeds declared in the settings ({@code NEWSWIRE_INGEST_FEEDS}) that the registry does
 * not hold yet, on its own thread at start-up. Both steps wait out a broker outage however long it
 * lasts: the view must have read the registry first (registering a feed it holds would overwrite the
 * settings it was given by POST), and a registration the broker did not take is tried again. Before,
 * an outage of over two minutes at start-up left the declared feeds unregistered until a restart.
 * A URL the registry refuses (4xx) is logged and skipped: trying again would not change the answer.
 * A write the broker refuses by its settings (ACLs, topic) is logged with Kafka's reason and tried
 * again only every {@value #REFUSED_RETRY_FACTOR} retry periods (5 min by default): the settings may
 * be fixed (ACLs reconciled after the pod started), but not within seconds.
 */
final class DeclaredFeeds implements Runnable {

    private static final Logger LOG = Logger.getLogger(DeclaredFeeds.class);
    private static final Duration VIEW_CHECK = Duration.ofMillis(200);
    private static final long LOG_EVERY_NANOS = Duration.ofMinutes(1).toNanos();
    static final int REFUSED_RETRY_FACTOR = 60;

    private final List<String> urls;
    private final BooleanSupplier viewCaughtUp;
    private final Predicate<String> known;
    private final Consumer<String> register;
    private final Duration retry;
    private volatile boolean running = true;

    /**
     * @param known    whether the registry holds the feed of this URL already
     * @param register registers the feed of this URL; a {@link BrokerUnavailableException} means "try again"
     */
    DeclaredFeeds(List<String> urls, BooleanSupplier viewCaughtUp, Predicate<String> known, Consumer<String> register,
                  Duration retry) {
        this.urls = List.copyOf(urls);
        this.viewCaughtUp = viewCaughtUp;
        this.known = known;
        this.register = register;
        this.retry = retry;
    }

    void stop() {
        running = false;
    }

    @Override
    public void run() {
        long nextLog = System.nanoTime() + LOG_EVERY_NANOS;
        while (running && !viewCaughtUp.getAsBoolean()) {
            if (System.nanoTime() >= nextLog) {
                LOG.infof("Declared feeds wait for the feed registry to be read (is the broker up?)");
                nextLog = System.nanoTime() + LOG_EVERY_NANOS;
            }
            LockSupport.parkNanos(VIEW_CHECK.toNanos());
        }
        for (String url : urls) {
            declare(url);
        }
    }

    private void declare(String url) {
        for (int attempt = 1; running; attempt++) {
            if (known.test(url)) {
                return;
            }
            try {
                register.accept(url);
                LOG.infof("Feed declared in the settings registered: %s", url);
                return;
            } catch (BrokerRefusedException e) {
                LOG.errorf("Feed declared in the settings refused by the broker, trying again in %s: %s (%s)",
                        retry.multipliedBy(REFUSED_RETRY_FACTOR), url, e.getMessage());
                LockSupport.parkNanos(retry.multipliedBy(REFUSED_RETRY_FACTOR).toNanos());
            } catch (BrokerUnavailableException e) {
                if (attempt == 1 || attempt % 12 == 0) {
                    LOG.warnf("Feed declared in the settings not registered yet, trying again every %s: %s (%s)",
                            retry, url, e.getMessage());
                }
                LockSupport.parkNanos(retry.toNanos());
            } catch (RuntimeException e) {
                LOG.warnf("Feed declared in the settings NOT registered: %s (%s)", url, e.getMessage());
                return;
            }
        }
    }
}
