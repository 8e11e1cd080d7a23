package dev.newswire.ingest.intake;

import dev.newswire.ingest.config.IngestConfig;
import dev.newswire.ingest.messaging.BrokerRefusedException;
import dev.newswire.ingest.messaging.BrokerUnavailableException;
import dev.newswire.model.RawArticle;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An NDJSON batch: one JSON article per line, read line by line from the request stream. The whole
 * batch is read and checked first (size, line count), so a batch over a limit publishes nothing;
 * then good lines are published with at most {@code batch-in-flight} sends outstanding, under ONE
 * deadline for the whole batch (the publish timeout), and each bad line is reported by number and
 * reason. Lines are decoded one by one, so one line of bad UTF-8 refuses only itself.
 */
@ApplicationScoped
public class BatchIntake {

    public static final String CHANNEL = "batch";
    /** Slack over the deadline for acks already on their way, as for a single article. */
    private static final Duration GRACE = Duration.ofMillis(750);

    private final ArticleIntake intake;
    private final IngestMetrics metrics;
    private final long maxLineBytes;
    private final long maxBatchBytes;
    private final int maxLines;
    private final int inFlight;
    private final int listedRejections;
    private final Duration timeout;

    public BatchIntake(ArticleIntake intake, IngestMetrics metrics, IngestConfig config) {
        this.intake = intake;
        this.metrics = metrics;
        this.maxLineBytes = config.maxArticleSize().asLongValue();
        this.maxBatchBytes = config.maxBatchSize().asLongValue();
        this.maxLines = config.maxBatchLines();
        this.inFlight = Math.max(1, config.batchInFlight());
        this.listedRejections = config.maxRejectionsListed();
        this.timeout = config.publish().timeout();
    }

    /**
     * Reads and publishes the batch. Throws {@link RejectedArticleException} for a batch over a
     * limit or without one good line (a batch of garbage is a 4xx, not a 202),
     * {@link BatchPublishException} when the broker failed, {@link ServiceBusyException} when the
     * service holds its cap of bytes in flight.
     */
    public BatchResult ingest(InputStream body, long declaredLength, BytesInFlight.Lease lease) throws RejectedArticleException {
        BoundedBody.checkDeclared(declaredLength, maxBatchBytes, "batch");
        Instant receivedAt = Instant.now();
        List<RawArticle> articles = new ArrayList<>();
        BatchRejections rejections = new BatchRejections(listedRejections);
        NdjsonLines lines = new NdjsonLines(body, maxLineBytes, maxBatchBytes, maxLines, lease);
        for (NdjsonLines.Line line = lines.next(); line != null; line = lines.next()) {
            try {
                if (line.bytes() == null) {
                    throw new RejectedArticleException(Rejection.TOO_LARGE,
                            "The line is " + line.length() + " bytes; an article may have at most " + maxLineBytes + ".");
                }
                if (isBlank(line.bytes())) {
                    continue;
                }
                articles.add(ArticleParser.fromJson(StrictText.utf8(line.bytes()), ArticleParser.DEFAULT_SOURCE, receivedAt));
            } catch (RejectedArticleException e) {
                metrics.rejected(e.reason().slug());
                rejections.add(line.number(), e);
            }
        }
        if (articles.isEmpty()) {
            if (rejections.isEmpty()) {
                throw new RejectedArticleException(Rejection.MISSING_BODY,
                        "The batch is empty; send one JSON article per line.");
            }
            throw new RejectedArticleException(Rejection.INVALID_FIELD,
                    "No line of the batch is a valid article; see \"rejected\" (the first " + listedRejections
                            + " of " + rejections.count() + ").", rejections.asDetails());
        }
        return publish(articles, rejections);
    }

    private BatchResult publish(List<RawArticle> articles, BatchRejections rejections) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Semaphore sendsLeft = new Semaphore(inFlight);
        AtomicReference<Throwable> firstFailure = new AtomicReference<>();
        List<CompletableFuture<Accepted>> acks = new ArrayList<>(articles.size());
        RuntimeException failure = null;
        for (RawArticle article : articles) {
            // After the first failure the broker is down or refusing: sending the rest would only
            // wait out the producer's bound once more per line.
            if (firstFailure.get() != null) {
                break;
            }
            if (!acquire(sendsLeft, deadline)) {
                failure = notWithinDeadline();
                break;
            }
            CompletableFuture<Accepted> ack = intake.accept(article, CHANNEL);
            ack.whenComplete((ok, error) -> {
                sendsLeft.release();
                if (error != null) {
                    firstFailure.compareAndSet(null, error);
                }
            });
            acks.add(ack);
        }
        try {
            long remaining = Math.max(0, deadline - System.nanoTime()) + GRACE.toNanos();
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(remaining, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            failure = notWithinDeadline();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = new BrokerUnavailableException("Interrupted while waiting for the broker.", e);
        } catch (ExecutionException e) {
            failure = Acks.unwrap(e.getCause());
        }
        if (failure == null && firstFailure.get() != null) {
            failure = Acks.unwrap(firstFailure.get());
        }
        if (failure == null && acks.size() < articles.size()) {
            failure = notWithinDeadline();
        }
        List<String> accepted = new ArrayList<>();
        List<String> duplicates = new ArrayList<>();
        for (CompletableFuture<Accepted> ack : acks) {
            if (ack.isDone() && !ack.isCompletedExceptionally()) {
                Accepted ok = ack.join();
                accepted.add(ok.id());
                if (ok.duplicate()) {
                    duplicates.add(ok.id());
                }
            }
        }
        if (failure != null) {
            // Refused for good or not answered: as is. Anything else answers as an outage, with a fixed
            // message (its own may be Kafka's text, which stays in the log).
            throw new BatchPublishException(accepted, failure instanceof BrokerUnavailableException
                    || failure instanceof BrokerRefusedException ? failure
                    : new BrokerUnavailableException("The Kafka broker did not acknowledge every line.", failure));
        }
        return new BatchResult(accepted, duplicates, rejections.listed(), rejections.count(), rejections.byCode());
    }

    private static boolean acquire(Semaphore permits, long deadline) {
        try {
            return permits.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private BrokerUnavailableException notWithinDeadline() {
        return new BrokerUnavailableException("The Kafka broker did not acknowledge the batch within "
                + timeout.toSeconds() + " s.", null);
    }

    private static boolean isBlank(byte[] line) {
        for (byte b : line) {
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }
}
