package dev.newswire.enrich.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newswire.kafka.NewswireKafkaResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The pending records (workers → story step) go out in batches, not one produce request per article.
 * With Kafka's defaults (linger 5 ms, 16 KiB batches) two workers that each finish an article every
 * ~20 ms sent 1.09 records per request, and each request also woke the story step's fetch: two broker
 * requests per article (docs/benchmarks/enrich.md, "What the broker and the Kafka plumbing cost").
 * Batching must not weaken durability: acks=all and idempotence stay.
 */
@QuarkusTest
@WithTestResource(NewswireKafkaResource.class)
class PendingBatchingTest {

    @Inject
    KafkaClientService clients;

    @Test
    void thePendingProducerWaitsForOtherArticlesAndKeepsAcksAll() {
        Map<String, ?> config = clients.getProducer("enriched").configuration();
        assertThat(number(config, "linger.ms")).as("linger.ms").isBetween(50L, 200L);
        assertThat(number(config, "batch.size")).as("batch.size: several ~5 kB articles per batch").isGreaterThanOrEqualTo(64 * 1024L);
        assertThat(String.valueOf(config.get("acks"))).isIn("all", "-1");
        assertThat(String.valueOf(config.get("enable.idempotence"))).isEqualTo("true");
    }

    private static long number(Map<String, ?> config, String key) {
        Object value = config.get(key);
        assertThat(value).as("%s set on the channel", key).isNotNull();
        return Long.parseLong(String.valueOf(value));
    }
}
