package dev.newswire.enrich.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.newswire.kafka.EmbeddedKafka;
import dev.newswire.kafka.NewswireKafkaResource;
import dev.newswire.model.Topics;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 item 1: the broker goes away while articles are in flight, for longer than the enriched
 * producer's delivery timeout (5 s in the test profile; 120 s in production against outages of
 * minutes or hours). Once it is back on the same port and data, every article produced before the
 * outage and right after it is enriched, without a restart, and liveness is UP.
 */
@QuarkusTest
@WithTestResource(NewswireKafkaResource.class)
class BrokerOutageRecoveryTest {

    private static final Duration OUTAGE = Duration.ofSeconds(20);
    private static final Duration PATIENCE = Duration.ofMinutes(3);

    @Test
    void articlesInFlightDuringALongOutageAreAllEnrichedAfterIt() throws Exception {
        EmbeddedKafka kafka = NewswireKafkaResource.embedded()
                .orElseThrow(() -> new IllegalStateException("this test stops the embedded broker; run without KAFKA_BOOTSTRAP_SERVERS"));
        String run = UUID.randomUUID().toString().substring(0, 8);
        Set<String> enriched = ConcurrentHashMap.newKeySet();
        try (KafkaConsumer<String, byte[]> out = TopicClients.consumer()) {
            out.subscribe(List.of(Topics.ENRICHED));
            // warm-up: the models are loaded and the consumer has its partitions
            List<String> warmUp = produce(run, "warm", 2);
            awaitEnriched(out, enriched, warmUp, PATIENCE);

            // Enough that enrich is still working through them when the broker stops (a few seconds
            // of work even on an idle machine): their enriched records are then in flight and expire.
            List<String> before = produce(run, "before", 150);
            double errorsBefore = producerRecordErrors();
            kafka.stop();
            long stopped = System.nanoTime();
            try {
                // the records in flight expire in the enriched producer while the broker is away ...
                await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500))
                        .until(() -> producerRecordErrors() > errorsBefore);
                // ... and the outage lasts several delivery timeouts
                await().atMost(OUTAGE.plusSeconds(30)).pollInterval(Duration.ofMillis(500))
                        .until(() -> Duration.ofNanos(System.nanoTime() - stopped).compareTo(OUTAGE) >= 0);
            } finally {
                kafka.restart();
            }
            List<String> after = produce(run, "after", 5);

            List<String> all = new ArrayList<>(before);
            all.addAll(after);
            awaitEnriched(out, enriched, all, PATIENCE);
        }
        RestAssured.get("/q/health/live").then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> RestAssured.get("/q/health/ready").statusCode() == 200);
    }

    private static List<String> produce(String run, String batch, int n) throws Exception {
        List<String> keys = new ArrayList<>();
        try (KafkaProducer<String, byte[]> producer = TopicClients.producer()) {
            for (int i = 0; i < n; i++) {
                String id = "outage-" + batch + "-" + i + "-" + run;
                byte[] value = ("{\"id\":\"" + id + "\",\"source\":\"test\",\"body\":\"" + body(id)
                        + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
                producer.send(TopicClients.raw(batch, id, value, null));
                keys.add(id);
            }
            producer.flush();
        }
        return keys;
    }

    /**
     * Twenty distinct sentences: enough NER and sentence work per article that enrich is still busy
     * with the batch when the broker stops, however fast the pipeline gets (with two-sentence
     * bodies a faster pipeline had every record acknowledged before the broker went away, so none
     * expired and the test measured nothing). Distinct, so no per-article repeat cache skips them.
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

    /** Records the enriched producer failed to deliver (expired), from the Kafka client metrics. */
    private static double producerRecordErrors() {
        return RestAssured.get("/q/metrics").asString().lines()
                .filter(l -> l.startsWith("kafka_producer_record_error_total") && l.contains("kafka-producer-enriched"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }
}
