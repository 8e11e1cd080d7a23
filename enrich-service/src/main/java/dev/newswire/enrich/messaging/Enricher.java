package dev.newswire.enrich.messaging;

import dev.newswire.enrich.config.EnrichConfig;
import dev.newswire.enrich.pipeline.ArticleMapper;
import dev.newswire.enrich.pipeline.Document;
import dev.newswire.enrich.pipeline.Pipeline;
import dev.newswire.enrich.pipeline.PipelineWarmUp;
import dev.newswire.enrich.pipeline.RawArticleReader;
import dev.newswire.enrich.pipeline.RejectedRecordException;
import dev.newswire.enrich.pipeline.Stage;
import dev.newswire.enrich.pipeline.StageFailedException;
import dev.newswire.enrich.pipeline.models.ComputeSlots;
import dev.newswire.enrich.pipeline.models.SentenceEmbedder;
import dev.newswire.model.EnrichedArticle;
import dev.newswire.model.RawArticle;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * The service's one {@link Pipeline}. Models load on a background thread at start-up (several
 * seconds), then a short warm-up on bundled articles ({@link PipelineWarmUp}) runs, so HTTP health
 * answers at once and readiness stays DOWN until the models are in memory and warmed up.
 * Records per-stage latency ({@code newswire.enrich.stage} timer with a {@code stage} tag).
 */
@ApplicationScoped
public class Enricher {

    private static final Logger LOG = Logger.getLogger(Enricher.class);

    private final EnrichConfig config;
    private final MeterRegistry registry;
    private final CompletableFuture<Pipeline> pipeline = new CompletableFuture<>();
    private final Map<String, Timer> stageTimers = new ConcurrentHashMap<>();
    private final ComputeSlots slots;
    private final RawArticleReader reader;
    private final ArticleMapper mapper;
    private volatile long loadMillis = -1;
    private volatile int warmUpArticles;

    public Enricher(EnrichConfig config, MeterRegistry registry) {
        this.config = config;
        this.registry = registry;
        this.slots = new ComputeSlots(config.effectiveWorkers());
        this.reader = new RawArticleReader(config.maxRecordBytes());
        this.mapper = new ArticleMapper(config.pipelineVersion(), Clock.systemUTC());
        registry.gauge("newswire.enrich.models.load.seconds", this, e -> e.loadMillis / 1000.0);
    }

    void loadOnStart(@Observes StartupEvent event) {
        Thread loader = new Thread(this::load, "enrich-model-loader");
        loader.setDaemon(true);
        loader.start();
    }

    private void load() {
        long start = System.nanoTime();
        try {
            Pipeline.Settings settings = new Pipeline.Settings(config.tags().max(), config.tags().threshold(),
                    config.keyphrases().max(), config.summary().sentences(), config.summary().words());
            Pipeline loaded;
            AtomicInteger threads = new AtomicInteger();
            // The pipeline's slow model loads, side by side (Pipeline.standard with an executor).
            ExecutorService loaders = Executors.newFixedThreadPool(Math.max(1, config.modelLoaders()), r -> {
                Thread thread = new Thread(r, "enrich-model-loader-" + threads.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
            try {
                loaded = Pipeline.standard(this::embedder, settings, loaders);
            } finally {
                loaders.shutdown();
            }
            long modelsLoaded = System.nanoTime();
            LOG.infof("enrichment models loaded in %d ms: stages %s", TimeUnit.NANOSECONDS.toMillis(modelsLoaded - start),
                    loaded.stages().stream().map(Stage::name).toList());
            PipelineWarmUp.Result warm = PipelineWarmUp.run(loaded, config.warmUp().articles(), config.warmUp().maxTime());
            warmUpArticles = warm.articles();
            LOG.infof("pipeline warmed up on %d bundled articles in %d ms (%d ms CPU on this thread)", warm.articles(),
                    warm.took().toMillis(), warm.cpu().toMillis());
            loadMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            pipeline.complete(loaded);
        } catch (RuntimeException | Error e) {
            LOG.error("enrichment models failed to load; the service stays not ready", e);
            pipeline.completeExceptionally(e);
        }
    }

    private SentenceEmbedder embedder() {
        SentenceEmbedder embedder = new SentenceEmbedder();
        if (config.embedding().batchSize() > 1) {
            embedder = embedder.batching(config.embedding().batchSize(), config.embedding().maxWait(), slots);
        }
        return embedder;
    }

    public boolean isReady() {
        return pipeline.isDone() && !pipeline.isCompletedExceptionally();
    }

    /** Models loaded and warmed up, in ms (-1 before). */
    public long loadMillis() {
        return loadMillis;
    }

    /** Bundled articles the pipeline ran before readiness (see {@link PipelineWarmUp}). */
    public int warmUpArticles() {
        return warmUpArticles;
    }

    /**
     * Reads and enriches one record value; throws {@link RejectedRecordException} or {@link StageFailedException}.
     * Runs in one of the compute slots (one per core): more threads than that may call it, and wait.
     */
    public EnrichedArticle enrich(byte[] value, String key) {
        return enrichWithEmbedding(value, key).article();
    }

    /** The enriched article and the tags stage's document embedding (null when that stage did not run). */
    public record Enriched(EnrichedArticle article, float[] embedding) {
    }

    /** As {@link #enrich}, with the embedding the story step compares (carried on the pending record). */
    public Enriched enrichWithEmbedding(byte[] value, String key) {
        Pipeline loaded = awaitPipeline();
        return slots.compute(() -> {
            RawArticle raw = reader.read(value, key);
            Document document = loaded.run(raw, this::recordStage);
            return new Enriched(mapper.toEnriched(document), document.embedding());
        });
    }

    /** The compute slots (for tests). */
    ComputeSlots slots() {
        return slots;
    }

    private void recordStage(String stage, long nanos) {
        stageTimers.computeIfAbsent(stage, s -> Timer.builder("newswire.enrich.stage")
                .description("Time one pipeline stage takes per article")
                .tag("stage", s)
                .publishPercentileHistogram()
                .register(registry)).record(nanos, TimeUnit.NANOSECONDS);
    }

    private Pipeline awaitPipeline() {
        try {
            // Records arrive before the models are in memory only just after start-up: wait, don't reject.
            return pipeline.get(Duration.ofMinutes(5).toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for models", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("models not loaded after 5 minutes", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("models failed to load", e.getCause());
        }
    }
}
