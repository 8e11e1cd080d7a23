package dev.newswire.enrich.stories;

import static dev.newswire.enrich.stories.StoryTestClients.PATIENCE;
import static dev.newswire.enrich.stories.StoryTestClients.consumer;
import static dev.newswire.enrich.stories.StoryTestClients.producer;
import static dev.newswire.enrich.stories.StoryTestClients.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newswire.kafka.NewswireKafkaResource;
import dev.newswire.model.EnrichedArticle;
import dev.newswire.model.NewsJson;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

/**
 * Issue 11: two story-step instances and a restart give the same stories as one instance, on the
 * real embedded broker. The same pending stream is assigned (a) by one instance from start to end and
 * (b) by instance A in this JVM, then instance B in a separate JVM (its own state dir and application
 * server) joining while A runs, A leaving (B takes the task over with only the changelog to go on),
 * then B ending and a fresh instance C (new state dir) restarting the application. Every article must
 * get the same storyId and duplicateOf in (b) as in (a); the later parts of the stream join stories
 * opened in the earlier ones, so state kept per JVM (or per state dir) would give other answers.
 */
class StoryInstancesTest {

    static final StoryAssigner.Rules RULES = StoryAssignerTest.RULES;
    private static final Instant T0 = Instant.parse("2026-04-01T06:00:00Z");

    @Test
    void twoInstancesAndARestartGiveTheSameStoriesAsOneInstance() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String bootstrap = NewswireKafkaResource.bootstrapServers();
        String pending = "instances.pending." + run;
        StoryTopology.Topics single = topics("single", run, pending);
        StoryTopology.Topics pair = topics("pair", run, pending);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            List<NewTopic> create = new ArrayList<>(List.of(new NewTopic(pending, 1, (short) 1)));
            for (StoryTopology.Topics t : List.of(single, pair)) {
                create.addAll(List.of(new NewTopic(t.enriched(), 1, (short) 1), new NewTopic(t.stories(), 1, (short) 1),
                        new NewTopic(t.deadLetters(), 1, (short) 1)));
            }
            admin.createTopics(create).all().get();
        }
        List<List<EnrichedArticle>> parts = SyntheticEvents.stream(run, T0).parts();
        List<String> all = parts.stream().flatMap(List::stream).map(EnrichedArticle::id).toList();

        // (b) A alone, then B (another JVM) joins, A leaves: B continues from the changelog.
        String app = "instances-" + run;
        publish(pending, parts.get(0));
        KafkaStreams a = instance(bootstrap, app, "target/instances-a-" + run, "127.0.0.1:7001", pair);
        a.start();
        Map<String, JsonNode> seen = awaitLatest(pair.enriched(), ids(parts.get(0)));
        Process b = startOtherJvm(bootstrap, app, "target/instances-b-" + run, "127.0.0.1:7002", pair);
        try {
            close(a);
            publish(pending, parts.get(1));
            seen.putAll(awaitLatest(pair.enriched(), ids(parts.get(1))));
        } finally {
            b.getOutputStream().close();
            if (!b.waitFor(60, TimeUnit.SECONDS)) {
                b.destroyForcibly();
            }
        }
        // Restart: B is gone; C starts with an empty state directory.
        publish(pending, parts.get(2));
        KafkaStreams c = instance(bootstrap, app, "target/instances-c-" + run, "127.0.0.1:7003", pair);
        c.start();
        try {
            seen.putAll(awaitLatest(pair.enriched(), ids(parts.get(2))));
        } finally {
            close(c);
        }

        // (a) one instance over the whole stream.
        KafkaStreams one = instance(bootstrap, "instances-one-" + run, "target/instances-one-" + run, "127.0.0.1:7004", single);
        one.start();
        Map<String, JsonNode> once;
        try {
            once = awaitLatest(single.enriched(), all);
        } finally {
            close(one);
        }

        Map<String, String> storyOf = new HashMap<>();
        for (String id : all) {
            assertThat(seen.get(id).path("storyId").asText()).as("story of %s", id).isEqualTo(once.get(id).path("storyId").asText());
            assertThat(seen.get(id).path("duplicateOf").asText(null)).as("duplicateOf of %s", id)
                    .isEqualTo(once.get(id).path("duplicateOf").asText(null));
            storyOf.put(id, once.get(id).path("storyId").asText());
        }
        // The stream is one where state matters: later parts join stories and copy articles of earlier parts.
        List<String> early = ids(parts.get(0));
        assertThat(ids(parts.get(2)).stream().filter(id -> early.stream().anyMatch(e -> storyOf.get(e).equals(storyOf.get(id)))))
                .as("articles of the last part in stories opened by the first").hasSizeGreaterThan(3);
        assertThat(ids(parts.get(1)).stream().filter(id -> early.contains(once.get(id).path("duplicateOf").asText(""))))
                .as("copies in the second part of articles of the first").isNotEmpty();
        assertThat(storyOf.values().stream().distinct().count()).as("several stories").isBetween(4L, (long) all.size() - 10);
    }

    static KafkaStreams instance(String bootstrap, String applicationId, String stateDir, String server, StoryTopology.Topics topics) {
        Properties p = StoryStreams.properties(bootstrap, applicationId, stateDir, 0);
        p.put(StreamsConfig.APPLICATION_SERVER_CONFIG, server);
        return new KafkaStreams(StoryTopology.build(topics, RULES, true, StoryCounters.register(new SimpleMeterRegistry())), p);
    }

    private static Process startOtherJvm(String bootstrap, String app, String stateDir, String server, StoryTopology.Topics t)
            throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                StoryStepMain.class.getName(), bootstrap, app, stateDir, server, t.pending(), t.enriched(), t.stories(), t.deadLetters())
                .redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        Thread reader = new Thread(() -> {
            try {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (line.contains("RUNNING") || line.contains("ERROR") || line.contains("Exception")) {
                        System.out.println("[instance B] " + line);
                    }
                }
            } catch (Exception ignored) {
                // the process ended
            }
        });
        reader.setDaemon(true);
        reader.start();
        return p;
    }

    private static void close(KafkaStreams streams) {
        streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(Duration.ofSeconds(20)));
    }

    private static StoryTopology.Topics topics(String kind, String run, String pending) {
        return new StoryTopology.Topics(pending, "instances." + kind + ".enriched." + run, "instances." + kind + ".stories." + run,
                "instances." + kind + ".dlq." + run);
    }

    private static List<String> ids(List<EnrichedArticle> articles) {
        return articles.stream().map(EnrichedArticle::id).toList();
    }

    private static void publish(String topic, List<EnrichedArticle> articles) throws Exception {
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (EnrichedArticle a : articles) {
                send(producer, topic, a.id(), NewsJson.mapper().writeValueAsBytes(a));
            }
        }
    }

    /** The latest enriched record of each id (a handover may publish a record again: same answer). */
    private static Map<String, JsonNode> awaitLatest(String topic, List<String> ids) {
        Map<String, JsonNode> latest = new LinkedHashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            consumer.subscribe(List.of(topic));
            await().atMost(PATIENCE).until(() -> {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    latest.put(r.key(), NewsJson.mapper().readTree(r.value()));
                }
                return latest.keySet().containsAll(ids);
            });
        }
        return latest;
    }
}
