package dev.newswire.api.stream;

import io.vertx.core.Context;
import io.vertx.core.http.HttpServerResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * One subscriber's wait for its full write queue to drain (replay and catch-up pace themselves on
 * it): completes true when the response drains; when the queue stays full for {@code grace}, runs
 * the owner's {@code onGraceExpired} instead (the subscriber closes as slow, which {@link #cancel}s
 * the wait, answering false). Touched only on the connection's event loop, like its subscriber.
 */
final class DrainWait {

    private final HttpServerResponse response;
    private final Context context;
    private final Duration grace;
    private final Runnable onGraceExpired;
    private CompletableFuture<Boolean> pending;
    private long graceTimer = -1;

    DrainWait(HttpServerResponse response, Context context, Duration grace, Runnable onGraceExpired) {
        this.response = response;
        this.context = context;
        this.grace = grace;
        this.onGraceExpired = onGraceExpired;
    }

    /** True at once when the queue has room, else once it drains; one wait at a time is shared. */
    CompletionStage<Boolean> room() {
        if (!response.writeQueueFull()) {
            return CompletableFuture.completedFuture(true);
        }
        if (pending == null) {
            CompletableFuture<Boolean> waiting = new CompletableFuture<>();
            pending = waiting;
            response.drainHandler(v -> {
                response.drainHandler(null);
                cancelTimer();
                pending = null;
                waiting.complete(true);
            });
            graceTimer = context.owner().setTimer(Math.max(1, grace.toMillis()), id -> {
                graceTimer = -1;
                onGraceExpired.run();
            });
        }
        return pending;
    }

    /** The subscriber closed: no timer is left behind, and a pending wait answers false. */
    void cancel() {
        cancelTimer();
        if (pending != null) {
            pending.complete(false);
            pending = null;
        }
    }

    private void cancelTimer() {
        if (graceTimer >= 0) {
            context.owner().cancelTimer(graceTimer);
            graceTimer = -1;
        }
    }
}
