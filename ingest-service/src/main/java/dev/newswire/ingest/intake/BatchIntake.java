package dev.newswire.ingest.intake;

import dev.newswire.ingest.config.IngestConfig;
import dev.newswire.ingest.messaging.BrokerUnavailableException;
import dev.newswire.model.RawArticle;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * An NDJSON batch: one JSON article per line. Good lines are published (all in flight at once, then
 * awaited together) even when other lines are bad; each bad line is reported by number and reason.
 * Lines are split on raw bytes and decoded one by one, so one line of bad UTF-8 refuses only itself.
 */
@ApplicationScoped
public class BatchIntake {

    public static final String CHANNEL = "batch";

    private final ArticleIntake intake;
    private final IngestMetrics metrics;
    private final long maxLineBytes;
    private final Duration timeout;

    public BatchIntake(ArticleIntake intake, IngestMetrics metrics, IngestConfig config) {
        this.intake = intake;
        this.metrics = metrics;
        this.maxLineBytes = config.maxArticleSize().asLongValue();
        this.timeout = config.publish().timeout();
    }

    /**
     * Publishes the good lines. Throws {@link RejectedArticleException} when no line was good (so a
     * batch of garbage is a 4xx, not a 202), and {@link BatchPublishException} when the broker failed.
     */
    public BatchResult ingest(byte[] body) throws RejectedArticleException {
        Instant receivedAt = Instant.now();
        List<RawArticle> articles = new ArrayList<>();
        List<BatchResult.RejectedLine> rejected = new ArrayList<>();
        int lineNumber = 0;
        int start = 0;
        while (start <= body.length) {
            int end = indexOf(body, (byte) '\n', start);
            lineNumber++;
            byte[] line = Arrays.copyOfRange(body, start, end > start && body[end - 1] == '\r' ? end - 1 : end);
            start = end + 1;
            if (isBlank(line)) {
                continue;
            }
            try {
                if (line.length > maxLineBytes) {
                    throw new RejectedArticleException(Rejection.TOO_LARGE,
                            "The line is " + line.length + " bytes; an article may have at most " + maxLineBytes + ".");
                }
                articles.add(ArticleParser.fromJson(StrictText.utf8(line), ArticleParser.DEFAULT_SOURCE, receivedAt));
            } catch (RejectedArticleException e) {
                metrics.rejected(e.reason().slug());
                rejected.add(new BatchResult.RejectedLine(lineNumber, e.reason().status(), e.reason().slug(), e.getMessage()));
            }
        }
        if (articles.isEmpty()) {
            if (rejected.isEmpty()) {
                throw new RejectedArticleException(Rejection.MISSING_BODY,
                        "The batch is empty; send one JSON article per line.");
            }
            throw new RejectedArticleException(Rejection.INVALID_FIELD,
                    "No line of the batch is a valid article; see \"rejected\".", java.util.Map.of("rejected", rejected));
        }
        return publish(articles, rejected);
    }

    private BatchResult publish(List<RawArticle> articles, List<BatchResult.RejectedLine> rejected) {
        List<CompletableFuture<Accepted>> acks = new ArrayList<>(articles.size());
        for (RawArticle article : articles) {
            acks.add(intake.accept(article, CHANNEL));
        }
        RuntimeException failure = null;
        try {
            Acks.await(CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)), timeout);
        } catch (RuntimeException e) {
            failure = e;
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
            throw new BatchPublishException(accepted, failure instanceof BrokerUnavailableException
                    ? failure : new BrokerUnavailableException(failure.getMessage(), failure));
        }
        return new BatchResult(accepted, duplicates, rejected);
    }

    private static int indexOf(byte[] bytes, byte wanted, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return bytes.length;
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
