package dev.newswire.enrich.stories;

import static org.assertj.core.api.Assertions.assertThat;
import static dev.newswire.enrich.stories.StoryTestClients.*;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newswire.kafka.NewswireKafkaResource;
import dev.newswire.model.ArticleIds;
import dev.newswire.model.DeadLetterHeaders;
import dev.newswire.model.StoryRecord;
import dev.newswire.model.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/**
 * The story step in the running service, on the real embedded broker: raw articles in, enriched
 * articles with storyId/duplicateOf and story records out, through the pending topic and Kafka Streams.
 */
@QuarkusTest
@WithTestResource(NewswireKafkaResource.class)
class StoriesServiceTest {

    @Inject
    StoriesConfig config;

    @Test
    void theFiveSeedsAreOneStoryAndARepostWithANewHeadlineIsADuplicateOfItsSeed() throws Exception {
        Map<String, String> seeds = new LinkedHashMap<>();
        for (Path seed : seeds()) {
            String body = Files.readString(seed);
            seeds.put(ArticleIds.of(null, body), body);
        }
        String run = UUID.randomUUID().toString();
        String firstSeed = seeds.keySet().iterator().next();
        String repost = reposted(seeds.get(firstSeed));
        String repostId = ArticleIds.of("https://copy.example/" + run, repost);
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (var seed : seeds.entrySet()) {
                send(producer, Topics.RAW, seed.getKey(), raw(seed.getKey(), null, seed.getValue()));
            }
            send(producer, Topics.RAW, repostId, raw(repostId, "Netanyahu heads to the White House as Gaza truce wobbles", repost));
        }
        Set<String> ids = new HashSet<>(seeds.keySet());
        ids.add(repostId);
        Map<String, JsonNode> enriched = awaitEnriched(ids);

        Set<String> storyIds = new HashSet<>();
        seeds.keySet().forEach(id -> storyIds.add(enriched.get(id).path("storyId").asText(null)));
        assertThat(storyIds).as("the five seeds report one event").hasSize(1);
        String story = storyIds.iterator().next();
        assertThat(story).startsWith(StoryRecord.ID_PREFIX);
        assertThat(seeds.keySet().stream().map(StoryRecord::idFor)).as("named after one of its articles").contains(story);
        seeds.keySet().forEach(id -> assertThat(enriched.get(id).has("duplicateOf")).as("seed %s is no copy", id).isFalse());

        JsonNode copy = enriched.get(repostId);
        assertThat(copy.path("duplicateOf").asText()).isEqualTo(firstSeed);
        assertThat(copy.path("storyId").asText()).as("a duplicate belongs to its original's story").isEqualTo(story);

        StoryRecord record = awaitStory(story, r -> r.articleIds().containsAll(ids));
        assertThat(record.size()).isGreaterThanOrEqualTo(6);
        assertThat(record.mergedInto()).isNull();
        assertThat(record.entities()).extracting(StoryRecord.StoryEntity::text).contains("Benjamin Netanyahu");
        assertThat(record.title()).as("a duplicate does not retitle its story").isNotEqualTo("Netanyahu heads to the White House as Gaza truce wobbles");

