package dev.newswire.api.stream;

import dev.newswire.api.view.Position;
import static dev.newswire.api.support.TestArticles.about;
import static dev.newswire.api.support.TestArticles.publish;
import static org.assertj.core.api.Assertions.assertThat;

import dev.newswire.api.support.SseClient;
import dev.newswire.kafka.NewswireKafkaResource;
import dev.newswire.model.EnrichedArticle;
import dev.newswire.model.Topics;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Exact resume against the real broker and real HTTP: read N, disconnect, M more are published,
 * reconnect with the last id gets exactly those M, in the order a subscriber that stayed saw them.
 * "Exactly" is shown with a sentinel published last: the events before it are the whole answer.
 */
@QuarkusTest
@QuarkusTestResource(NewswireKafkaResource.class)
class StreamResumeTest {

    @TestHTTPResource("/api/stream")
    URL stream;

    private static List<EnrichedArticle> publishAll(String marker, int n) {
        List<EnrichedArticle> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            EnrichedArticle a = about(marker, "story " + i);
            publish(a);
            out.add(a);
        }
        return out;
    }

    private static List<String> ids(List<EnrichedArticle> articles) {
        return articles.stream().map(EnrichedArticle::id).toList();
    }

    @Test
    void lastEventIdHeaderResumesExactlyAfterTheEvent() {
        String marker = "m" + UUID.randomUUID().toString().substring(0, 8);
        try (SseClient witness = SseClient.open(stream + "?entity=" + marker)) {
            List<String> lastSeen;
            String token;
            try (SseClient first = SseClient.open(stream.toString())) {
                List<EnrichedArticle> batch = publishAll(marker, 5);
                first.awaitArticle(batch.get(4).id());
                lastSeen = first.articleIds();
                token = first.lastId();
                assertThat(lastSeen).containsAll(ids(batch));
            }
            List<EnrichedArticle> more = publishAll(marker, 4);
            EnrichedArticle sentinel = about(marker, "sentinel");
            publish(sentinel);
            List<String> witnessed = witness.awaitArticle(sentinel.id());

            try (SseClient resumed = SseClient.open(stream.toString(), Map.of("Last-Event-ID", token))) {
                List<String> got = resumed.awaitArticle(sentinel.id());
                List<String> expected = new ArrayList<>(ids(more));
                expected.add(sentinel.id());
                assertThat(got).containsExactlyElementsOf(expected.stream().filter(got::contains).toList());
                assertThat(got).hasSize(5).doesNotContainAnyElementsOf(lastSeen);
                // Same order as the subscriber that never left.
                assertThat(got).containsExactlyElementsOf(witnessed.subList(witnessed.size() - 5, witnessed.size()));
            }
        }
    }

    @Test
    void lastEventIdParameterWithAFilterResumesExactly() {
        String marker = "f" + UUID.randomUUID().toString().substring(0, 8);
        String other = "o" + UUID.randomUUID().toString().substring(0, 8);
        String url = stream + "?entity=alias-" + marker;   // matched through the alias
        String token;
        try (SseClient first = SseClient.open(url)) {
            List<EnrichedArticle> batch = publishAll(marker, 3);
            publishAll(other, 2);
            first.awaitArticle(batch.get(2).id());
            token = first.lastId();
            assertThat(first.articleIds()).containsExactlyElementsOf(ids(batch));
        }
        publishAll(other, 3);
        List<EnrichedArticle> more = publishAll(marker, 3);
        publishAll(other, 1);
        EnrichedArticle sentinel = about(marker, "sentinel");
        publish(sentinel);
        try (SseClient resumed = SseClient.open(url + "&lastEventId=" + token)) {
            List<String> got = resumed.awaitArticle(sentinel.id());
            assertThat(got).hasSize(4).containsAll(ids(more)).endsWith(sentinel.id());
        }
    }

    @Test
    void fromEarliestReplaysEverythingThenGoesLive() {
        String marker = "e" + UUID.randomUUID().toString().substring(0, 8);
        List<EnrichedArticle> old = publishAll(marker, 3);
        try (SseClient client = SseClient.open(stream + "?from=earliest&entity=" + marker)) {
            client.awaitArticles(3);
            EnrichedArticle live = about(marker, "live");
            publish(live);
            List<String> got = client.awaitArticle(live.id());
            assertThat(got).hasSize(4).containsAll(ids(old)).endsWith(live.id());
        }
    }

    @Test
    void sinceStartsAtTheFirstRecordAtOrAfterTheTime() {
        String marker = "s" + UUID.randomUUID().toString().substring(0, 8);
        // Later than any other test's records, within the broker's accepted skew (1 h by default).
        long future = Instant.now().plusSeconds(30 * 60).toEpochMilli();
        EnrichedArticle before = about(marker, "before");
        EnrichedArticle after1 = about(marker, "after one");
        EnrichedArticle after2 = about(marker, "after two");
        publish(Topics.ENRICHED, before, future);
        publish(Topics.ENRICHED, after1, future + 10_000);
        publish(Topics.ENRICHED, after2, future + 20_000);
        try (SseClient iso = SseClient.open(stream + "?since=" + Instant.ofEpochMilli(future + 5_000));
             SseClient millis = SseClient.open(stream + "?since=" + (future + 5_000))) {
            EnrichedArticle sentinel = about(marker, "sentinel");
            publish(Topics.ENRICHED, sentinel, future + 30_000);
            assertThat(iso.awaitArticle(sentinel.id())).containsExactlyInAnyOrder(after1.id(), after2.id(), sentinel.id());
            assertThat(millis.awaitArticle(sentinel.id())).containsExactlyInAnyOrder(after1.id(), after2.id(), sentinel.id());
        }
    }

    @Test
    void eventsCarryArticleJsonAndAResumeTokenId() {
        String marker = "j" + UUID.randomUUID().toString().substring(0, 8);
        try (SseClient client = SseClient.open(stream.toString())) {
            assertThat(client.status).isEqualTo(200);
            assertThat(client.contentType).startsWith("text/event-stream");
            EnrichedArticle a = about(marker, "json");
            publish(a);
            client.awaitArticle(a.id());
            SseClient.Event event = client.articles().get(client.articles().size() - 1);
            assertThat(event.json().get("title").asText()).isEqualTo(a.title());
            assertThat(event.id()).matches("[A-Za-z0-9_-]+");
            assertThat(Position.parse(event.id()).partitions()).isEqualTo(NewswireKafkaResource.TEST_PARTITIONS);
        }
    }

    @Test
    void aReEnrichedArticleIsReplayedOnceInItsLatestVersion() {
        String marker = "r" + UUID.randomUUID().toString().substring(0, 8);
        EnrichedArticle v1 = about(marker, "first version");
        EnrichedArticle v2 = new EnrichedArticle(v1.id(), v1.source(), v1.url(), "second version " + marker, v1.authors(),
                v1.language(), v1.text(), v1.summary(), v1.entities(), v1.tags(), v1.keyphrases(), null, null,
                v1.publishedAt(), v1.receivedAt(), Instant.now(), null);
        EnrichedArticle other = about(marker, "other");
        publish(v1);
        publish(other);
        publish(v2);
        // "Live" starts at the view's head: let the view have v2 before the live subscriber connects.
        org.awaitility.Awaitility.await().until(() -> v2.title().equals(
                io.restassured.RestAssured.get("/api/articles/" + v1.id()).then().extract().path("title")));
        try (SseClient live = SseClient.open(stream + "?entity=" + marker)) {
            // Replay from the start shows the article once, latest version, at the place of its latest version.
            try (SseClient replay = SseClient.open(stream + "?from=earliest&entity=" + marker)) {
                EnrichedArticle sentinel = about(marker, "sentinel");
                publish(sentinel);
                assertThat(replay.awaitArticle(sentinel.id())).containsExactly(other.id(), v1.id(), sentinel.id());
                assertThat(replay.articles().get(1).json().get("title").asText()).isEqualTo(v2.title());
                // Live subscribers see every new version as it happens.
                EnrichedArticle v3 = new EnrichedArticle(v1.id(), v1.source(), v1.url(), "third version " + marker, v1.authors(),
                        v1.language(), v1.text(), v1.summary(), v1.entities(), v1.tags(), v1.keyphrases(), null, null,
                        v1.publishedAt(), v1.receivedAt(), Instant.now(), null);
                publish(v3);
                org.awaitility.Awaitility.await().until(() -> live.articles().size() == 2 && replay.articles().size() == 4);
                assertThat(live.articleIds()).containsExactly(sentinel.id(), v1.id());
            }
        }
    }
}
