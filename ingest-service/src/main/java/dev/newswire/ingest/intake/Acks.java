package dev.newswire.ingest.intake;

import dev.newswire.ingest.messaging.BrokerUnavailableException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waiting for broker acks with a deadline, so no request outlives the publish timeout. */
public final class Acks {

    /** Slack over the producer's own bound, so its precise error usually wins over a bare timeout. */
    private static final Duration GRACE = Duration.ofMillis(750);

    private Acks() {
    }

    public static <T> T await(CompletableFuture<T> future, Duration timeout) {
        try {
            return future.get(timeout.plus(GRACE).toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new BrokerUnavailableException("The Kafka broker did not acknowledge the article within "
                    + timeout.toSeconds() + " s.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerUnavailableException("Interrupted while waiting for the broker.", e);
        } catch (ExecutionException e) {
            throw unwrap(e.getCause());
        }
    }

    public static RuntimeException unwrap(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
    }
}