        RestAssured.get("/q/metrics").then().statusCode(200)
                .body(Matchers.containsString("newswire_enrich_stories_records_total{outcome=\"duplicate\""));
        RestAssured.get("/q/health/live").then().statusCode(200);
    }

    @Test
    void fiveUnrelatedArticlesAreFiveStories() throws Exception {
        List<JsonNode> unrelated;
        try (Stream<String> lines = Files.lines(Path.of("src/test/resources/quality/summary.jsonl"))) {
            unrelated = lines.limit(5).map(StoryTestClients::json).toList();
        }
        Map<String, String> ids = new LinkedHashMap<>();
        String run = UUID.randomUUID().toString();
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (JsonNode article : unrelated) {
                String body = article.get("body").asText() + "\n\nRun " + run + ".";
                String id = ArticleIds.of(null, body);
                ids.put(id, article.get("title").asText());
                send(producer, Topics.RAW, id, raw(id, article.get("title").asText(), body));
            }
        }
        Map<String, JsonNode> enriched = awaitEnriched(ids.keySet());
        Set<String> stories = new HashSet<>();
        ids.keySet().forEach(id -> stories.add(enriched.get(id).path("storyId").asText(null)));
        assertThat(stories).doesNotContainNull().hasSize(5);
    }

    @Test
    void theEmbeddingTravelsOnThePendingRecordOnlyNeverOnThePublicEvent() throws Exception {
        JsonNode article;
        try (Stream<String> lines = Files.lines(Path.of("src/test/resources/quality/summary.jsonl"))) {
            article = lines.skip(5).findFirst().map(StoryTestClients::json).orElseThrow();
        }
        String body = article.get("body").asText() + "\n\nRun " + UUID.randomUUID() + ".";
        String id = ArticleIds.of(null, body);
        try (KafkaProducer<String, byte[]> producer = producer()) {
            send(producer, Topics.RAW, id, raw(id, article.get("title").asText(), body));
        }
        Map<String, ConsumerRecord<String, byte[]>> pending = awaitRecord(id, Topics.ENRICHED_PENDING);
        Map<String, ConsumerRecord<String, byte[]>> enriched = awaitRecord(id, Topics.ENRICHED);
        byte[] embedding = pending.get(id).headers().lastHeader(PendingEmbedding.HEADER).value();
        assertThat(embedding).as("int8 MiniLM embedding on the pending record").hasSize(384);
        assertThat(PendingEmbedding.cosine(embedding, embedding)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(enriched.get(id).headers().lastHeader(PendingEmbedding.HEADER)).as("stripped from the public event").isNull();
        assertThat(json(new String(enriched.get(id).value(), StandardCharsets.UTF_8)).has("embedding")).as("no such JSON field").isFalse();
    }

    private static Map<String, ConsumerRecord<String, byte[]>> awaitRecord(String id, String topic) {
        Map<String, ConsumerRecord<String, byte[]>> seen = new ConcurrentHashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            consumer.subscribe(List.of(topic));
            await().atMost(PATIENCE).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (id.equals(r.key())) {
                        seen.put(id, r);
                    }
                });
                return seen.containsKey(id);
            });
        }
        return seen;
    }

    @Test
    void thePendingValueIsReadOnceAndItsBytesAndHeadersGoOnAsTheyCame() throws Exception {
        // A field a newer enrich might add, with a number spelling and an escape that a parse-and-write
        // round trip would rewrite ("0.10" -> "0.1", "\/" -> "/"): the story step must not touch them.
        String id = "verbatim-" + UUID.randomUUID();
        String value = "{\"id\":\"" + id + "\",\"source\":\"wire\",\"title\":\"Quorvik lighthouse keepers \\/ Zentrallo rota\","
                + "\"language\":\"en\",\"text\":\"Quorvik keepers agreed a Zentrallo rota.\",\"keyphrases\":[\"zentrallo rota\"],"
                + "\"x-score\":0.10,\"enrichedAt\":\"2026-12-01T10:00:00Z\"}";
        try (KafkaProducer<String, byte[]> producer = producer()) {
            org.apache.kafka.clients.producer.ProducerRecord<String, byte[]> record =
                    new org.apache.kafka.clients.producer.ProducerRecord<>(Topics.ENRICHED_PENDING, id, value.getBytes(StandardCharsets.UTF_8));
            record.headers().add("x-trace", "t-1".getBytes(StandardCharsets.UTF_8));
            byte[] embedding = new byte[384];
            new java.util.Random(7).nextBytes(embedding);
            record.headers().add(PendingEmbedding.HEADER, embedding);
            producer.send(record).get();
        }
        ConsumerRecord<String, byte[]> enriched = awaitRecord(id, Topics.ENRICHED).get(id);
        String storyId = StoryRecord.idFor(id);
        assertThat(new String(enriched.value(), StandardCharsets.UTF_8)).isEqualTo(value.replace("\"keyphrases\":[\"zentrallo rota\"],",
                "\"keyphrases\":[\"zentrallo rota\"],\"storyId\":\"" + storyId + "\","));
        assertThat(header(enriched, "x-trace")).isEqualTo("t-1");
        assertThat(enriched.headers().lastHeader(PendingEmbedding.HEADER)).isNull();
    }

    @Test
    void hostileRecordsOnThePendingTopicDoNotStopTheStoryStep() throws Exception {
        String run = UUID.randomUUID().toString();
        String good = "good-" + run;
        String broken = "broken-" + run;
        try (KafkaProducer<String, byte[]> producer = producer()) {
            send(producer, Topics.ENRICHED_PENDING, "binary-" + run, new byte[] {(byte) 0xC3, 0x28, 0x00, (byte) 0xFF});
            send(producer, Topics.ENRICHED_PENDING, "array-" + run, "[1,2,3]".getBytes(StandardCharsets.UTF_8));
            send(producer, Topics.ENRICHED_PENDING, "tombstone-" + run, null);
            // An article whose fields cannot be read (entities is a string): assignment throws, the record passes.
            send(producer, Topics.ENRICHED_PENDING, broken, ("{\"id\":\"" + broken + "\",\"language\":\"en\",\"entities\":\"x\"}")
                    .getBytes(StandardCharsets.UTF_8));
            send(producer, Topics.RAW, good, raw(good, "Harbour strike ends after pay deal",
                    "Dock workers in the port city of Valmora ended a nine-day strike on Friday after unions accepted a pay deal. "
                            + "The agreement raises wages by six percent over two years, the union said. "
                            + "Shipping lines said container traffic would return to normal within a week. "
                            + "Run " + run + "."));
        }
        Map<String, JsonNode> enriched = awaitEnriched(Set.of(good, broken));
        assertThat(enriched.get(good).path("storyId").asText()).isEqualTo(StoryRecord.idFor(good));
        assertThat(enriched.get(broken).has("storyId")).as("passed through without a story").isFalse();

        Map<String, ConsumerRecord<String, byte[]>> dead = new ConcurrentHashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            consumer.subscribe(List.of(Topics.DLQ));
            await().atMost(PATIENCE).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> dead.put(String.valueOf(r.key()), r));
                return dead.keySet().containsAll(Set.of("binary-" + run, "array-" + run));
            });
        }
        ConsumerRecord<String, byte[]> array = dead.get("array-" + run);
        assertThat(header(array, DeadLetterHeaders.ERROR_STAGE)).isEqualTo(StoryProcessor.STAGE);
        assertThat(header(array, DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo(Topics.ENRICHED_PENDING);
        assertThat(array.value()).isEqualTo("[1,2,3]".getBytes(StandardCharsets.UTF_8));
        assertThat(dead).doesNotContainKey("tombstone-" + run);
    }

    @Test
    void replayingThePendingTopicFromTheStartGivesTheSameStories() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> ids = new ArrayList<>();
        List<JsonNode> articles;
        try (Stream<String> lines = Files.lines(Path.of("src/test/resources/quality/tags.jsonl"))) {
            articles = lines.limit(8).map(StoryTestClients::json).toList();
        }
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (JsonNode article : articles) {
                String body = article.get("body").asText() + " Replay " + run + ".";
                String id = ArticleIds.of(null, body);
                ids.add(id);
                send(producer, Topics.RAW, id, raw(id, article.get("title").asText(), body));
            }
        }
        Map<String, JsonNode> live = awaitEnriched(Set.copyOf(ids));
        StoryTopology.Topics replay = new StoryTopology.Topics(Topics.ENRICHED_PENDING, "replay.enriched." + run,
                "replay.stories." + run, "replay.dlq." + run);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, NewswireKafkaResource.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(replay.enriched(), 1, (short) 1), new NewTopic(replay.stories(), 1, (short) 1),
                    new NewTopic(replay.deadLetters(), 1, (short) 1))).all().get();
        }
        KafkaStreams fresh = new KafkaStreams(
                StoryTopology.build(replay, StoryStreams.rules(config), true, StoryCounters.register(new SimpleMeterRegistry())),
                StoryStreams.properties(NewswireKafkaResource.bootstrapServers(), "replay-" + run, "target/replay-" + run, 0));
        fresh.start();
        try {
            Map<String, JsonNode> replayed = awaitEnriched(Set.copyOf(ids), replay.enriched());
            for (String id : ids) {
                assertThat(replayed.get(id).path("storyId").asText()).as("story of %s", id)
                        .isEqualTo(live.get(id).path("storyId").asText());
                assertThat(replayed.get(id).path("duplicateOf").asText(null)).isEqualTo(live.get(id).path("duplicateOf").asText(null));
            }
        } finally {
            fresh.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                    .withTimeout(Duration.ofSeconds(20)));
        }
    }

    @Test
    void aRestartedStoryStepRestoresItsStoresFromTheChangelog() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        JsonNode source;
        try (Stream<String> lines = Files.lines(Path.of("src/test/resources/quality/summary.jsonl"))) {
            source = lines.skip(5).map(StoryTestClients::json).findFirst().orElseThrow();
        }
        String original = source.get("body").asText() + "\n\nFiled " + run + ".";
        String copy = source.get("body").asText() + "\n\nFiled " + run + ", updated at noon.";
        String originalId = ArticleIds.of(null, original);
        String copyId = ArticleIds.of(null, copy);
        StoryTopology.Topics topics = new StoryTopology.Topics(Topics.ENRICHED_PENDING, "restart.enriched." + run,
                "restart.stories." + run, "restart.dlq." + run);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, NewswireKafkaResource.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topics.enriched(), 1, (short) 1), new NewTopic(topics.stories(), 1, (short) 1),
                    new NewTopic(topics.deadLetters(), 1, (short) 1))).all().get();
        }
        try (KafkaProducer<String, byte[]> producer = producer()) {
            send(producer, Topics.RAW, originalId, raw(originalId, source.get("title").asText(), original));
        }
        KafkaStreams first = streams(topics, "restart-" + run, "target/restart-a-" + run);
        first.start();
        try {
            assertThat(awaitEnriched(Set.of(originalId), topics.enriched()).get(originalId).path("storyId").asText())
                    .isEqualTo(StoryRecord.idFor(originalId));
        } finally {
            close(first);
        }
        try (KafkaProducer<String, byte[]> producer = producer()) {
            send(producer, Topics.RAW, copyId, raw(copyId, "Updated: " + source.get("title").asText(), copy));
        }
        // Same application id, empty state directory: only the changelog can tell it about the original.
        KafkaStreams second = streams(topics, "restart-" + run, "target/restart-b-" + run);
        second.start();
        try {
            JsonNode copied = awaitEnriched(Set.of(copyId), topics.enriched()).get(copyId);
            assertThat(copied.path("duplicateOf").asText()).isEqualTo(originalId);
            assertThat(copied.path("storyId").asText()).isEqualTo(StoryRecord.idFor(originalId));
        } finally {
            close(second);
        }
    }

    private KafkaStreams streams(StoryTopology.Topics topics, String applicationId, String stateDir) {
        return new KafkaStreams(
                StoryTopology.build(topics, StoryStreams.rules(config), true, StoryCounters.register(new SimpleMeterRegistry())),
                StoryStreams.properties(NewswireKafkaResource.bootstrapServers(), applicationId, stateDir, 0));
    }

    private static void close(KafkaStreams streams) {
        streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(Duration.ofSeconds(20)));
    }
}
