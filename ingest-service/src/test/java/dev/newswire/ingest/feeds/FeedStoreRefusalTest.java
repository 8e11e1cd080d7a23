package dev.newswire.ingest.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.newswire.ingest.messaging.BrokerRefusedException;
import dev.newswire.ingest.messaging.BrokerUnavailableException;
import dev.newswire.kafka.NewswireKafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.common.annotation.Identifier;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * A registry write the broker refuses by its settings is told apart from one it did not answer: the
 * first is logged with Kafka's reason and tried again only after a long pause (declared feeds retried
 * it every 5 s as "not acknowledged" when every failure was "broker unavailable"), the second is
 * waited out. Both errors come from a real producer: a topic name the broker rejects, and a broker
 * that is not there.
 */
@QuarkusTest
@QuarkusTestResource(NewswireKafkaResource.class)
class FeedStoreRefusalTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final String URL = "https://example.org/a.xml";

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafka;

    @Test
    void aWriteTheBrokerRefusesIsNotAnOutage() {
        try (KafkaProducer<String, byte[]> producer = producer(kafka)) {
            var sent = producer.send(new ProducerRecord<>("news.feeds/not a topic", "k", new byte[] {1}));

            assertThatThrownBy(() -> FeedStore.acknowledged(sent, TIMEOUT))
                    .isInstanceOf(BrokerRefusedException.class)
                    .hasCauseInstanceOf(InvalidTopicException.class)
                    .hasMessageContaining("refused the feed registry write");
        }
    }

    @Test
    void aBrokerThatDoesNotAnswerIsAnOutage() {
        Map<String, Object> nowhere = new HashMap<>(kafka);
        nowhere.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1");
        try (KafkaProducer<String, byte[]> producer = producer(nowhere)) {
            var sent = producer.send(new ProducerRecord<>("news.feeds", "k", new byte[] {1}));

            assertThatThrownBy(() -> FeedStore.acknowledged(sent, TIMEOUT))
                    .isInstanceOf(BrokerUnavailableException.class)
                    .hasMessageContaining("did not acknowledge the feed registry write within 2 s");
        }
    }

    @Test
    void aDeclaredFeedTheBrokerRefusesIsTriedAgainOnlyAfterALongPause() throws InterruptedException {
        Duration retry = Duration.ofMillis(5);
        List<Long> attempts = new CopyOnWriteArrayList<>();
        Set<String> registered = ConcurrentHashMap.newKeySet();
        DeclaredFeeds declared = new DeclaredFeeds(List.of(URL), () -> true, registered::contains, url -> {
            attempts.add(System.nanoTime());
            if (attempts.size() <= 2) {   // the ACL is fixed after the second attempt
                throw new BrokerRefusedException("The Kafka broker refused the feed registry write: authorization", null);
            }
            registered.add(url);
        }, retry);
        Thread thread = new Thread(declared, "declared-feeds-refused");
        thread.start();

        await().atMost(Duration.ofSeconds(20)).until(() -> registered.contains(URL));
        thread.join(Duration.ofSeconds(5).toMillis());
        assertThat(attempts).hasSize(3);
        Duration longPause = retry.multipliedBy(DeclaredFeeds.REFUSED_RETRY_FACTOR);
        for (int i = 1; i < attempts.size(); i++) {
            assertThat(Duration.ofNanos(attempts.get(i) - attempts.get(i - 1))).as("pause before attempt %d", i + 1)
                    .isGreaterThanOrEqualTo(longPause);
        }
    }

    private static KafkaProducer<String, byte[]> producer(Map<String, Object> kafka) {
        Map<String, Object> props = new HashMap<>(kafka);
        props.keySet().retainAll(ProducerConfig.configNames());
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "1000");
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "1500");
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "1000");
        return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }
}
