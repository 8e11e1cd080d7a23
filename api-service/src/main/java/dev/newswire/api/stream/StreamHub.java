package dev.newswire.api.stream;

import dev.newswire.api.config.ApiConfig;
import dev.newswire.api.view.ArticleFilter;
import dev.newswire.api.view.ArticleLog;
import dev.newswire.api.view.ArticleView;
import dev.newswire.api.view.Position;
import dev.newswire.api.view.SseFrames;
import dev.newswire.api.view.StoredArticle;
import dev.newswire.api.view.ViewListener;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerResponse;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Shared fan-out: one topic reader feeds every subscriber. Subscribers are grouped by the event
 * loop their connection lives on; a batch of records costs one task per loop, and each record's
 * frame is built once and written as the same bytes to every subscriber in step.
 *
 * <p>A new subscriber first replays from the view (or, for an older resume point, from Kafka via
 * {@link KafkaCatchUp}, whose result decides what comes next), then joins live delivery on its own
 * loop; sequence numbers make the hand-over exact (see {@link Subscriber}, which owns its state).
 */
@ApplicationScoped
public class StreamHub implements ViewListener {

    private final ArticleView view;
    private final ApiConfig.Stream config;
    private final KafkaCatchUp catchUp;
    private final Map<Context, EventLoopFanOut> groups = new ConcurrentHashMap<>();
    private final AtomicInteger openSockets = new AtomicInteger();
    private final MeterRegistry registry;
    private final Subscriber.Hooks hooks;
    private final Vertx vertx;
    private final Timer fanOutDelay;
    private List<StoredArticle> gathered;      // records waiting for the coalescing timer; guarded by this

    public StreamHub(ArticleView view, ApiConfig config, KafkaCatchUp catchUp, MeterRegistry registry, Vertx vertx) {
        this.view = view;
        this.vertx = vertx;
        this.config = config.stream();
        this.catchUp = catchUp;
        this.registry = registry;
        registry.gauge("newswire.api.subscribers", openSockets);
        this.hooks = new Subscriber.Hooks() {
            @Override
            public void cut(Subscriber.CloseReason reason) {
                registry.counter("newswire.api.subscribers.cut", "reason",
                        reason == Subscriber.CloseReason.SLOW ? "slow" : "catch-up-failed").increment();
            }

            @Override
            public void socketClosed() {
                openSockets.decrementAndGet();
            }
        };
        registry.counter("newswire.api.subscribers.cut", "reason", "slow");
        this.fanOutDelay = Timer.builder("newswire.api.stream.fanout.delay")
                .description("Live record handed to an event loop until written to all of its subscribers")
                .publishPercentiles(0.5, 0.99)
                .register(registry);
    }

    /** Called by the topic reader (its own thread) after a batch was appended to the view. */
    @Override
    public void appended(List<StoredArticle> batch) {
        if (batch.isEmpty()) {
            return;
        }
        long coalesce = config.coalesce().toMillis();
        if (coalesce > 0) {
            gather(batch, coalesce);
            return;
        }
        dispatch(batch);
    }

    /** The first record of a window starts its timer; the window's records then go out as one batch. */
    private synchronized void gather(List<StoredArticle> batch, long millis) {
        if (gathered == null) {
            gathered = new ArrayList<>(batch);
            vertx.setTimer(millis, id -> dispatch(takeGathered()));
        } else {
            gathered.addAll(batch);
        }
    }

    private synchronized List<StoredArticle> takeGathered() {
        List<StoredArticle> batch = gathered;
        gathered = null;
        return batch;
    }

    private void dispatch(List<StoredArticle> batch) {
        for (EventLoopFanOut group : groups.values()) {
            group.enqueue(batch);
        }
    }

    /** Open SSE connections (sockets), including cut ones whose client has not let go yet. */
    public int subscribers() {
        return openSockets.get();
    }

    /**
     * Starts a stream on the calling event loop. {@code start.from()} null = live from now on;
     * otherwise exactly the records at or after that position (gaps were described by the caller).
     */
    public void open(HttpServerResponse response, HttpConnection connection, ArticleFilter filter, StartPoint start) {
        // Requests run on duplicated contexts; their root is the event loop's own, shared by its connections.
        Context loop = VertxContext.getRootContext(Vertx.currentContext());
        EventLoopFanOut group = groups.computeIfAbsent(loop, this::newGroup);
        response.setChunked(true)
                .putHeader("Content-Type", "text/event-stream; charset=utf-8")
                .putHeader("Cache-Control", "no-cache, no-transform")
                .putHeader("X-Accel-Buffering", "no")
                .setWriteQueueMaxSize(config.subscriberBufferBytes());
        response.write(SseFrames.retry(config.retry()));
        Position from = start.from() != null ? start.from() : view.log().position();
        openSockets.incrementAndGet();
        Subscriber subscriber = new Subscriber(response, loop, filter, from, config.closeGrace(), hooks);
        if (config.directWrites()) {
            DirectChannel channel = DirectChannel.attach(response, connection, config.subscriberBufferBytes() / 4);
            if (channel != null) {
                subscriber.writeDirectly(channel);
                registry.counter("newswire.api.subscribers.direct").increment();
            }
        }
        subscriber.writeAll(start.gaps());
        group.add(subscriber);
        if (start.from() == null) {
            subscriber.startLive(view.log().head() - 1, view.log().position());
        } else {
            continueFrom(subscriber);
        }
    }

    private EventLoopFanOut newGroup(Context context) {
        EventLoopFanOut group = new EventLoopFanOut(context, fanOutDelay);
        long every = Math.max(10, config.heartbeat().toMillis());
        context.runOnContext(v -> context.owner().setPeriodic(every, every, id -> group.heartbeat(SseFrames.heartbeat())));
        return group;
    }

    /** Replays from the view when it holds the subscriber's position, else reads older records from Kafka first. */
    private void continueFrom(Subscriber subscriber) {
        if (!subscriber.isOpen()) {
            return;
        }
        ArticleLog log = view.log();
        Position position = subscriber.resumePoint();
        if (!log.covers(position)) {
            subscriber.catchUp(position);
            catchUp.read(subscriber, position, view).whenComplete((done, failure) -> subscriber.context().runOnContext(v -> {
                if (failure != null) {
                    subscriber.close(Subscriber.CloseReason.CATCH_UP_FAILED);
                } else {
                    continueFrom(subscriber);
                }
            }));
            return;
        }
        subscriber.replay(position, log.firstAtOrAfter(position));
        replay(subscriber);
    }

    private void replay(Subscriber subscriber) {
        ArticleLog log = view.log();
        long head = log.head();
        int written = 0;
        while (subscriber.isOpen() && subscriber.lastSeq() + 1 < head) {
            StoredArticle stored = log.get(subscriber.lastSeq() + 1);
            if (stored == null) {
                // The ring moved past this subscriber while it replayed: fetch the rest from Kafka.
                continueFrom(subscriber);
                return;
            }
            subscriber.offer(stored, null, view.index());
            if (subscriber.queueFull() || ++written >= config.replayChunk()) {
                // Yield the loop, and wait for the client (at most the grace) when its queue is full.
                subscriber.room().thenAccept(open -> subscriber.context().runOnContext(v -> {
                    if (open) {
                        replay(subscriber);
                    }
                }));
                return;
            }
        }
        subscriber.goLive();
    }
}
