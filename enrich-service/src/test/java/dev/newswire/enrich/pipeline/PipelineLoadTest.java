package dev.newswire.enrich.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newswire.enrich.pipeline.models.SentenceEmbedder;
import dev.newswire.model.RawArticle;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The service loads the pipeline's slow models on threads side by side: the stages must come out in
 * the pipeline's order and give what a load in order gives, the loads must really run off the
 * calling thread, and a load that fails must fail the pipeline with its own exception (the service
 * then stays not ready and says why), not a wrapper.
 */
class PipelineLoadTest {

    private final ExecutorService loaders = Executors.newFixedThreadPool(3);

    @AfterEach
    void stop() {
        loaders.shutdownNow();
    }

    @Test
    void aLoadSideBySideGivesTheStagesInOrderAndTheSameResults() {
        Set<String> loadThreads = ConcurrentHashMap.newKeySet();
        Pipeline parallel = Pipeline.standard(() -> {
            loadThreads.add(Thread.currentThread().getName());
            return new SentenceEmbedder();
        }, Pipeline.Settings.DEFAULTS, loaders);
        Pipeline inOrder = Pipeline.standard(new SentenceEmbedder(), Pipeline.Settings.DEFAULTS);

        assertThat(parallel.stages().stream().map(Stage::name).toList())
                .containsExactly("clean", "byline", "language", "sentences", "entities", "keyphrases", "tags", "summary")
                .isEqualTo(inOrder.stages().stream().map(Stage::name).toList());
        assertThat(loadThreads).doesNotContain(Thread.currentThread().getName()).hasSize(1);
        for (RawArticle raw : PipelineWarmUp.articles()) {
            Document a = parallel.run(raw);
            Document b = inOrder.run(raw);
            assertThat(List.of(a.language(), a.entities(), a.keyphrases(), a.tags(), a.summary()))
                    .as(raw.title()).isEqualTo(List.of(b.language(), b.entities(), b.keyphrases(), b.tags(), b.summary()));
            assertThat(a.embedding()).as(raw.title()).isEqualTo(b.embedding());
        }
    }

    @Test
    void aFailedLoadFailsThePipelineWithItsOwnException() {
        assertThatThrownBy(() -> Pipeline.standard(() -> {
            throw new IllegalStateException("cannot load the MiniLM model");
        }, Pipeline.Settings.DEFAULTS, loaders))
                .isExactlyInstanceOf(IllegalStateException.class)
                .hasMessage("cannot load the MiniLM model");
    }
}
