package dev.newswire.enrich.pipeline;

import dev.newswire.enrich.pipeline.byline.TitleAndAuthorExtractor;
import dev.newswire.enrich.pipeline.clean.TextCleaner;
import dev.newswire.enrich.pipeline.models.SentenceEmbedder;
import dev.newswire.enrich.pipeline.entities.EntityExtractor;
import dev.newswire.enrich.pipeline.keyphrases.KeyphraseExtractor;
import dev.newswire.enrich.pipeline.language.LanguageDetector;
import dev.newswire.enrich.pipeline.sentences.SentenceSplitter;
import dev.newswire.enrich.pipeline.summary.Summarizer;
import dev.newswire.enrich.pipeline.tags.TopicTagger;
import dev.newswire.model.RawArticle;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The whole data path of enrichment, in order. Each stage reads what earlier stages filled in and
 * adds its own fields to an immutable {@link Document}; every stage is timed, and a failing stage
 * is named in the {@link StageFailedException} so the dead-letter record can say where it broke.
 * All stages are thread-safe, so one pipeline serves every worker thread.
 */
public final class Pipeline {

    /** Receives each stage's wall time, e.g. to record a metrics timer. */
    @FunctionalInterface
    public interface StageListener {
        StageListener NONE = (stage, nanos) -> { };

        void completed(String stage, long nanos);
    }

    /** Per-stage settings that the service reads from configuration. */
    public record Settings(int maxTags, double tagThreshold, int maxKeyphrases, int summarySentences, int summaryWords) {
        public static final Settings DEFAULTS = new Settings(5, TopicTagger.DEFAULT_THRESHOLD, 10, 3, Summarizer.DEFAULT_WORDS);

        /** Summaries of about {@link Summarizer#DEFAULT_WORDS} words. */
        public Settings(int maxTags, double tagThreshold, int maxKeyphrases, int summarySentences) {
            this(maxTags, tagThreshold, maxKeyphrases, summarySentences, Summarizer.DEFAULT_WORDS);
        }
    }

    private final List<Stage> stages;

    public Pipeline(List<Stage> stages) {
        this.stages = List.copyOf(stages);
    }

    /** The standard pipeline: loads every model, so it takes a few seconds; build it once. */
    public static Pipeline standard(SentenceEmbedder embedder, Settings settings) {
        return standard(() -> embedder, settings, Runnable::run);
    }

    /**
     * The standard pipeline, its three slow loads (the language profiles, CoreNLP's CRF with its first
     * call, MiniLM with the tag prototypes) run on {@code loaders} while this thread builds the rest:
     * the service's readiness waits on them, and at start-up the other processes are soon idle while
     * one loader thread took ~4 s alone (docs/benchmarks/enrich.md). {@code Runnable::run} loads in order.
     */
    public static Pipeline standard(Supplier<SentenceEmbedder> embedder, Settings settings, Executor loaders) {
        CompletableFuture<EntityExtractor> entities = CompletableFuture.supplyAsync(() -> {
            EntityExtractor extractor = new EntityExtractor();
            extractor.warmUp();                        // first CoreNLP call is slow: pay it before ready
            return extractor;
        }, loaders);
        CompletableFuture<TopicTagger> tags = CompletableFuture.supplyAsync(
                () -> new TopicTagger(embedder.get(), settings.tagThreshold(), settings.maxTags()), loaders);
        CompletableFuture<LanguageDetector> language = CompletableFuture.supplyAsync(LanguageDetector::new, loaders);
        // Meanwhile the quick ones, here.
        TextCleaner cleaner = new TextCleaner();
        TitleAndAuthorExtractor byline = new TitleAndAuthorExtractor();
        SentenceSplitter sentences = new SentenceSplitter();
        KeyphraseExtractor keyphrases = new KeyphraseExtractor(settings.maxKeyphrases());
        Summarizer summary = new Summarizer(settings.summarySentences(), settings.summaryWords());
        return new Pipeline(List.of(
                cleaner,                // 1. HTML/plain text -> clean text + blocks
                byline,                 // 2. headline and "By ..." authors
                loaded(language),       // 3. language; non-English skips 4-8
                sentences,              // 4. sentences, tokens, POS of prose blocks
                loaded(entities),       // 5. entities (CoreNLP + alias merge + salience)
                keyphrases,             // 6.
                loaded(tags),           // 7. topic tags (MiniLM)
                summary));              // 8.
    }

    /** The loaded stage, or the loader's own exception (not wrapped), as a load in order would throw. */
    private static <T> T loaded(CompletableFuture<T> load) {
        try {
            return load.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    public List<Stage> stages() {
        return stages;
    }

    public Document run(RawArticle raw) {
        return run(raw, StageListener.NONE);
    }

    public Document run(RawArticle raw, StageListener listener) {
        return run(Document.of(raw), listener);
    }

    /** Runs every stage on a document that earlier stages (or a test) already filled in part of. */
    public Document run(Document first, StageListener listener) {
        Document document = first;
        for (Stage stage : stages) {
            if (stage.englishOnly() && !document.isEnglish()) {
                document = document.skippedAsNotEnglish(stage.name(), stage.englishOnlyReason());
                continue;
            }
            long start = System.nanoTime();
            try {
                document = stage.apply(document);
            } catch (RuntimeException | StackOverflowError e) {
                throw new StageFailedException(stage.name(), e);
            }
            listener.completed(stage.name(), System.nanoTime() - start);
        }
        return document;
    }
}
