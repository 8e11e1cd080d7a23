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
import java.util.ArrayList;
import java.util.List;

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
        List<Stage> stages = new ArrayList<>();
        stages.add(new TextCleaner());                 // 1. HTML/plain text -> clean text + blocks
        stages.add(new TitleAndAuthorExtractor());     // 2. headline and "By ..." authors
        stages.add(new LanguageDetector());            // 3. language; non-English skips 4-8
        stages.add(new SentenceSplitter());            // 4. sentences, tokens, POS of prose blocks
        EntityExtractor entities = new EntityExtractor();
        entities.warmUp();                             //    first CoreNLP call is slow: pay it before ready
        stages.add(entities);                          // 5. entities (CoreNLP + alias merge + salience)
        stages.add(new KeyphraseExtractor(settings.maxKeyphrases()));                    // 6.
        stages.add(new TopicTagger(embedder, settings.tagThreshold(), settings.maxTags())); // 7.
        stages.add(new Summarizer(settings.summarySentences(), settings.summaryWords()));                         // 8.
        return new Pipeline(stages);
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
