package dev.newswire.api.stream;

import dev.newswire.api.view.ArticleFilter;
import dev.newswire.api.view.ArticleIndex;
import dev.newswire.api.view.Position;
import dev.newswire.api.view.SseFrames;
import dev.newswire.api.view.StoredArticle;
import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * One SSE connection and its state machine, which only this class changes:
 * {@code CATCHING_UP → REPLAYING → LIVE → CLOSED} (a live start skips the first two, a replay that
 * the ring overtakes goes back to catching up, and any state can close). Touched only on its
 * connection's event loop ({@link #context()}); Kafka catch-up hands its writes over to that loop,
 * so it needs no locks.
 *
 * <p>Exactness: {@code lastSeq} is the last view record this subscriber has passed (sent or filtered
 * out); anything at or below it is ignored, so replay and live fan-out can overlap without duplicates.
 * {@code position} is its own resume position while it differs from the view's (a resume token from
 * another instance, a {@code since} time, a Kafka catch-up); once it equals the view's position it is
 * dropped (null) and the subscriber receives the shared, pre-built frames.
 *
 * <p>Slow clients, in every state: live = cut when the queue is full as the next event comes; replaying
 * or catching up = cut when the queue stays full for {@code drainGrace}. Cut = {@code event: resync},
 * then the response ends once the client read that far; one that never reads is reset by the idle
 * timeout. {@link Hooks#socketClosed()} fires once, when the socket is gone: the gauge counts sockets.
 */
final class Subscriber {

    enum State { CATCHING_UP, REPLAYING, LIVE, CLOSED }

    /** Why a subscriber is closed: the client left, or the server ends the stream (with a resync event). */
    enum CloseReason {
        CLIENT_GONE(null),
        SLOW("subscriber buffer full: reading too slowly"),
        CATCH_UP_FAILED("catch-up from Kafka failed");

        final String resyncReason;

        CloseReason(String resyncReason) {
            this.resyncReason = resyncReason;
        }
    }

    /** What the owner counts: cuts by reason, and sockets that are really closed. */
    interface Hooks {
        void cut(CloseReason reason);

        void socketClosed();
    }

    private final HttpServerResponse response;
    private final Context context;
    private final ArticleFilter filter;
    private final Hooks hooks;
    private final DrainWait drain;
    private State state = State.CATCHING_UP;
    private long lastSeq = -1;
    private Position position;                 // null = in step with the view's global position
    private Position reached;                  // exact point passed so far: what a reconnect resumes from
    private boolean socketClosed;
    private DirectChannel direct;              // null = every write goes through the response

    Subscriber(HttpServerResponse response, Context context, ArticleFilter filter, Position start,
               Duration drainGrace, Hooks hooks) {
        this.response = response;
        this.context = context;
        this.filter = filter;
        this.position = start;
        this.reached = start;
        this.hooks = hooks;
        this.drain = new DrainWait(response, context, drainGrace, () -> close(CloseReason.SLOW));
        response.closeHandler(v -> clientGone());
        response.exceptionHandler(e -> clientGone());
    }

    Context context() {
        return context;
    }

    /** Live in-step frames go straight to the channel from now on (see {@link DirectChannel}). */
    void writeDirectly(DirectChannel channel) {
        this.direct = channel;
    }

    ArticleFilter filter() {
        return filter;
    }

    State state() {
        return state;
    }

    boolean isOpen() {
        return state != State.CLOSED;
    }

    boolean isLive() {
        return state == State.LIVE;
    }

    /** Where this subscriber must continue from: its own position, else the point it reached. */
    Position resumePoint() {
        return position != null ? position : reached;
    }

    /** The exact point this subscriber has reached: what a reconnect must resume from. */
    Position reached() {
        return reached;
    }

    void writeAll(List<Buffer> frames) {
        frames.forEach(this::write);
    }

    // --- transitions -------------------------------------------------------------------------

    /** Starts live, in step with the view at {@code seq} / {@code at}. */
    void startLive(long seq, Position at) {
        if (isOpen()) {
            lastSeq = seq;
            position = null;
            reached = at;
            state = State.LIVE;
        }
    }

    /** Older records than the view holds come from Kafka first. */
    void catchUp(Position from) {
        if (isOpen()) {
            position = from;
            state = State.CATCHING_UP;
        }
    }

    /** Replays from the view: {@code firstSeq} is the first record at or after {@code from}. */
    void replay(Position from, long firstSeq) {
        if (isOpen()) {
            position = from;
            lastSeq = firstSeq - 1;
            state = State.REPLAYING;
        }
    }

    /** The replay reached the view's head; records appended meanwhile are queued behind us on this loop. */
    void goLive() {
        if (state == State.REPLAYING) {
            state = State.LIVE;
        }
    }

    long lastSeq() {
        return lastSeq;
    }

    /** The one way to close, whoever asks; idempotent. */
    void close(CloseReason reason) {
        if (state == State.CLOSED) {
            return;
        }
        state = State.CLOSED;
        drain.cancel();
        if (reason == CloseReason.CLIENT_GONE) {
            markSocketClosed();
            return;
        }
        hooks.cut(reason);
        try {
            response.drainHandler(null);
            // Ends once the client has read up to here; one that never does is reset by the idle timeout.
            response.write(SseFrames.resync(reached, reason.resyncReason)).onComplete(ar -> {
                if (ar.succeeded() && !response.ended()) {
                    response.end();
                    response.close();
                }
                markSocketClosed();
            });
        } catch (IllegalStateException e) {   // the response was closed meanwhile
            markSocketClosed();
        }
    }

    private void clientGone() {
        close(CloseReason.CLIENT_GONE);
        markSocketClosed();
    }

    private void markSocketClosed() {
        if (!socketClosed) {
            socketClosed = true;
            hooks.socketClosed();
        }
    }

    // --- delivery ----------------------------------------------------------------------------

    /**
     * Offers the next view record. Returns false when the subscriber is (now) closed. Filter results
     * are memoised per record in {@code memo} so 10,000 subscribers with one filter cost one check.
     * With {@code latest} (replays of history), a record superseded by a newer version of the same
     * article is passed over (its position still counts): the replay shows what a fully compacted
     * topic would, so a re-enriched article appears once, and a resume never repeats an article.
     */
    boolean offer(StoredArticle stored, Map<ArticleFilter, Boolean> memo, ArticleIndex latest) {
        return offer(stored, memo, latest, null);
    }

    /**
     * As above; {@code live} (the live fan-out's shared frame of {@code stored}) lets an in-step
     * subscriber with a {@link DirectChannel} queue the shared chunk; {@link #flush()} sends it.
     */
    boolean offer(StoredArticle stored, Map<ArticleFilter, Boolean> memo, ArticleIndex latest, LiveFrame live) {
        if (state == State.CLOSED) {
            return false;
        }
        if (stored.seq() <= lastSeq) {
            return true;
        }
        lastSeq = stored.seq();
        boolean fresh = position == null || stored.offset() >= position.next(stored.partition());
        if (position != null && fresh) {
            position = position.after(stored.partition(), stored.offset());
        }
        if (position != null && position.equals(stored.tokenAfter())) {
            position = null;
        }
        Position before = reached;
        reached = position != null ? position : stored.tokenAfter();
        if (!fresh || (latest != null && latest.byId(stored.id()) != stored) || !accepts(stored, memo)) {
            return true;
        }
        if (state == State.LIVE && response.writeQueueFull()) {
            // Checked before the write, so one frame larger than the queue does not cut a fast client.
            reached = before;
            lastSeq = stored.seq() - 1;
            close(CloseReason.SLOW);
            return false;
        }
        if (position != null) {
            write(SseFrames.article(position.token(), stored.json()));
        } else if (live != null && direct != null) {
            direct.write(live.chunk());
        } else {
            write(stored.frame());
        }
        return true;
    }

    /** Sends what {@link #offer} queued on the direct path: one flush per subscriber per batch. */
    void flush() {
        if (direct != null && state != State.CLOSED) {
            direct.flush();
        }
    }

    private boolean accepts(StoredArticle stored, Map<ArticleFilter, Boolean> memo) {
        if (filter.isAll()) {
            return true;
        }
        if (memo == null) {
            return filter.matches(stored.article());
        }
        return memo.computeIfAbsent(filter, f -> f.matches(stored.article()));
    }

    /** Catch-up hands over what it read from Kafka and the exact point it reached. */
    void catchUpReached(List<Buffer> frames, Position after) {
        if (isOpen()) {
            frames.forEach(this::write);
            position = after;
            reached = after;
        }
    }

    void write(Buffer frame) {
        if (state != State.CLOSED) {
            response.write(frame);
        }
    }

    boolean queueFull() {
        return state != State.CLOSED && response.writeQueueFull();
    }

    /**
     * True once the queue has room (at once when it has); false when the subscriber closed first,
     * which it does itself, as slow, when the queue stays full for {@code drainGrace} ({@link DrainWait}).
     */
    CompletionStage<Boolean> room() {
        if (state == State.CLOSED) {
            return CompletableFuture.completedFuture(false);
        }
        return drain.room();
    }
}
