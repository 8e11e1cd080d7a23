package dev.newswire.api.stream;

import dev.newswire.api.view.StoredArticle;
import dev.newswire.api.view.SseFrames;
import dev.newswire.api.view.Position;
import dev.newswire.api.view.ArticleIndex;
import dev.newswire.api.view.ArticleFilter;
import io.netty.channel.EventLoop;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import java.util.Map;

/**
 * One SSE connection. Touched only on its connection's event loop (catch-up from Kafka hands its
 * writes over to that loop), so it needs no locks.
 *
 * <p>Exactness: {@code lastSeq} is the last view record this subscriber has passed (sent or filtered
 * out); anything at or below it is ignored, so replay and live fan-out can overlap without duplicates.
 * {@code position} is its own resume position while it differs from the view's (a resume token from
 * another instance, a {@code since} time, a Kafka catch-up); once it equals the view's position it is
 * dropped (null) and the subscriber receives the shared, pre-built frames.
 */
final class Subscriber {

    enum State { CATCHING_UP, REPLAYING, LIVE, CLOSED }

    final HttpServerResponse response;
    final EventLoop loop;
    final ArticleFilter filter;
    State state = State.CATCHING_UP;
    long lastSeq = -1;
    Position position;                 // null = in step with the view's global position
    private Position reached;          // exact point passed so far: what a reconnect resumes from
    private final Runnable onCut;

    Subscriber(HttpServerResponse response, EventLoop loop, ArticleFilter filter, Position start, Runnable onCut) {
        this.response = response;
        this.loop = loop;
        this.filter = filter;
        this.position = start;
        this.reached = start;
        this.onCut = onCut;
    }

    boolean isOpen() {
        return state != State.CLOSED;
    }

    /**
     * Offers the next view record. Returns false when the subscriber is (now) closed. Filter results
     * are memoised per record in {@code memo} so 10,000 subscribers with one filter cost one check.
     */
    boolean offer(StoredArticle stored, Map<ArticleFilter, Boolean> memo) {
        return offer(stored, memo, null);
    }

    /**
     * With {@code latest} (replays of history), a record superseded by a newer version of the same
     * article is passed over (its position still counts): the replay shows what a fully compacted
     * topic would, so a re-enriched article appears once, and a resume never repeats an article.
     */
    boolean offer(StoredArticle stored, Map<ArticleFilter, Boolean> memo, ArticleIndex latest) {
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
        reached = position != null ? position : stored.tokenAfter();
        if (!fresh || (latest != null && latest.byId(stored.id()) != stored) || !accepts(stored, memo)) {
            return true;
        }
        write(position == null ? stored.frame() : SseFrames.article(position.token(), stored.json()));
        return checkBuffer();
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

    /** The exact point this subscriber has reached: what a reconnect must resume from. */
    Position reached() {
        return reached;
    }

    /** Kafka catch-up tracks the position itself and hands over the point it reached. */
    void catchUpReached(Position after) {
        position = after;
        reached = after;
    }

    /** A subscriber that starts live is in step with the view at {@code seq} / {@code at}. */
    void startLive(long seq, Position at) {
        lastSeq = seq;
        position = null;
        reached = at;
        state = State.LIVE;
    }

    void write(Buffer frame) {
        if (state != State.CLOSED) {
            response.write(frame);
        }
    }

    /** A live subscriber past its buffer is cut: the others never wait for it. */
    boolean checkBuffer() {
        if (state == State.LIVE && response.writeQueueFull()) {
            onCut.run();
            return false;
        }
        return true;
    }

    void markClosed() {
        state = State.CLOSED;
    }
}
