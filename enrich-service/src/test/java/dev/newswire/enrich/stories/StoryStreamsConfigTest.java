package dev.newswire.enrich.stories;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

/**
 * The story step's Kafka Streams settings as Kafka resolves them (prefixes, defaults, overrides): a
 * broker outage of any length is waited out. With the producer defaults (delivery 120 s, blocking
 * 60 s) a 10-minute outage expired changelog records, killed the stream thread and republished 41
 * articles (docs/benchmarks.md, 10-minute outage run).
 */
class StoryStreamsConfigTest {

    private final StreamsConfig config = new StreamsConfig(
            StoryStreams.properties("127.0.0.1:9", "newswire-enrich-stories", "target/streams-config-test", 0));

    @Test
    void theStreamsProducerNeverGivesUpOnARecordDuringAnOutageOfDays() {
        Map<String, Object> producer = config.getProducerConfigs("stories-producer");
        long day = Duration.ofDays(1).toMillis();
        assertThat(((Number) producer.get(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG)).longValue()).isGreaterThan(day);
        assertThat(((Number) producer.get(ProducerConfig.MAX_BLOCK_MS_CONFIG)).longValue()).isGreaterThan(day);
        assertThat(producer.get(ProducerConfig.ACKS_CONFIG)).isEqualTo("all");
    }

    @Test
    void oneProduceBatchPerPartitionHoldsAWholeLingerOfChangelogAndOutputRecords() {
        // ~2.6 kB of story-states changelog per article: at 80 articles/s a 100 ms linger is ~21 kB, and
        // the default 16 KiB batch would be sent full at once, as one more produce request.
        Map<String, Object> producer = config.getProducerConfigs("stories-producer");
        assertThat(producer.get(ProducerConfig.BATCH_SIZE_CONFIG)).as("batch.size set for the story step's producer").isNotNull();
        assertThat(((Number) producer.get(ProducerConfig.BATCH_SIZE_CONFIG)).intValue()).isGreaterThanOrEqualTo(64 * 1024);
        assertThat(Long.parseLong(String.valueOf(producer.get(ProducerConfig.LINGER_MS_CONFIG)))).isBetween(50L, 200L);
    }

    @Test
    void aTaskThatCannotReachTheBrokerKeepsRetryingInsteadOfFailingTheThread() {
        long taskTimeout = config.getLong(StreamsConfig.TASK_TIMEOUT_MS_CONFIG);
        assertThat(taskTimeout).isGreaterThan(Duration.ofDays(1).toMillis());
        // Deadlines are wall clock + timeout: they must not overflow into the past.
        assertThat(System.currentTimeMillis() + taskTimeout).isPositive();
    }
}
