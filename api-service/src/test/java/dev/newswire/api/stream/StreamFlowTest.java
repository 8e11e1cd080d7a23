package dev.newswire.api.stream;

import static dev.newswire.api.support.TestArticles.article;
import static dev.newswire.api.support.TestArticles.person;
import static dev.newswire.api.support.TestArticles.publish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.newswire.api.support.StreamMeters;
import dev.newswire.api.support.SseClient;
import dev.newswire.kafka.NewswireKafkaResource;
import dev.newswire.model.EnrichedArticle;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Heartbeats on an idle stream, and a slow subscriber cut off while a fast one keeps receiving. */
@QuarkusTest
@QuarkusTestResource(NewswireKafkaResource.class)
class StreamFlowTest {

    @TestHTTPResource("/api/stream")
    URL stream;

    @Inject
    MeterRegistry registry;

    @Test
    void heartbeatArrivesOnAnIdleStreamAfterARetryHint() {
        try (SseClient idle = SseClient.open(stream + "?entity=nobody-" + UUID.randomUUID())) {
            await().atMost(Duration.ofSeconds(10)).until(() -> idle.comments.stream().anyMatch(c -> c.startsWith(": heartbeat")));
            assertThat(idle.articles()).isEmpty();
        }
    }

    @Test
    void slowSubscriberIsCutWithAResyncEventWhileAFastOneKeepsReceiving() throws Exception {
        String m = "slow" + UUID.randomUUID().toString().substring(0, 8);
        double cutBefore = cutCount();
        try (Socket slow = new Socket(); SseClient fast = SseClient.open(stream + "?entity=" + m)) {
            slow.setReceiveBufferSize(4096);    // small window: the server's queue fills quickly
            slow.connect(new InetSocketAddress(stream.getHost(), stream.getPort()));
            OutputStream out = slow.getOutputStream();
            out.write(("GET /api/stream?entity=" + m + " HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            await().until(() -> subscribers() >= 2);

            String big = "word ".repeat(20_000);   // ~100 KB per article
            List<String> published = new ArrayList<>();
            for (int i = 0; i < 400 && cutCount() == cutBefore; i++) {
                EnrichedArticle a = article("Big " + i + " " + m, big, "en", List.of(person(m)), List.of());
                publish(a);
                published.add(a.id());
                await().atMost(Duration.ofSeconds(30)).until(() -> fast.articleIds().contains(a.id()) || cutCount() > cutBefore);
            }
            assertThat(cutCount()).as("slow subscriber cut").isGreaterThan(cutBefore);

            // The fast one is unaffected: it gets everything, including what comes after the cut.
            EnrichedArticle after = article("After " + m, "short", "en", List.of(person(m)), List.of());
            publish(after);
            published.add(after.id());
            assertThat(fast.awaitArticle(after.id())).containsExactlyElementsOf(published);

            // The slow one, once it reads, finds its queued events and then the resync event, then the end.
            slow.setSoTimeout(20_000);
            String tail = readUntil(slow.getInputStream(), "event: resync");
            assertThat(tail).contains("event: resync").contains("lastEventId");
        }
    }

    private double cutCount() {
        return StreamMeters.cuts(registry);
    }

    private int subscribers() {
        return StreamMeters.subscribers(registry);
    }

    private static String readUntil(InputStream in, String marker) throws Exception {
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        byte[] buffer = new byte[65536];
        String window = "";
        for (int n; (n = in.read(buffer)) > 0; ) {
            String chunk = new String(buffer, 0, n, StandardCharsets.UTF_8);
            window = (window + chunk);
            if (window.contains(marker)) {
                return window.substring(window.indexOf(marker));
            }
            window = window.substring(Math.max(0, window.length() - 4096));
            seen.write(buffer, 0, n);
        }
        return window;
    }
}
