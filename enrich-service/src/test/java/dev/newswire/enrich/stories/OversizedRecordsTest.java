package dev.newswire.enrich.stories;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newswire.model.DeadLetterHeaders;
import dev.newswire.model.Topics;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.apache.kafka.streams.processor.TaskId;
import org.junit.jupiter.api.Test;

/** A record the broker can never take is skipped (an article to the DLQ), never retried forever. */
class OversizedRecordsTest {

    private final OversizedRecords handler = new OversizedRecords();

    @Test
    void anOversizedEnrichedArticleGoesToTheDeadLetterTopicAndProcessingResumes() {
        ProducerRecord<byte[], byte[]> article = new ProducerRecord<>(Topics.ENRICHED, bytes("a1"), bytes("{\"id\":\"a1\"}"));
        article.headers().add("ce_type", bytes("newswire.article.enriched.v1"));
        ProductionExceptionHandler.Response response = handler.handleError(CONTEXT, article, new RecordTooLargeException("too large"));
        assertThat(response.result()).isEqualTo(ProductionExceptionHandler.Result.RESUME);
        assertThat(response.deadLetterQueueRecords()).singleElement().satisfies(dead -> {
            assertThat(dead.topic()).isEqualTo(Topics.DLQ);
            assertThat(dead.value()).isEqualTo(article.value());
            assertThat(dead.headers().lastHeader("ce_type")).isNotNull();
            assertThat(new String(dead.headers().lastHeader(DeadLetterHeaders.ERROR_STAGE).value(), StandardCharsets.UTF_8))
                    .isEqualTo(StoryProcessor.STAGE);
            assertThat(new String(dead.headers().lastHeader(DeadLetterHeaders.SOURCE_TOPIC).value(), StandardCharsets.UTF_8))
                    .isEqualTo(Topics.ENRICHED_PENDING);
        });
    }

    @Test
    void anOversizedChangelogOrStoryRecordIsSkipped() {
        ProducerRecord<byte[], byte[]> state = new ProducerRecord<>("newswire-enrich-stories-story-states-changelog", bytes("st-1"), new byte[10]);
        ProductionExceptionHandler.Response response = handler.handleError(CONTEXT, state, new RecordTooLargeException("too large"));
        assertThat(response.result()).isEqualTo(ProductionExceptionHandler.Result.RESUME);
        assertThat(response.deadLetterQueueRecords()).isEmpty();
    }

    @Test
    void otherErrorsAreLeftToKafkaStreams() {
        ProducerRecord<byte[], byte[]> article = new ProducerRecord<>(Topics.ENRICHED, bytes("a1"), bytes("{}"));
        assertThat(handler.handleError(CONTEXT, article, new TimeoutException("broker away")).result())
                .isNotEqualTo(ProductionExceptionHandler.Result.RESUME);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static final ErrorHandlerContext CONTEXT = new ErrorHandlerContext() {
        public String topic() {
            return Topics.ENRICHED_PENDING;
        }

        public int partition() {
            return 0;
        }

        public long offset() {
            return 42;
        }

        public Headers headers() {
            return new RecordHeaders();
        }

        public String processorNodeId() {
            return StoryTopology.PROCESSOR;
        }

        public TaskId taskId() {
            return new TaskId(0, 0);
        }

        public long timestamp() {
            return 0;
        }

        public byte[] sourceRawKey() {
            return null;
        }

        public byte[] sourceRawValue() {
            return null;
        }
    };
}
