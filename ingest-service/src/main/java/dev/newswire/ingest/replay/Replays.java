package dev.newswire.ingest.replay;

import dev.newswire.ingest.config.IngestConfig;
import dev.newswire.ingest.intake.ArticleIntake;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Starts, reports on and stops replays. Each replay runs on its own daemon thread; the last
 * {@value #KEPT} replays stay queryable after they finish.
 */
@ApplicationScoped
public class Replays {

    private static final int KEPT = 100;

    private final ArticleIntake intake;
    private final IngestConfig config;
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "newswire-replay");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, ReplayJob> jobs = new LinkedHashMap<>();

    public Replays(ArticleIntake intake, IngestConfig config) {
        this.intake = intake;
        this.config = config;
    }

    /** Checks the request, reads the folder and starts sending; returns at once with the status. */
    public ReplayStatus start(ReplayRequest request) {
        if (request == null || request.dir() == null || request.dir().isBlank()) {
            throw new ReplayRequestException("\"dir\" is required: the folder to replay, e.g. {\"dir\": \"seeds\"}.");
        }
        if (request.rate() < 0 || Double.isNaN(request.rate()) || Double.isInfinite(request.rate())) {
            throw new ReplayRequestException("\"ratePerSecond\" must be 0 (as fast as possible) or a positive number.");
        }
        Path dir = Path.of(request.dir()).toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new ReplayRequestException("\"dir\" " + dir + " is not a folder on the ingest-service's machine.");
        }
        checkAllowed(dir);
        List<Path> files;
        try {
            files = ReplayFiles.list(dir, request.pattern());
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            throw new ReplayRequestException("Cannot list " + dir + " with glob \"" + request.pattern() + "\": " + e.getMessage());
        }
        List<ReplayFiles.Item> items = ReplayFiles.read(files, config.maxArticleSize().asLongValue());
        String id = UUID.randomUUID().toString().substring(0, 8);
        ReplayJob job = new ReplayJob(id, dir, request, files, items, intake, config.replay().maxInFlight(),
                config.replay().progressInterval());
        synchronized (jobs) {
            jobs.put(id, job);
            trim();
        }
        threads.execute(job);
        return job.status();
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

    private void checkAllowed(Path dir) {
        Optional<List<String>> allowed = config.replay().allowedDirs();
        if (allowed.isEmpty() || allowed.get().isEmpty()) {
            return;
        }
        boolean inside = allowed.get().stream()
                .map(root -> Path.of(root).toAbsolutePath().normalize())
                .anyMatch(dir::startsWith);
        if (!inside) {
            throw new ReplayRequestException("\"dir\" " + dir + " is outside the folders this service may replay"
                    + " (newswire.ingest.replay.allowed-dirs).");
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
