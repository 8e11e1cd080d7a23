package dev.newswire.enrich.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newswire.enrich.config.TestEnrichConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

/**
 * The worker settings reach the classes that use them: compute slots in Enricher (how many articles
 * run the NLP at once), articles in flight in RawArticleProcessor. No models are loaded.
 */
class WorkerSizingTest {

    @Test
    void computeSlotsFollowTheWorkersSetting() {
        assertThat(new Enricher(TestEnrichConfig.of(3, 0, 1, 1024), new SimpleMeterRegistry()).slots().size()).isEqualTo(3);
        assertThat(new Enricher(TestEnrichConfig.of(0, 0, 1, 1024), new SimpleMeterRegistry()).slots().size())
                .isEqualTo(Runtime.getRuntime().availableProcessors());
    }

    @Test
    void articlesInFlightFollowTheInFlightAndBatchSettings() {
        assertThat(processor(2, 0, 1).concurrency()).isEqualTo(2);
        assertThat(processor(2, 0, 8).concurrency()).isEqualTo(8);
        assertThat(processor(2, 5, 1).concurrency()).isEqualTo(5);
    }

    private static RawArticleProcessor processor(int workers, int inFlight, int batchSize) {
        var config = TestEnrichConfig.of(workers, inFlight, batchSize, 1024);
        DeadLetterPublisher deadLetters = new DeadLetterPublisher(new CapturingEmitter());
        RawArticleProcessor processor = new RawArticleProcessor(new Enricher(config, new SimpleMeterRegistry()), deadLetters,
                new EnrichedMessageBuilder(deadLetters), config, new SimpleMeterRegistry());
        processor.stop();
        return processor;
    }
}
