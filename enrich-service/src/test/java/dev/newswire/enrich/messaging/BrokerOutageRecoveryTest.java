package dev.newswire.enrich.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.newswire.kafka.EmbeddedKafka;
import dev.newswire.kafka.NewswireKafkaResource;
import dev.newswire.model.Topics;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 item 1: the broker goes away while articles are in flight, for longer than any client
 * timeout enrich has, and once it is back on the same port and data every article is enriched,
 * without a restart, and liveness is UP.
 * <p>
 * The outage is built so that both things that used to end it badly happen in it, every run:
 * <ul>
 *   <li>enriched records are produced while the broker is away, and expire in the producer (5 s in
 *       the test profile; the connector resends them);</li>
 *   <li>the first record of a partition reaches the consumer's commit strategy while the broker is
 *       away, so its committed-offset lookup cannot be answered. With SmallRye's plain throttled
 *       strategy the lookup failed after Kafka's {@code default.api.timeout.ms} (60 s; up to twice
 *       that behind a commit on the same polling thread) and ended the raw channel for good
 *       (fresh-clone CI, 2026-12-02); {@link RetryingThrottledCommit} asks again until it is answered.</li>
 * </ul>
 * How: in an application and consumer group of its own (so its consumer has no per-partition state),
 * a backlog is fetched from partition {@link #BUSY} and then one record from partition {@link #LATE},
 * which waits in the consumer's queue behind the backlog; the broker stops before the backlog is
 * worked off, and stays away for longer than two lookup timeouts after it is.
 */
@QuarkusTest
@TestProfile(BrokerOutageRecoveryTest.OwnApplication.class)
@WithTestResource(NewswireKafkaResource.class)
class BrokerOutageRecoveryTest {

    /**
     * A fresh application whose raw consumer has no per-partition offset state yet, in a consumer group
     * of its own that starts at the end of the topic: records other test classes left behind cannot
     * give it that state before the outage.
     */
    public static class OwnApplication implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mp.messaging.incoming.raw.group.id", "newswire-enrich-outage-test",
                    "mp.messaging.incoming.raw.auto.offset.reset", "latest");
        }
    }

    private static final int BUSY = 0;
    private static final int LATE = 1;
    /** Backlog articles per article in flight: seconds of work on any machine (twenty sentences each). */
    private static final int BACKLOG_PER_WORKER = 60;
    /** Kafka's default default.api.timeout.ms, which the lookup must outlast. */
    private static final Duration KAFKA_DEFAULT_API_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration PATIENCE = Duration.ofMinutes(3);

    @Inject
    RawArticleProcessor processor;

    @Test
    void articlesInFlightDuringALongOutageAreAllEnrichedAfterIt() throws Exception {
        EmbeddedKafka kafka = NewswireKafkaResource.embedded()
                .orElseThrow(() -> new IllegalStateException("this test stops the embedded broker; run without KAFKA_BOOTSTRAP_SERVERS"));
        String run = UUID.randomUUID().toString().substring(0, 8);
        Set<String> enriched = ConcurrentHashMap.newKeySet();
        int backlogSize = Math.max(200, BACKLOG_PER_WORKER * processor.concurrency());
        try (KafkaConsumer<String, byte[]> out = TopicClients.consumer()) {
            out.subscribe(List.of(Topics.ENRICHED));
            // Warm-up on BUSY only, until one is enriched: the models are loaded and the consumer has its
            // partitions and positions (a record produced before its first position, at the end, is not read).
            List<String> warmUp = new ArrayList<>();
            await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
                warmUp.addAll(produce(run, "warm" + warmUp.size(), 1, BUSY));
                out.poll(Duration.ofMillis(300)).forEach(r -> enriched.add(r.key()));
                assertThat(enriched).containsAnyElementsOf(warmUp);
            });
            // every record the consumer fetched is a warm-up record: none from LATE's partition
            assertThat(recordsFetched()).as("records fetched before the backlog").isLessThanOrEqualTo(warmUp.size());

            double fetched = recordsFetched();
            double doneBefore = articlesDone();
            List<String> backlog = produce(run, "backlog", backlogSize, BUSY);
            awaitFetched(fetched + backlogSize);
            List<String> late = produce(run, "late", 1, LATE);
            awaitFetched(fetched + backlogSize + 1);
            double errorsBefore = producerRecordErrors();
            kafka.stop();
            try {
                // Precondition: the LATE record is still queued behind the backlog, so it reaches the
                // commit strategy while the broker is away (at most `concurrency` records are taken
                // from the queue ahead of the ones being enriched).
                assertThat(articlesDone() - doneBefore).as("backlog articles already done when the broker stopped")
                        .isLessThan(backlogSize - processor.concurrency() - 1.0);
                // the backlog is enriched meanwhile: the LATE record has been taken from the queue ...
                await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500))
                        .until(() -> articlesDone() >= doneBefore + backlogSize);
                long lateTaken = System.nanoTime();
                // ... and its offset lookup waits longer than Kafka's default would have let it. The
                // consumer's polling thread makes one call at a time, and a commit of offsets acknowledged
                // just before the stop may be ahead of the lookup, waiting as long: twice the timeout.
                Duration outlast = KAFKA_DEFAULT_API_TIMEOUT.multipliedBy(2).plusSeconds(10);
                await().atMost(outlast.plusSeconds(30)).pollInterval(Duration.ofMillis(500))
                        .until(() -> Duration.ofNanos(System.nanoTime() - lateTaken).compareTo(outlast) >= 0);
                // the LATE record was held the whole time: not enriched while the broker was away
                assertThat(articlesDone() - doneBefore).as("articles done during the outage").isEqualTo(backlogSize);
                // the records enriched during the outage expired in the producer (resent later)
                assertThat(producerRecordErrors()).as("enriched records expired during the outage").isGreaterThan(errorsBefore);
            } finally {
                kafka.restart();
            }
            List<String> after = produce(run, "after", 5, null);

            List<String> all = new ArrayList<>(backlog);
            all.addAll(late);
            all.addAll(after);
            awaitEnriched(out, enriched, all, PATIENCE);
        }
        RestAssured.get("/q/health/live").then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> RestAssured.get("/q/health/ready").statusCode() == 200);
    }

    private static List<String> produce(String run, String batch, int n, Integer partition) throws Exception {
        List<String> keys = new ArrayList<>();
        try (KafkaProducer<String, byte[]> producer = TopicClients.producer()) {
            for (int i = 0; i < n; i++) {
                String id = "outage-" + batch + "-" + i + "-" + run;
                byte[] value = ("{\"id\":\"" + id + "\",\"source\":\"test\",\"body\":\"" + body(id)
                        + "\"}").getBytes(StandardCharsets.UTF_8);
                ProducerRecord<String, byte[]> record = TopicClients.raw(batch, id, value, null);
                producer.send(partition == null ? record
                        : new ProducerRecord<>(record.topic(), partition, record.timestamp(), record.key(), record.value(), record.headers()));
                keys.add(id);
            }
            producer.flush();
        }
        return keys;
    }

    /**
     * Twenty distinct sentences: enough NER and sentence work per article that the backlog takes
     * seconds, however fast the pipeline gets. Distinct, so no per-article repeat cache skips them.
     */
    private static String body(String id) {
        StringBuilder body = new StringBuilder();
        for (int s = 0; s < 20; s++) {
            body.append("Ministers met in Geneva on Monday (").append(id).append(", round ").append(s)
                    .append("). The talks on a ceasefire will resume next week, the diplomats from Norway and Qatar said. ");
        }
        return body.toString().strip();
    }

    private static void awaitEnriched(KafkaConsumer<String, byte[]> out, Set<String> seen, List<String> keys, Duration patience) {
        await().atMost(patience).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            out.poll(Duration.ofMillis(300)).forEach(r -> seen.add(r.key()));
            assertThat(seen).containsAll(keys);
        });
    }

    private static void awaitFetched(double count) {
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(50)).until(() -> recordsFetched() >= count);
    }

    /**
     * Records the raw consumer has fetched (and handed to the connector's queue). The consumer-wide
     * figure: the per-topic one is registered by the metrics binder only at its next scan, up to a
     * minute after the first fetch.
     */
    private static double recordsFetched() {
        return metric(l -> l.startsWith("kafka_consumer_fetch_manager_records_consumed_total{")
                && l.contains("client_id=\"kafka-consumer-raw\"") && !l.contains("topic="));
    }

    /** Raw articles enriched or dead-lettered so far. */
    private static double articlesDone() {
        return metric(l -> l.startsWith("newswire_enrich_articles_total"));
    }

    /** Records the enriched producer failed to deliver (expired), from the Kafka client metrics. */
    private static double producerRecordErrors() {
        return metric(l -> l.startsWith("kafka_producer_record_error_total") && l.contains("kafka-producer-enriched"));
    }

    private static double metric(Predicate<String> line) {
        return RestAssured.get("/q/metrics").asString().lines()
                .filter(l -> !l.startsWith("#"))
                .filter(line)
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }
}
