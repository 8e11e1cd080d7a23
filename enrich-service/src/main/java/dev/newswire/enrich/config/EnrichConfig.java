package dev.newswire.enrich.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of enrich-service, {@code newswire.enrich.*}; the defaults run locally. */
@ConfigMapping(prefix = "newswire.enrich")
public interface EnrichConfig {

    /**
     * Articles computing at once (compute slots); 0 means one per available core. More would only
     * make CoreNLP, OpenNLP and ONNX threads take turns on the same cores.
     */
    @WithDefault("0")
    int workers();

    /**
     * Articles in flight (being enriched) at once; 0 means one per compute slot, or four per slot
     * when MiniLM batching is on (so that several articles can share a model call while others compute).
     */
    @WithDefault("0")
    int inFlight();

    Embedding embedding();

    /** Raw records larger than this go to the dead-letter topic unread (poison protection). */
    @WithDefault("1048576")
    int maxRecordBytes();

    /** Version written to {@code pipeline.version}; defaults to the application version. */
    @WithDefault("${quarkus.application.version:dev}")
    String pipelineVersion();

    Tags tags();

    Keyphrases keyphrases();

    Summary summary();

    WarmUp warmUp();

    /**
     * Threads that load the pipeline's three slow models (language profiles, CoreNLP's CRF, MiniLM)
     * side by side at start-up, while the start-up thread builds the rest; 1 loads them in order.
     * Readiness waits on the slowest, and by then the other processes of a start are mostly idle.
     */
    @WithDefault("3")
    int modelLoaders();

    interface WarmUp {
        /**
         * Bundled articles run through the pipeline after the models load and before readiness turns
         * UP, so the first real articles do not pay for first calls and the first JIT compiles; 0 = off.
         * Each cold article costs ~180 ms CPU and start-up has a 15 s budget, so the default is one pass
         * over the four bundled texts; more cannot reach the C2 tail anyway (that takes hundreds of
         * articles, docs/benchmarks/enrich.md).
         */
        @WithDefault("4")
        int articles();

        /** The warm-up stops after this long whatever its count (a loaded machine must not start much later). */
        @WithDefault("PT1S")
        Duration maxTime();
    }

    interface Tags {
        /** Minimum calibrated score (0..1) of an emitted tag. */
        @WithDefault("0.5")
        double threshold();

        /** At most this many tags per article. */
        @WithDefault("5")
        int max();
    }

    interface Embedding {
        /**
         * At most this many articles' texts in one MiniLM call; 1 (default) turns batching off. On a
         * CPU with ONNX on one thread per article a padded batch costs as much per text as single calls
         * or more (docs/benchmarks/enrich.md, EmbeddingBatchBench), so it is off unless measured to pay.
         * With the int8 model a batch is also approximate: activations are quantised with one scale per
         * batch, so a text's vector depends on its batch mates (cosine 0.98-0.99, tag scores within ~0.07).
         */
        @WithDefault("1")
        int batchSize();

        /** How long a text waits for others to share its model call; a lone article waits this long. */
        @WithDefault("PT0.005S")
        Duration maxWait();
    }

    interface Keyphrases {
        /** At most this many keyphrases per article (at least 5 are emitted when the text has them). */
        @WithDefault("10")
        int max();
    }

    interface Summary {
        /** Most sentences in a summary. */
        @WithDefault("3")
        int sentences();

        /** Summary length in words (about; whole sentences, never longer than the text). */
        @WithDefault("60")
        int words();
    }

    default int effectiveWorkers() {
        return workers() > 0 ? workers() : Runtime.getRuntime().availableProcessors();
    }

    default int effectiveInFlight() {
        if (inFlight() > 0) {
            return Math.max(inFlight(), effectiveWorkers());
        }
        return embedding().batchSize() > 1 ? 4 * effectiveWorkers() : effectiveWorkers();
    }
}
