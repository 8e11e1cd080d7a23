package dev.newswire.ingest.replay;

import dev.newswire.ingest.intake.Accepted;
import dev.newswire.ingest.intake.ArticleIntake;
import dev.newswire.model.RawArticle;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.jboss.logging.Logger;

/**
 * One running replay: sends the folder's articles at the requested pace (or as fast as the broker
 * acks, keeping up to {@code maxInFlight} sends outstanding), loops if asked, logs progress every
 * few seconds, and stops between two articles when asked.
 */
final class ReplayJob implements Runnable {

    static final String CHANNEL = "replay";
    private static final Logger LOG = Logger.getLogger(ReplayJob.class);

    private final String id;
    private final ReplayRequest request;
    private final int files;
    private final List<ReplayFiles.Item> items;
    private final ArticleIntake intake;
    private final int maxInFlight;
    private final Semaphore inFlight;
    private final Duration progressInterval;

    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private volatile boolean stopRequested;
    private volatile String state = "RUNNING";
    private volatile int pass;
    private volatile Instant startedAt = Instant.now();
    private volatile long startedNanos = System.nanoTime();
    private volatile Instant finishedAt;
    private volatile long finishedNanos;

    ReplayJob(String id, ReplayRequest request, int files, List<ReplayFiles.Item> items,
              ArticleIntake intake, int maxInFlight, Duration progressInterval) {
        this.id = id;
        this.request = request;
        this.files = files;
        this.items = items;
        this.intake = intake;
        this.maxInFlight = Math.max(1, maxInFlight);
        this.inFlight = new Semaphore(this.maxInFlight);
        this.progressInterval = progressInterval;
    }

    @Override
    public void run() {
        startedAt = Instant.now();
        startedNanos = System.nanoTime();
        LOG.infof("Replay %s: %d article(s) from %d file(s) in %s (glob %s, rate %s%s)", id, items.size(),
                files, request.dir(), request.pattern(), request.rate() <= 0 ? "max" : request.rate() + "/s",
                request.looping() ? ", looping" : "");
        try {
            long nextLog = System.nanoTime() + progressInterval.toNanos();
            long n = 0;
            do {
                pass++;
                for (ReplayFiles.Item item : items) {
                    if (stopRequested) {
                        break;
                    }
                    if (request.rate() > 0) {
                        waitUntil(startedNanos + (long) (n * 1_000_000_000d / request.rate()));
                    }
                    n++;
                    send(item);
                    if (System.nanoTime() >= nextLog) {
                        logProgress();
                        nextLog = System.nanoTime() + progressInterval.toNanos();
                    }
                }
            } while (request.looping() && !stopRequested && items.stream().anyMatch(ReplayFiles.Item::valid));
            inFlight.acquireUninterruptibly(maxInFlight);
            inFlight.release(maxInFlight);
            state = stopRequested ? "STOPPED" : "DONE";
        } catch (RuntimeException e) {
            state = "FAILED";
            LOG.errorf(e, "Replay %s failed", id);
        } finally {
            finishedNanos = System.nanoTime();
            finishedAt = Instant.now();
            ReplayStatus done = status();
            LOG.infof("Replay %s %s: sent %d of %d (duplicates %d, failed %d, rejected %d) in %d pass(es), %.1f/s",
                    id, done.state(), done.sent(), done.total(), done.duplicates(), done.failed(), done.rejected(),
                    done.pass(), done.actualRatePerSecond());
        }
    }

    private void send(ReplayFiles.Item item) {
        if (!item.valid()) {
            rejected.incrementAndGet();
            if (pass == 1) {
                LOG.warnf("Replay %s: skipped %s%s: %s", id, item.file(), item.line() > 0 ? " line " + item.line() : "",
                        item.rejection());
            }
            return;
        }
        RawArticle article = item.article().withReceivedAt(Instant.now());
        inFlight.acquireUninterruptibly();
        CompletableFuture<Accepted> ack = pass == 1 && request.skippingDuplicates()
                ? intake.accept(article, CHANNEL)
                : intake.publishAgain(article, CHANNEL);
        ack.whenComplete((accepted, error) -> {
            if (error != null) {
                if (failed.incrementAndGet() == 1) {
                    LOG.warnf("Replay %s: the broker did not take %s: %s", id, item.file(), error.getMessage());
                }
            } else if (accepted.duplicate()) {
                duplicates.incrementAndGet();
            } else {
                sent.incrementAndGet();
            }
            // Released after counting, so the final status (taken once all permits are back) is complete.
            inFlight.release();
        });
    }

    /** Pacing, not synchronisation: parks until the article's slot, waking early when stopped. */
    private void waitUntil(long deadlineNanos) {
        long remaining;
        while (!stopRequested && (remaining = deadlineNanos - System.nanoTime()) > 0) {
            LockSupport.parkNanos(Math.min(remaining, 100_000_000L));
        }
    }

    private void logProgress() {
        ReplayStatus now = status();
        LOG.infof("Replay %s: pass %d, sent %d of %d (duplicates %d, failed %d, rejected %d), %.1f/s", id, now.pass(),
                now.sent(), now.total(), now.duplicates(), now.failed(), now.rejected(), now.actualRatePerSecond());
    }

    void stop() {
        stopRequested = true;
    }

    boolean running() {
        return "RUNNING".equals(state);
    }

    ReplayStatus status() {
        long end = finishedAt == null ? System.nanoTime() : finishedNanos;
        double seconds = Math.max(1e-3, (end - startedNanos) / 1e9);
        long sentNow = sent.get();
        return new ReplayStatus(id, request.dir(), request.pattern(), request.rate(), request.looping(), state,
                pass, files, items.size(), sentNow, duplicates.get(), failed.get(), rejected.get(),
                Math.round(sentNow / seconds * 10) / 10.0, startedAt, finishedAt);
    }
}
