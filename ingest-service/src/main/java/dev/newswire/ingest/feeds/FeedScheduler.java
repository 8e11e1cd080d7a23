package dev.newswire.ingest.feeds;

import dev.newswire.ingest.config.IngestConfig;
import dev.newswire.ingest.feeds.fetch.HttpFetcher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Runs the polls of the feeds this replica owns ({@link FeedOwnership}) when they are due. The
 * schedule of an owned feed is this replica's alone: it starts from the feed's status in the view
 * (so a restart or a new owner continues where the last poll left off) and is written back after
 * each poll. A feed whose host is busy (or inside its gap) waits for a later tick rather than
 * holding a poll thread. A changed definition (a re-POST) clears a disabled state and polls at once.
 */
@ApplicationScoped
public class FeedScheduler implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(FeedScheduler.class);
    private static final long TICK_MS = 200;

    private final FeedView view;
    private final FeedOwnership ownership;
    private final FeedPoller poller;
    private final FeedStore store;
    private final FetchTools tools;
    private final PollsInFlight inFlight;
    private final int threads;
    private final Map<String, FeedStatus> current = new ConcurrentHashMap<>();
    private final Map<String, FeedDefinition> seen = new ConcurrentHashMap<>();
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    private Set<Integer> lastOwned = Set.of();
    private ScheduledExecutorService ticker;
    private ExecutorService polls;

    @Inject
    public FeedScheduler(IngestConfig config, FeedView view, FeedOwnership ownership, FeedPoller poller, FeedStore store,
                         FetchTools tools, PollsInFlight inFlight) {
        this.view = view;
        this.ownership = ownership;
        this.poller = poller;
        this.store = store;
        this.tools = tools;
        this.inFlight = inFlight;
        this.threads = Math.max(1, config.feeds().pollThreads());
    }

    public synchronized void start(String name) {
        if (ticker != null) {
            return;
        }
        AtomicInteger n = new AtomicInteger();
        polls = Executors.newFixedThreadPool(threads, r -> daemon(r, name + "-poll-" + n.incrementAndGet()));
        ticker = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, name + "-scheduler"));
        ticker.scheduleWithFixedDelay(this::tickSafely, TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
    }

    /** Feeds this replica is polling now (owned and known). */
    public int ownedFeeds() {
        return current.size();
    }

    private void tickSafely() {
        try {
            tick();
        } catch (RuntimeException e) {
            LOG.warn("feed scheduler tick failed; next tick retries", e);
        }
    }

    private void tick() {
        if (!view.caughtUp()) {
            return;
        }
        Set<Integer> owned = ownership.owned();
        if (!owned.equals(lastOwned)) {
            // A partition just came to us: read what its last owner wrote before continuing its schedule.
            if (!owned.containsAll(lastOwned) || !lastOwned.containsAll(owned)) {
                view.awaitCurrent(Duration.ofSeconds(5));
            }
            lastOwned = owned;
        }
        Instant now = Instant.now();
        Set<String> hostsThisTick = new HashSet<>();
        Set<String> live = new HashSet<>();
        for (FeedView.Entry entry : view.feeds()) {
            FeedDefinition feed = entry.feed();
            if (!owned.contains(entry.partition())) {
                continue;
            }
            live.add(feed.id());
            if (running.contains(feed.id())) {
                continue;
            }
            FeedStatus status = statusOf(feed, now);
            if (status.disabled() || status.nextPoll() == null || status.nextPoll().isAfter(now)) {
                continue;
            }
            String host = hostKey(feed.url());
            if (hostsThisTick.contains(host) || !tools.gate().isFree(host)) {
                continue;
            }
            hostsThisTick.add(host);
            running.add(feed.id());
            inFlight.started(entry.partition());
            polls.execute(() -> pollOnce(feed, status, entry.partition()));
        }
        current.keySet().retainAll(live);
        seen.keySet().retainAll(live);
    }

    private FeedStatus statusOf(FeedDefinition feed, Instant now) {
        FeedDefinition before = seen.put(feed.id(), feed);
        if (before != null && !before.equals(feed)) {
            // Re-POSTed (maybe with new settings): a disabled feed comes back, and it is polled now.
            FeedStatus old = current.getOrDefault(feed.id(), FeedStatus.fresh(feed.id(), now));
            FeedStatus reset = new FeedStatus(feed.id(), old.lastPoll(), old.lastSuccess(), old.httpStatus(), old.itemsSeen(),
                    old.itemsPublished(), 0, now, old.lastError(), old.lastWarning(), null, old.feedTitle(), old.etag(),
                    old.lastModified(), old.recentItemIds());
            current.put(feed.id(), reset);
            return reset;
        }
        return current.computeIfAbsent(feed.id(), id -> view.status(id).orElseGet(() -> FeedStatus.fresh(id, now)));
    }

    private void pollOnce(FeedDefinition feed, FeedStatus before, int partition) {
        try {
            FeedStatus after = poller.poll(feed, before);
            // Not after a delete (the status tombstone must stay the last word) or a hand-over.
            if (view.feed(feed.id()).isPresent() && ownership.owned().contains(partition)) {
                current.computeIfPresent(feed.id(), (id, old) -> old == before ? after : old);
                store.putStatus(after);
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "poll of feed %s failed unexpectedly", feed.id());
        } finally {
            running.remove(feed.id());
            inFlight.finished(partition);
        }
    }

    private static String hostKey(String url) {
        return HttpFetcher.hostKey(URI.create(url));
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    @Override
    public synchronized void close() {
        if (ticker != null) {
            ticker.shutdownNow();
            polls.shutdownNow();
            try {
                polls.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ticker = null;
        }
    }
}
