package dev.newswire.ingest.replay;

import dev.newswire.ingest.config.IngestConfig;
import dev.newswire.ingest.intake.ArticleIntake;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Starts, reports on and stops replays. Each replay runs on its own daemon thread, at most
 * {@code newswire.ingest.replay.max-running} at once, and reads only inside the replay roots
 * ({@link ReplayRoots}); the last {@value #KEPT} replays stay queryable after they finish.
 */
@ApplicationScoped
public class ReplayRegistry {

    private static final int KEPT = 100;
    private static final Logger LOG = Logger.getLogger(ReplayRegistry.class);

    private final ArticleIntake intake;
    private final IngestConfig config;
    private final ReplayRoots roots;
    /** One permit per replay that may run; taken before the folder is read, returned when the job ends. */
    private final Semaphore running;
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "newswire-replay");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, ReplayJob> jobs = new LinkedHashMap<>();

    public ReplayRegistry(ArticleIntake intake, IngestConfig config) {
        this.intake = intake;
        this.config = config;
        ReplayRoots configured = ReplayRoots.of(config.replay().roots());
        this.roots = config.replayOnStart().dir().filter(dir -> !dir.isBlank()).map(configured::with).orElse(configured);
        this.running = new Semaphore(Math.max(1, config.replay().maxRunning()));
        LOG.infof("Replay roots: %d folder(s) (newswire.ingest.replay.roots); %d replay(s) at once",
                roots.paths().size(), Math.max(1, config.replay().maxRunning()));
    }

    /** Checks the request, reads the folder and starts sending; returns at once with the status. */
    public ReplayStatus start(ReplayRequest request) {
        if (request == null) {
            throw new ReplayRequestException(400, "A JSON object is required, e.g. {\"dir\": \"seeds\"}.");
        }
        double maxRate = config.replay().maxRatePerSecond();
        if (request.rate() < 0 || Double.isNaN(request.rate()) || request.rate() > maxRate) {
            throw new ReplayRequestException("\"ratePerSecond\" must be 0 (as fast as possible) or a positive number"
                    + " up to " + maxRate + " (newswire.ingest.replay.max-rate-per-second).");
        }
        if (request.pattern().length() > config.replay().maxGlobLength()) {
            throw new ReplayRequestException("\"glob\" is longer than " + config.replay().maxGlobLength() + " characters.");
        }
        Path dir = roots.resolve(request.dir());
        if (!running.tryAcquire()) {
            throw new ReplayRequestException(429, config.replay().maxRunning() + " replays are running already"
                    + " (newswire.ingest.replay.max-running); stop one (DELETE /api/replay/{id}) or wait for one to finish.");
        }
        try {
            List<ReplayFiles.Entry> files;
            try {
                files = ReplayFiles.list(dir, request.pattern(), roots);
            } catch (IllegalArgumentException e) {
                throw new ReplayRequestException("\"glob\" is not a valid pattern: " + e.getMessage());
            } catch (java.io.UncheckedIOException e) {
                throw new ReplayRequestException(422, ReplayRoots.REFUSED);
            }
            List<ReplayFiles.Item> items = ReplayFiles.read(files, new ReplayFiles.Limits(config.maxArticleSize().asLongValue(),
                    config.maxBatchSize().asLongValue(), config.replay().maxBytes().asLongValue()));
            String id = UUID.randomUUID().toString().substring(0, 8);
            // A loop at "as fast as possible" would publish without end at the broker's pace: cap it.
            ReplayRequest paced = request.looping() && request.rate() == 0
                    ? new ReplayRequest(request.dir(), maxRate, true, request.glob(), request.skipDuplicates())
                    : request;
            ReplayJob job = new ReplayJob(id, paced, files.size(), items, intake, config.replay().maxInFlight(),
                    config.replay().progressInterval());
            synchronized (jobs) {
                jobs.put(id, job);
                trim();
            }
            threads.execute(() -> {
                try {
                    job.run();
                } finally {
                    running.release();
                }
            });
            return job.status();
        } catch (RuntimeException e) {
            running.release();
            throw e;
        }
    }

    public ReplayStatus status(String id) {
        return job(id).status();
    }

    public List<ReplayStatus> all() {
        Collection<ReplayJob> snapshot;
        synchronized (jobs) {
            snapshot = List.copyOf(jobs.values());
        }
        return snapshot.stream().map(ReplayJob::status).toList();
    }

    /** Asks the replay to stop after the article it is sending; returns its status. */
    public ReplayStatus stop(String id) {
        ReplayJob job = job(id);
        job.stop();
        return job.status();
    }

    @PreDestroy
    void shutdown() throws InterruptedException {
        synchronized (jobs) {
            jobs.values().forEach(ReplayJob::stop);
        }
        threads.shutdown();
        threads.awaitTermination(10, TimeUnit.SECONDS);
    }

    private ReplayJob job(String id) {
        synchronized (jobs) {
            return Optional.ofNullable(jobs.get(id)).orElseThrow(() -> new ReplayNotFoundException(id));
        }
    }

    private void trim() {
        var oldest = jobs.entrySet().iterator();
        while (jobs.size() > KEPT && oldest.hasNext()) {
            if (!oldest.next().getValue().running()) {
                oldest.remove();
            }
        }
    }
}
