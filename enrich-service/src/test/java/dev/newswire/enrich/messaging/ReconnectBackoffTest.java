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
 * After a broker outage enrich must be back within seconds of the broker (issue 12). The SmallRye
 * connector sets reconnect.backoff.max.ms to 10 s on the clients it creates, so a client that had
 * been failing for ~15 s retried only every ~10 s and enrich idled up to 10 s after the broker was
 * back (FaultInjectionIT failed on it in CI). Every channel's client must use Kafka's 1 s.
 */
@QuarkusTest
@WithTestResource(NewswireKafkaResource.class)
class ReconnectBackoffTest {

    private static final long MAX_BACKOFF_MS = 1000;

    @Inject
    KafkaClientService clients;

    @Test
    void everyChannelRetriesTheBrokerAtLeastOncePerSecond() {
        assertThat(clients.getConsumerChannels()).contains("raw");
        assertThat(clients.getProducerChannels()).contains("enriched", "dlq");
        assertBackoff("raw", clients.getConsumer("raw").configuration());
        for (String channel : clients.getProducerChannels()) {
            assertBackoff(channel, clients.getProducer(channel).configuration());
        }
    }

    private static void assertBackoff(String channel, Map<String, ?> config) {
        assertThat(Long.parseLong(String.valueOf(config.get("reconnect.backoff.max.ms"))))
                .as("reconnect.backoff.max.ms of channel %s", channel).isLessThanOrEqualTo(MAX_BACKOFF_MS);
    }
}
