package dev.newswire.api.stream;

import static dev.newswire.api.support.TestArticles.article;
import static dev.newswire.api.support.TestArticles.person;
import static dev.newswire.api.support.TestArticles.publish;
import static dev.newswire.api.support.TestArticles.publishAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.newswire.api.support.ChunkedSse;
import dev.newswire.api.support.OwnTopic;
import dev.newswire.api.support.StreamMeters;
import dev.newswire.api.support.SseClient;
import dev.newswire.kafka.NewswireKafkaResource;
import dev.newswire.model.EnrichedArticle;
import dev.newswire.model.NewsJson;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, fan-out: live events written below Vert.x's response ({@link DirectChannel}: chunks
 * framed once per event and shared, one flush per batch, a coalescing window of 300 ms here so
 * several events leave in one write). Read through a strict chunked-framing parser
 * ({@link ChunkedSse}): each event must still be its own valid chunk and its own SSE event with its
 * resume id, interleaved correctly with what the response writes (heartbeats, resync, the end).
 */
@QuarkusTest
@QuarkusTestResource(NewswireKafkaResource.class)
@TestProfile(DirectWritesTest.CoalescingOwnTopic.class)
class DirectWritesTest {

    static final String TOPIC = "direct.test.enriched";

    public static class CoalescingOwnTopic implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("newswire.api.stream.coalesce", "300ms");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(OwnTopic.entry(TOPIC, Map.of()));
        }
    }

    @TestHTTPResource("/api/stream")
    URL stream;

    @Inject
    MeterRegistry registry;

    @Inject
    StreamHub hub;

    @Test
    void eventsWrittenTogetherAreSeparateValidChunksAndEventsWithResumableIds() throws Exception {
        String m = "direct" + UUID.randomUUID().toString().substring(0, 8);
        double directBefore = directCount();
        int before = settledSubscribers();
        try (ChunkedSse client = new ChunkedSse(stream.getHost(), stream.getPort(), "/api/stream?entity=" + m, 0)) {
            client.readHead();
            await().until(() -> hub.subscribers() > before);
            assertThat(directCount()).as("the live subscriber writes directly").isGreaterThan(directBefore);

            List<EnrichedArticle> articles = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                articles.add(article("Direct " + i + " " + m, "text " + i + " ".repeat(i * 1000), "en", List.of(person(m)), List.of()));
            }
            long fannedOut = StreamMeters.fannedOut(registry);
            publishAll(TOPIC, articles);   // back to back: several land in one coalescing window
            List<ChunkedSse.Event> events = client.readUntil("article", 6);
            // The server's own share of each event's latency is measured, per record and event loop.
            await().until(() -> StreamMeters.fannedOut(registry) >= fannedOut + articles.size());

            List<ChunkedSse.Event> received = events.stream().filter(e -> "article".equals(e.name())).toList();
            assertThat(received).extracting(e -> NewsJson.mapper().readTree(e.data()).get("id").asText())
                    .containsExactlyElementsOf(articles.stream().map(EnrichedArticle::id).toList());
            assertThat(received).extracting(ChunkedSse.Event::id).doesNotContainNull().doesNotHaveDuplicates();
            assertThat(client.chunks()).as("one chunk per event at least").isGreaterThanOrEqualTo(received.size());

            // Each id is the exact resume point after its event.
            try (SseClient resumed = SseClient.open(stream + "?entity=" + m + "&lastEventId=" + received.get(1).id())) {
                assertThat(resumed.awaitArticle(articles.get(5).id()))
                        .containsExactlyElementsOf(articles.subList(2, 6).stream().map(EnrichedArticle::id).toList());
            }
        }
    }

    @Test
    void aBurstFarLargerThanTheQueueInOneWindowDoesNotCutAReadingClient() throws Exception {
        String m = "burst" + UUID.randomUUID().toString().substring(0, 8);
        double cutBefore = cutCount();
        int before = settledSubscribers();
        try (ChunkedSse client = new ChunkedSse(stream.getHost(), stream.getPort(), "/api/stream?entity=" + m, 0)) {
            client.readHead();
            await().until(() -> hub.subscribers() > before);
            // 40 × 8 KB within a few 300 ms windows: each window's records are queued for one flush,
            // far more than the 64 KB queue (test profile) if nothing were flushed before the end.
            List<EnrichedArticle> burst = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                burst.add(article("Burst " + i + " " + m, "x".repeat(8_000), "en", List.of(person(m)), List.of()));
            }
            publishAll(TOPIC, burst);
            List<ChunkedSse.Event> events = client.readUntil("article", 40);
            assertThat(events).extracting(ChunkedSse.Event::name).doesNotContain("resync");
            // In order across passes (at most EventLoopFanOut.MAX_RECORDS_PER_PASS records each).
            assertThat(events.stream().filter(e -> "article".equals(e.name())).toList())
                    .extracting(e -> NewsJson.mapper().readTree(e.data()).get("id").asText())
                    .containsExactlyElementsOf(burst.stream().map(EnrichedArticle::id).toList());
            assertThat(cutCount()).isEqualTo(cutBefore);
        }
    }

    @Test
    void aLiveClientThatStopsReadingIsCutAndFindsItsEventsThenTheResyncThenTheEnd() throws Exception {
        String m = "stall" + UUID.randomUUID().toString().substring(0, 8);
        double cutBefore = cutCount();
        int before = settledSubscribers();
        try (ChunkedSse slow = new ChunkedSse(stream.getHost(), stream.getPort(), "/api/stream?entity=" + m, 4096)) {
            await().until(() -> hub.subscribers() > before);
            String big = "word ".repeat(20_000);   // ~100 KB per article: far more than the 64 KB queue and 4 KB window
            List<String> published = new ArrayList<>();
            for (int i = 0; i < 200 && cutCount() == cutBefore; i++) {
                EnrichedArticle a = article("Stalled " + i + " " + m, big, "en", List.of(person(m)), List.of());
                publish(TOPIC, a, null);
                published.add(a.id());
            }
            await().until(() -> cutCount() > cutBefore);

            // Reading at last: a prefix of what was published, in order and whole, then resync naming the
            // last event received as the resume point, then the zero chunk.
            slow.readHead();
            List<ChunkedSse.Event> events = slow.readUntil("resync", 1);
            List<ChunkedSse.Event> articles = events.stream().filter(e -> "article".equals(e.name())).toList();
            ChunkedSse.Event resync = events.get(events.size() - 1);
            assertThat(resync.name()).isEqualTo("resync");
            assertThat(articles).isNotEmpty();
            assertThat(articles).extracting(e -> NewsJson.mapper().readTree(e.data()).get("id").asText())
                    .containsExactlyElementsOf(published.subList(0, articles.size()));
            assertThat(resync.id()).isEqualTo(articles.get(articles.size() - 1).id());
            assertThat(NewsJson.mapper().readTree(resync.data()).get("lastEventId").asText()).isEqualTo(resync.id());
            slow.readUntil("never", 1);
            assertThat(slow.ended()).as("the response ends with the zero chunk").isTrue();
        }
    }

    /**
     * 0 once the sockets of earlier tests are closed on the server side too: counting from a number
     * that a late close still lowers could miss the new subscriber (seen when a test before failed
     * with its client open, on a loaded machine).
     */
    private int settledSubscribers() {
        await().until(() -> hub.subscribers() == 0);
        return 0;
    }

    private double cutCount() {
        return StreamMeters.cuts(registry);
    }

    private double directCount() {
        return StreamMeters.direct(registry);
    }
}
