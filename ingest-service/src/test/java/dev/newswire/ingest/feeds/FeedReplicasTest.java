package dev.newswire.ingest.feeds;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.newswire.ingest.RawTopicReader;
import dev.newswire.ingest.config.IngestConfig;
import dev.newswire.ingest.intake.Accepted;
import dev.newswire.ingest.messaging.RawArticlePublisher;
import dev.newswire.kafka.NewswireKafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.common.annotation.Identifier;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;

/**
 * Two ingest replicas (the service under test and a second feed stack built from the same classes
 * in this JVM, with its own view, group member, HTTP client and User-Agent) share the feeds by the
 * registry's partitions: each feed is polled by one of them, each item published once. Then the
 * second replica stops: the first takes its feeds over and continues from their status in Kafka
 * (the same path as a restart), fetching and publishing none of their items again.
 * <p>
 * The second replica publishes straight to the raw topic, past the first one's dedup window, so
 * any item both replicas published would show up twice.
 */
@QuarkusTest
@QuarkusTestResource(NewswireKafkaResource.class)
class FeedReplicasTest {

    static final int FEEDS = 6;
    static final String SECOND_AGENT = "NewswireBot/replica-2";

    @Inject
    IngestConfig config;
    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafka;
    @Inject
    RawArticlePublisher publisher;
    @Inject
    FeedMetrics metrics;
    @Inject
    FeedOwnership ownership;

    static String feedXml(int feed) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>Replica feed %1$d</title><link>/</link><description>d</description>
                <item><title>First of %1$d</title><link>/r/%1$d/a1</link><description>Summary one of feed %1$d.</description></item>
                <item><title>Second of %1$d</title><link>/r/%1$d/a2</link><description>Summary two of feed %1$d.</description></item>
                </channel></rss>""".formatted(feed);
    }

    @Test
    void eachFeedHasOnePollerAndAHandOverRepublishesNothing() {
        FeedServer server = FeedServer.start();
        RawTopicReader raw = RawTopicReader.open(NewswireKafkaResource.bootstrapServers());
        PollsInFlight inFlight = new PollsInFlight();
        FeedView view = new FeedView(config, kafka, "replica-2-view");
        FeedOwnership owner = new FeedOwnership(config, kafka, inFlight, "replica-2-owner");
        FetchTools tools = new FetchTools(config.feeds(), SECOND_AGENT);
        FeedStore store = new FeedStore(config, kafka, "replica-2-store");
        FeedPoller poller = new FeedPoller(config, tools, metrics,
                (article, channel) -> publisher.publish(article, channel).thenApply(ack -> new Accepted(article.id(), false)));
        FeedScheduler scheduler = new FeedScheduler(config, view, owner, poller, store, tools, inFlight);
        List<String> ids = new ArrayList<>();
        try {
            view.start();
            owner.start();
            scheduler.start("replica-2");
            await().atMost(FeedsTest.WITHIN).until(() -> !owner.owned().isEmpty() && !ownership.owned().isEmpty());
            assertThat(owner.owned()).doesNotContainAnyElementsOf(ownership.owned());

            List<Integer> feeds = pickFeeds(server, owner.owned(), ownership.owned());
            for (int i : feeds) {
                server.serve("/r/" + i + ".xml", FeedServer.rss(feedXml(i).getBytes(StandardCharsets.UTF_8), null));
                server.serve("/r/" + i + "/a1", FeedServer.html("<html><body><p>Page one of feed " + i + ".</p></body></html>"));
                server.serve("/r/" + i + "/a2", FeedServer.html("<html><body><p>Page two of feed " + i + ".</p></body></html>"));
                ids.add(FeedsTest.register(server.url("/r/" + i + ".xml"), Map.of("intervalSeconds", 1, "fetchArticles", true)));
            }
            List<String> items = new ArrayList<>();
            for (int i : feeds) {
                items.add(FeedsTest.articleId(server.url("/r/" + i + "/a1")));
                items.add(FeedsTest.articleId(server.url("/r/" + i + "/a2")));
            }
            raw.until(records -> records.stream().map(RawTopicReader.Raw::key).collect(Collectors.toSet()).containsAll(items),
                    FeedsTest.WITHIN);
            // Several polls of every feed, each by one replica only.
            await().atMost(FeedsTest.WITHIN).until(() -> feedPaths(feeds).stream().allMatch(p -> server.hits(p).size() >= 2));
            Set<String> polledBySecond = new HashSet<>();
            for (String path : feedPaths(feeds)) {
                Set<String> agents = server.hits(path).stream().map(h -> h.header("User-Agent")).collect(Collectors.toSet());
                assertThat(agents).as("pollers of " + path).hasSize(1);
                if (agents.contains(SECOND_AGENT)) {
                    polledBySecond.add(path);
                }
            }
            assertThat(polledBySecond).as("the feeds in the second replica's partitions").hasSize(FEEDS / 2);

            // Hand-over: the second replica leaves; the first polls all feeds from their stored status.
            scheduler.close();
            owner.close();
            view.close();
            await().atMost(FeedsTest.WITHIN).until(() -> ownership.owned().size() == NewswireKafkaResource.TEST_PARTITIONS);
            int before = server.hits().size();
            await().atMost(FeedsTest.WITHIN).until(() -> polledBySecond.stream().allMatch(path -> server.hits(path).stream()
                    .anyMatch(h -> !SECOND_AGENT.equals(h.header("User-Agent")))));
            assertThat(server.hits().size()).isGreaterThan(before);

            Map<String, Long> copies = raw.records().stream().filter(r -> items.contains(r.key()))
                    .collect(Collectors.groupingBy(RawTopicReader.Raw::key, Collectors.counting()));
            assertThat(copies).hasSize(items.size()).allSatisfy((key, count) -> assertThat(count).as(key).isEqualTo(1));
            for (int i : feeds) {
                assertThat(server.hits("/r/" + i + "/a1")).as("page a1 of feed " + i).hasSize(1);
                assertThat(server.hits("/r/" + i + "/a2")).as("page a2 of feed " + i).hasSize(1);
            }
        } finally {
            scheduler.close();
            owner.close();
            view.close();
            store.close();
            for (String id : ids) {
                given().delete("/api/feeds/" + id);
            }
            raw.close();
            server.close();
        }
    }

    private static List<String> feedPaths(List<Integer> feeds) {
        return feeds.stream().map(i -> "/r/" + i + ".xml").toList();
    }

    /** Feed numbers whose ids fall half into each replica's partitions (the producer's default partitioner: murmur2 of the key). */
    private static List<Integer> pickFeeds(FeedServer server, Set<Integer> second, Set<Integer> first) {
        List<Integer> forSecond = new ArrayList<>();
        List<Integer> forFirst = new ArrayList<>();
        for (int i = 0; forSecond.size() < FEEDS / 2 || forFirst.size() < FEEDS / 2; i++) {
            String id = FeedIds.of(server.url("/r/" + i + ".xml"));
            int partition = Utils.toPositive(Utils.murmur2(id.getBytes(StandardCharsets.UTF_8))) % NewswireKafkaResource.TEST_PARTITIONS;
            if (second.contains(partition) && forSecond.size() < FEEDS / 2) {
                forSecond.add(i);
            } else if (first.contains(partition) && forFirst.size() < FEEDS / 2) {
                forFirst.add(i);
            }
        }
        List<Integer> all = new ArrayList<>(forSecond);
        all.addAll(forFirst);
        return all;
    }
}
