package dev.newswire.ingest.intake;

import dev.newswire.ingest.config.IngestConfig;
import dev.newswire.ingest.messaging.BrokerUnavailableException;
import dev.newswire.ingest.messaging.RawArticlePublisher;
import dev.newswire.model.RawArticle;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * The one way into the raw topic for every channel (HTTP, NDJSON, replay): skip repeats within the
 * recent-ids window, publish the rest, count both. Futures complete on the broker's ack.
 */
@ApplicationScoped
public class ArticleIntake {

    /** Quarkus's worker pool (Mutiny's default worker pool is set to it at start-up). */
    private static final Executor WORKERS = command -> Infrastructure.getDefaultWorkerPool().execute(command);

    private final RawArticlePublisher publisher;
    private final IngestMetrics metrics;
    private final RecentIds recent;
    /** Done once the window holds the raw topic's recent ids (issue 12: repeats survive a restart). */
    private final CompletableFuture<Void> windowLoaded;

    public ArticleIntake(RawArticlePublisher publisher, IngestMetrics metrics, IngestConfig config,
                         RecentIdsLoader loader) {
        this.publisher = publisher;
        this.metrics = metrics;
        this.recent = new RecentIds(config.dedupWindow());
        this.windowLoaded = loader.ids().thenAccept(recent::preload);
    }

    /**
     * Publishes {@code article} unless its id was published recently (then answers duplicate). A
     * repeat that arrives while the first copy is still in flight waits for that first copy: if it
     * is acked the repeat is a duplicate, if it failed the repeat publishes itself.
     */
    public CompletableFuture<Accepted> accept(RawArticle article, String channel) {
        if (!windowLoaded.isDone()) {
            // A repeat can only be told apart once the window knows what the topic already holds.
            return windowLoaded.copy().orTimeout(publisher.timeout().toMillis(), TimeUnit.MILLISECONDS)
                    .handle((loaded, failed) -> failed)
                    .thenComposeAsync(failed -> failed == null ? accept(article, channel)
                            : CompletableFuture.failedFuture(new BrokerUnavailableException("The dedup window is still"
                                    + " being rebuilt from the raw topic; nothing was published.", failed)), WORKERS);
        }
        CompletableFuture<Void> mine = new CompletableFuture<>();
        CompletableFuture<Void> earlier = recent.claim(article.id(), mine);
        if (earlier != null) {
            return earlier.handle((ok, failed) -> failed == null)
                    .thenCompose(wasPublished -> {
                        if (wasPublished) {
                            metrics.duplicate();
                            return CompletableFuture.completedFuture(new Accepted(article.id(), true));
                        }
                        // The earlier future completes on the producer's I/O thread, which must not
                        // send: publish on the worker pool. Not thenComposeAsync's default executor:
                        // with fewer than 3 cores that starts a new thread per task (one per
                        // repeated line of a batch: 140,021 threads for 100,000 identical lines).
                        return CompletableFuture.supplyAsync(() -> accept(article, channel), WORKERS).thenCompose(next -> next);
                    });
        }
        return send(article, channel).whenComplete((accepted, failed) -> {
            if (failed == null) {
                recent.published(article.id());
                mine.complete(null);
            } else {
                recent.release(article.id(), mine);
                mine.completeExceptionally(failed);
            }
        });
    }

    /** Publishes even when the id is in the window: a looping replay re-sends the same articles on purpose. */
    public CompletableFuture<Accepted> publishAgain(RawArticle article, String channel) {
        return send(article, channel).whenComplete((accepted, failed) -> {
            if (failed == null) {
                recent.published(article.id());
            }
        });
    }

    private CompletableFuture<Accepted> send(RawArticle article, String channel) {
        long started = System.nanoTime();
        return publisher.publish(article, channel).thenApply(metadata -> {
            metrics.publishLatency(System.nanoTime() - started);
            metrics.accepted(channel);
            return new Accepted(article.id(), false);
        });
    }
}
