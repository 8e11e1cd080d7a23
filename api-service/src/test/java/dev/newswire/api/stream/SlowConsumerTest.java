package dev.newswire.api.stream;

import static dev.newswire.api.support.TestArticles.article;
import static dev.newswire.api.support.TestArticles.person;
import static dev.newswire.api.support.TestArticles.publishAll;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.newswire.api.support.OwnTopic;
import dev.newswire.api.support.SseClient;
import dev.newswire.api.support.StreamMeters;
import dev.newswire.api.view.Position;
import dev.newswire.kafka.NewswireKafkaResource;
import dev.newswire.model.EnrichedArticle;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 9 item 6 and issue 14: a client that sends its request and never reads is cut in every
 * phase (replay from the view, catch-up from Kafka), not only when live; its socket is really
 * closed within a bound, and the subscriber gauge (open connections) comes back to 0. Before, a
 * replaying client was never cut, and a catch-up that timed out on such a client left the gauge
 * one too high for good.
 *
 * <p>A one-partition topic with 30 articles of 600 KB and a view of 10: offsets 20..29 (6 MB) are
 * in the view, 0..19 only in Kafka; far more than the client's 4 KB window and the 64 KB queue.
 */
@QuarkusTest
@QuarkusTestResource(NewswireKafkaResource.class)
@TestProfile(SlowConsumerTest.SmallViewOwnTopic.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlowConsumerTest {

    static final String TOPIC = "slow.test.enriched";
    static final Duration CLOSE_BOUND = Duration.ofSeconds(30);

    public static class SmallViewOwnTopic implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("newswire.api.view-capacity", "10",
                    "newswire.api.stream.close-grace", "3s", "quarkus.http.idle-timeout", "6s");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(OwnTopic.entry(TOPIC, Map.of("max.message.bytes", "2000000")));
        }
    }

    @TestHTTPResource("/api/stream")
    URL stream;

    @Inject
    MeterRegistry registry;

    private final List<String> ids = new ArrayList<>();

    /** Once per class, from the first test (RestAssured knows the test port only inside a test). */
    private synchronized void publishLargeArticles() {
        if (!ids.isEmpty()) {
            return;
        }
        String big = "word ".repeat(120_000);   // ~600 KB each
        List<EnrichedArticle> articles = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            articles.add(article("Large " + i, big, "en", List.of(person("slowpoke")), List.of()));
        }
        publishAll(TOPIC, articles);
        articles.forEach(a -> ids.add(a.id()));
        await().until(() -> given().get("/api/articles/" + ids.get(29)).statusCode() == 200);
    }

    @Test
    void aReplayingClientThatNeverReadsIsCutAndItsSocketClosed() throws Exception {
        neverReadingClientIsCutAndClosed("lastEventId=" + Position.of(20).token());
    }

    @Test
    void aCatchingUpClientThatNeverReadsIsCutAndTheGaugeComesBackToZero() throws Exception {
        neverReadingClientIsCutAndClosed("from=earliest");
    }

    @Test
    void aReadingClientStillGetsEverythingInOrder() {
        publishLargeArticles();
        try (SseClient client = SseClient.open(stream + "?from=earliest")) {
            assertThat(client.awaitArticle(ids.get(29))).containsExactlyElementsOf(ids);
        }
        await().until(() -> subscribers() == 0);
    }

    private void neverReadingClientIsCutAndClosed(String query) throws Exception {
        publishLargeArticles();
        await().until(() -> subscribers() == 0);
        double cutBefore = cuts();
        try (Socket client = new Socket()) {
            client.setReceiveBufferSize(4096);   // a small window: the server's queue fills at once
            client.connect(new InetSocketAddress(stream.getHost(), stream.getPort()));
            client.getOutputStream().write(("GET /api/stream?" + query + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Accept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            client.getOutputStream().flush();
            long sent = System.nanoTime();
            await().atMost(Duration.ofSeconds(20)).until(() -> subscribers() == 1);

            await().atMost(CLOSE_BOUND).until(() -> cuts() > cutBefore);
            await().atMost(CLOSE_BOUND).until(() -> subscribers() == 0);
            Duration toClose = Duration.ofNanos(System.nanoTime() - sent);

            // The client reads at last: what the kernel still holds, then the end (or a reset), never a hang.
            client.setSoTimeout(20_000);
            assertThat(readsToTheEnd(client.getInputStream())).as("socket closed by the server").isTrue();
            System.out.printf("never-reading client (%s) cut and closed %d ms after its request%n", query, toClose.toMillis());
        }
    }

    private static boolean readsToTheEnd(InputStream in) throws IOException {
        byte[] buffer = new byte[1 << 16];
        try {
            while (in.read(buffer) >= 0) {
                // drain
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    private double cuts() {
        return StreamMeters.cuts(registry);
    }

    private int subscribers() {
        return StreamMeters.subscribers(registry);
    }
}
