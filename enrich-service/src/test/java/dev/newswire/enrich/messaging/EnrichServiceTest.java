package dev.newswire.enrich.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import dev.newswire.kafka.NewswireKafkaResource;
import dev.newswire.model.ArticleIds;
import dev.newswire.model.CloudEvents;
import dev.newswire.model.DeadLetterHeaders;
import dev.newswire.model.EnrichedArticle;
import dev.newswire.model.NewsJson;
import dev.newswire.model.RawArticle;
import dev.newswire.model.Tag;
import dev.newswire.model.Topics;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** The service end to end against the real embedded Kafka broker. */
@QuarkusTest
@WithTestResource(NewswireKafkaResource.class)
class EnrichServiceTest {

    private static final Duration PATIENCE = Duration.ofMinutes(3);

    @Test
    void seedsComeOutEnrichedWithTheSameKeys() throws Exception {
        List<Path> seeds;
        try (Stream<Path> files = Files.list(Path.of("../seeds"))) {
            seeds = files.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        assertThat(seeds).hasSize(5);
        List<String> keys = new ArrayList<>();
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (Path seed : seeds) {
                String body = Files.readString(seed);
                String id = ArticleIds.of(null, body);
                keys.add(id);
                RawArticle raw = new RawArticle(id, "test:" + seed.getFileName(), null, null, body, RawArticle.TEXT_PLAIN,
                        null, Instant.parse("2026-01-01T00:00:00Z"), null);
                producer.send(rawRecord(id, NewsJson.mapper().writeValueAsBytes(raw))).get();
            }
        }
        Map<String, ConsumerRecord<String, String>> enriched = new ConcurrentHashMap<>();
        try (KafkaConsumer<String, String> consumer = consumer(StringDeserializer.class)) {
            consumer.subscribe(List.of(Topics.ENRICHED));
            await().atMost(PATIENCE).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> enriched.put(r.key(), r));
                return enriched.keySet().containsAll(keys);
            });
        }
        for (String key : keys) {
            ConsumerRecord<String, String> record = enriched.get(key);
            assertThat(header(record.headers().lastHeader(CloudEvents.HEADER_TYPE))).isEqualTo(CloudEvents.TYPE_ENRICHED);
            assertThat(record.headers().lastHeader(CloudEvents.HEADER_ID)).isNotNull();
            EnrichedArticle article = NewsJson.mapper().readValue(record.value(), EnrichedArticle.class);
            assertThat(article.id()).isEqualTo(key);
            assertThat(article.summary()).isNotBlank();
            assertThat(article.keyphrases()).hasSizeBetween(5, 10);
            assertThat(article.tags().stream().map(Tag::id)).contains("politics/diplomacy", "conflict");
            assertThat(article.pipeline().components()).containsKeys("clean", "keyphrases", "tags", "summary");
            assertThat(record.value()).doesNotContain("Quick Take", "Follow us", "Google News");
        }

        RestAssured.get("/q/metrics").then().statusCode(200)
                .body(containsString("newswire_enrich_stage_seconds_count{stage=\"tags\""))
                .body(containsString("newswire_enrich_articles_total{outcome=\"enriched\""))
                .body(containsString("kafka_consumer_fetch_manager_records_lag"));
        // Ready only after the models loaded and the pipeline ran its warm-up (4 bundled articles in %test).
        RestAssured.get("/q/health/ready").then().statusCode(200).body("status", is("UP"))
                .body("checks.find { it.name == 'enrich-models' }.data.warmUpArticles", is(4));
    }

    @Test
    void poisonGoesToTheDeadLetterTopicAndTheNextGoodRecordIsStillEnriched() throws Exception {
        String run = UUID.randomUUID().toString();
        Map<String, byte[]> poison = Map.of(
                "json-" + run, "{\"id\": \"x\", \"body\": ".getBytes(StandardCharsets.UTF_8),
                "binary-" + run, new byte[] {(byte) 0xC3, 0x28, 0x00, (byte) 0xFF, 0x01},
                "nobody-" + run, "{\"id\":\"nobody\",\"source\":\"test\",\"title\":\"No body\"}".getBytes(StandardCharsets.UTF_8),
                "huge-" + run, NewsJson.mapper().writeValueAsBytes(new RawArticle("huge", "test", null, null,
                        "All work and no play. ".repeat(5 * 1024 * 1024 / 22), RawArticle.TEXT_PLAIN, null, Instant.now(), null)));
        String goodKey = "good-" + run;
        String goodBody = "Foreign ministers met in Geneva on Monday for talks on a ceasefire in the war. "
                + "The diplomats said the negotiations would resume next week after both sides exchanged proposals. "
                + "Aid agencies urged the parties to let humanitarian convoys reach civilians. "
                + "The talks were hosted by the Swiss government, which has offered to mediate.";
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (var e : poison.entrySet()) {
                producer.send(rawRecord(e.getKey(), e.getValue())).get();
            }
            RawArticle good = new RawArticle(goodKey, "test", null, "Ceasefire talks resume in Geneva", goodBody,
                    RawArticle.TEXT_PLAIN, null, Instant.now(), null);
            producer.send(rawRecord(goodKey, NewsJson.mapper().writeValueAsBytes(good))).get();
        }

        Map<String, ConsumerRecord<String, byte[]>> dead = new ConcurrentHashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer(ByteArrayDeserializer.class)) {
            consumer.subscribe(List.of(Topics.DLQ));
            await().atMost(PATIENCE).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> dead.put(String.valueOf(r.key()), r));
                return dead.keySet().containsAll(poison.keySet());
            });
        }
        for (var e : poison.entrySet()) {
            ConsumerRecord<String, byte[]> record = dead.get(e.getKey());
            assertThat(record.value()).as("original bytes of %s", e.getKey()).isEqualTo(e.getValue());
            assertThat(header(record.headers().lastHeader(DeadLetterHeaders.ERROR_STAGE))).isEqualTo("read");
            assertThat(header(record.headers().lastHeader(DeadLetterHeaders.ERROR_CLASS))).isNotBlank();
            assertThat(header(record.headers().lastHeader(DeadLetterHeaders.ERROR_MESSAGE))).isNotBlank();
            assertThat(header(record.headers().lastHeader(DeadLetterHeaders.SOURCE_TOPIC))).isEqualTo(Topics.RAW);
            assertThat(Integer.parseInt(header(record.headers().lastHeader(DeadLetterHeaders.SOURCE_PARTITION)))).isBetween(0, 2);
            assertThat(Long.parseLong(header(record.headers().lastHeader(DeadLetterHeaders.SOURCE_OFFSET)))).isNotNegative();
            assertThat(header(record.headers().lastHeader(CloudEvents.HEADER_TYPE))).isEqualTo(CloudEvents.TYPE_RAW);
        }
        assertThat(header(dead.get("nobody-" + run).headers().lastHeader(DeadLetterHeaders.ERROR_MESSAGE))).contains("no body");
        assertThat(header(dead.get("huge-" + run).headers().lastHeader(DeadLetterHeaders.ERROR_MESSAGE))).contains("limit");

        try (KafkaConsumer<String, String> consumer = consumer(StringDeserializer.class)) {
            consumer.subscribe(List.of(Topics.ENRICHED));
            List<String> seen = new ArrayList<>();
            await().atMost(PATIENCE).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> seen.add(r.key()));
                return seen.contains(goodKey);
            });
        }
    }

    private static ProducerRecord<String, byte[]> rawRecord(String key, byte[] value) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.RAW, key, value);
        record.headers().add(CloudEvents.HEADER_SPEC_VERSION, CloudEvents.SPEC_VERSION.getBytes(StandardCharsets.UTF_8));
        record.headers().add(CloudEvents.HEADER_ID, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add(CloudEvents.HEADER_TYPE, CloudEvents.TYPE_RAW.getBytes(StandardCharsets.UTF_8));
        record.headers().add(CloudEvents.HEADER_SOURCE, "/test".getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private static KafkaProducer<String, byte[]> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, NewswireKafkaResource.bootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        // the 5 MB poison record: compressed it fits the broker's 1 MB message limit
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "gzip");
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Integer.toString(16 * 1024 * 1024));
        return new KafkaProducer<>(props);
    }

    private static <V> KafkaConsumer<String, V> consumer(Class<?> valueDeserializer) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, NewswireKafkaResource.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "enrich-test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, valueDeserializer.getName());
        return new KafkaConsumer<>(props);
    }

    private static String header(Header header) {
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
