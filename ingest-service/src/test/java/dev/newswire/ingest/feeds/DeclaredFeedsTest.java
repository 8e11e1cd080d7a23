package dev.newswire.ingest.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.newswire.ingest.messaging.BrokerUnavailableException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The feeds declared in the settings are registered however long the broker is away at start-up:
 * the registry is read first, however long that takes, and a write the broker did not take is tried
 * again. Only a URL the registry refuses is given up. The registry here is a fake; the thread and
 * the waiting are the real ones.
 */
class DeclaredFeedsTest {

    private static final String A = "https://example.org/a.xml";
    private static final String B = "https://example.org/b.xml";
    private static final String REFUSED = "ftp://example.org/c.xml";

    @Test
    void registrationsWaitForTheRegistryAndAreTriedAgainUntilTheBrokerTakesThem() throws Exception {
        AtomicBoolean caughtUp = new AtomicBoolean(false);
        AtomicInteger brokerDownFor = new AtomicInteger(5);   // writes refused before the broker is back
        Set<String> registered = ConcurrentHashMap.newKeySet();
        AtomicInteger attempts = new AtomicInteger();
        DeclaredFeeds declared = new DeclaredFeeds(List.of(A, REFUSED, B), caughtUp::get, registered::contains, url -> {
            attempts.incrementAndGet();
            if (url.startsWith("ftp:")) {
                throw new FeedRequestException(422, "url", "\"url\" must be an absolute http or https URL");
            }
            if (brokerDownFor.getAndDecrement() > 0) {
                throw new BrokerUnavailableException("The Kafka broker did not acknowledge the feed registry write", null);
            }
            registered.add(url);
        }, Duration.ofMillis(20));
        Thread thread = new Thread(declared, "declared-feeds-test");
        thread.start();

        // nothing is written before the registry has been read, however long that takes
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> attempts.get() == 0);
        caughtUp.set(true);
        await().atMost(Duration.ofSeconds(10)).until(() -> registered.containsAll(Set.of(A, B)));
        await().atMost(Duration.ofSeconds(10)).until(() -> !thread.isAlive());
        assertThat(registered).containsExactlyInAnyOrder(A, B);
        // five refused writes of A, then A, the refused URL once, then B
        assertThat(attempts.get()).isEqualTo(5 + 1 + 1 + 1);
    }

    @Test
    void aFeedTheRegistryHoldsIsNotWrittenAgain() {
        AtomicInteger attempts = new AtomicInteger();
        DeclaredFeeds declared = new DeclaredFeeds(List.of(A), () -> true, url -> true, url -> attempts.incrementAndGet(),
                Duration.ofMillis(20));
        declared.run();
        assertThat(attempts.get()).isZero();
    }

    @Test
    void stoppingEndsTheWait() {
        AtomicInteger attempts = new AtomicInteger();
        DeclaredFeeds declared = new DeclaredFeeds(List.of(A), () -> false, url -> false, url -> attempts.incrementAndGet(),
                Duration.ofMillis(20));
        Thread thread = new Thread(declared, "declared-feeds-stop-test");
        thread.start();
        declared.stop();
        await().atMost(Duration.ofSeconds(5)).until(() -> !thread.isAlive());
        assertThat(attempts.get()).isZero();
    }
}
