package dev.newswire.api.stream;

import dev.newswire.api.view.StoredArticle;
import dev.newswire.api.view.SseFrames;
import dev.newswire.api.view.Position;
import dev.newswire.api.view.ArticleView;
import dev.newswire.api.view.ArticleLog;
import dev.newswire.api.view.ArticleFilter;
import dev.newswire.api.config.ApiConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.EventLoop;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.impl.ContextInternal;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Shared fan-out: one topic reader feeds every subscriber. Subscribers are grouped by the event
 * loop their connection lives on; a batch of records costs one task per loop, and each record's
 * frame is built once and written as the same bytes to every subscriber in step.
 *
 * <p>A new subscriber first replays from the view (or, for an older resume point, from Kafka via
 * {@link KafkaCatchUp}), then joins live delivery on its own loop; sequence numbers make the hand-over
 * exact (see {@link Subscriber}).
 */
@ApplicationScoped
public class StreamHub {

    private static final Logger LOG = Logger.getLogger(StreamHub.class);

    private final ArticleView view;
    private final ApiConfig.Stream config;
    private final KafkaCatchUp catchUp;
    private final Map<EventLoop, EventLoopFanOut> groups = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();
    private final Counter cutOff;

    public StreamHub(ArticleView view, ApiConfig config, KafkaCatchUp catchUp, MeterRegistry registry) {
        this.view = view;
        this.config = config.stream();
        this.catchUp = catchUp;
        registry.gauge("newswire.api.subscribers", open);
        this.cutOff = registry.counter("newswire.api.subscribers.cut", "reason", "slow");
    }

    /** Called by the topic reader (its own thread) after a batch was appended to the view. */
    public void publish(List<StoredArticle> batch) {
        if (batch.isEmpty()) {
            return;
        }
        for (EventLoopFanOut group : groups.values()) {
            group.loop.execute(() -> group.deliver(batch));
        }
    }

    public int subscribers() {
        return open.get();
    }

    /**
     * Starts a stream on the calling event loop. {@code start.from()} null = live from now on;
     * otherwise exactly the records at or after that position (gaps were described by the caller).
     */
    public void open(HttpServerResponse response, ArticleFilter filter, StartPoint start) {
        EventLoop loop = ((ContextInternal) Vertx.currentContext()).nettyEventLoop();
        EventLoopFanOut group = groups.computeIfAbsent(loop, this::newGroup);
        response.setChunked(true)
                .putHeader("Content-Type", "text/event-stream; charset=utf-8")
                .putHeader("Cache-Control", "no-cache, no-transform")
                .putHeader("X-Accel-Buffering", "no")
                .setWriteQueueMaxSize(config.subscriberBufferBytes());
        response.write(SseFrames.retry(config.retry()));
        Position from = start.from() != null ? start.from() : view.log().position();
        Subscriber[] holder = new Subscriber[1];
        Subscriber subscriber = new Subscriber(response, loop, filter, from, () -> cut(holder[0], group));
        holder[0] = subscriber;
        for (Buffer gap : start.gaps()) {
            response.write(gap);
        }
        response.closeHandler(v -> closed(subscriber, group));
        response.exceptionHandler(e -> closed(subscriber, group));
        group.add(subscriber);
        open.incrementAndGet();
        if (start.from() == null) {
            subscriber.startLive(view.log().head() - 1, view.log().position());
        } else {
            continueFrom(subscriber);
        }
    }

    private EventLoopFanOut newGroup(EventLoop loop) {
        EventLoopFanOut group = new EventLoopFanOut(loop);
        long every = Math.max(10, config.heartbeat().toMillis());
        loop.scheduleAtFixedRate(() -> group.heartbeat(SseFrames.heartbeat()), every, every, TimeUnit.MILLISECONDS);
        return group;
    }

    /** Replays from the view when it holds the subscriber's position, else reads older records from Kafka first. */
    void continueFrom(Subscriber subscriber) {
        if (!subscriber.isOpen()) {
            return;
        }
        ArticleLog log = view.log();
        Position position = subscriber.position != null ? subscriber.position : subscriber.reached();
        if (!log.covers(position)) {
            subscriber.state = Subscriber.State.CATCHING_UP;
            subscriber.position = position;
            catchUp.start(subscriber, position, view, () -> continueFrom(subscriber));
            return;
        }
        subscriber.position = position;
        subscriber.lastSeq = firstFreshSeq(log, position) - 1;
        subscriber.state = Subscriber.State.REPLAYING;
        replay(subscriber);
    }

    /**
     * The first record at or after {@code position}. Global positions only grow along the log, so
     * "some partition is past the position" flips once: a binary search finds it.
     */
    static long firstFreshSeq(ArticleLog log, Position position) {
        long lo = log.first();
        long hi = log.head();
        while (lo < hi) {
            long mid = (lo + hi) >>> 1;
            StoredArticle stored = log.get(mid);
            if (stored == null) {   // evicted meanwhile: look further on
                lo = mid + 1;
            } else if (stored.offset() >= position.next(stored.partition()) || isAhead(stored.tokenAfter(), position)) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    private static boolean isAhead(Position global, Position position) {
        for (int p = 0; p < global.partitions(); p++) {
            if (global.next(p) > position.next(p)) {
                return true;
            }
        }
        return false;
    }

    private void replay(Subscriber subscriber) {
        if (!subscriber.isOpen()) {
            return;
        }
        ArticleLog log = view.log();
        long head = log.head();
        int written = 0;
        while (subscriber.lastSeq + 1 < head) {
            StoredArticle stored = log.get(subscriber.lastSeq + 1);
            if (stored == null) {
                // The ring moved past this subscriber while it replayed: fetch the rest from Kafka.
                subscriber.position = subscriber.reached();
                continueFrom(subscriber);
                return;
            }
            subscriber.offer(stored, null, view.index());
            if (subscriber.response.writeQueueFull()) {
                subscriber.response.drainHandler(v -> replay(subscriber));
                return;
            }
            if (++written >= config.replayChunk()) {
                subscriber.loop.execute(() -> replay(subscriber));
                return;
            }
        }
        // Records appended after 'head' are queued on this loop behind us: joining now misses none.
        subscriber.response.drainHandler(null);
        subscriber.state = Subscriber.State.LIVE;
    }

    private void cut(Subscriber subscriber, EventLoopFanOut group) {
        if (!subscriber.isOpen()) {
            return;
        }
        cutOff.increment();
        HttpServerResponse response = subscriber.response;
        response.write(SseFrames.resync(subscriber.reached(), "subscriber buffer full: reading too slowly"));
        response.end();
        closed(subscriber, group);
        // Queued bytes stay for a client that resumes reading; one that never does is closed.
        subscriber.loop.schedule(() -> {
            try {
                response.close();
            } catch (RuntimeException e) {
                LOG.debugf("closing a cut subscriber: %s", e);
            }
        }, config.closeGrace().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void closed(Subscriber subscriber, EventLoopFanOut group) {
        if (subscriber.isOpen()) {
            subscriber.markClosed();
            group.closed();
            open.decrementAndGet();
        }
    }
}
