package dev.newswire.enrich.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of enrich-service, {@code newswire.enrich.*}; the defaults run locally. */
@ConfigMapping(prefix = "newswire.enrich")
public interface EnrichConfig {

    /** Threads running the pipeline; 0 means one per available core. */
    @WithDefault("0")
    int workers();

    /** Raw records larger than this go to the dead-letter topic unread (poison protection). */
    @WithDefault("1048576")
    int maxRecordBytes();

    /** Version written to {@code pipeline.version}; defaults to the application version. */
    @WithDefault("${quarkus.application.version:dev}")
    String pipelineVersion();

    Tags tags();

    Keyphrases keyphrases();

    Summary summary();

    interface Tags {
        /** Minimum calibrated score (0..1) of an emitted tag. */
        @WithDefault("0.5")
        double threshold();

        /** At most this many tags per article. */
        @WithDefault("5")
        int max();
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
}
