package dev.newswire.ingest.feeds.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newswire.ingest.feeds.FeedServer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The bounded GET against a real local server: conditional requests, gzip, and every cap. */
class HttpFetcherTest {

    private static final long CAP = 256 * 1024;
    private final FeedServer server = FeedServer.start();

    private HttpFetcher fetcher(Duration gap, Duration deadline) {
        return new HttpFetcher(new AddressGuard(List.of("127.0.0.1")), new HostGate(gap), Duration.ofSeconds(2), deadline, 3,
                "NewswireBot/test");
    }

    private HttpFetcher fetcher() {
        return fetcher(Duration.ZERO, Duration.ofSeconds(2));
    }

    private HttpFetcher.Request get(String path, String etag) {
        return new HttpFetcher.Request(URI.create(server.url(path)), "application/rss+xml", CAP, etag, null);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aSecondRequestWithTheEtagGets304() throws Exception {
        server.serve("/feed", FeedServer.rss("<rss/>".getBytes(), "\"v1\""));
        HttpFetcher.Response first = fetcher().get(get("/feed", null));
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.etag()).isEqualTo("\"v1\"");
        HttpFetcher.Response second = fetcher().get(get("/feed", first.etag()));
        assertThat(second.notModified()).isTrue();
        assertThat(server.hits("/feed").get(1).header("If-None-Match")).isEqualTo("\"v1\"");
        assertThat(server.hits("/feed").get(0).header("User-Agent")).isEqualTo("NewswireBot/test");
        assertThat(server.hits("/feed").get(0).header("Accept-Encoding")).isEqualTo("gzip");
    }

    @Test
    void gzipIsUndoneAndAGzipBombStopsAtTheCap() throws Exception {
        server.serve("/gz", FeedServer.gzip("application/rss+xml", "<rss>ok</rss>".getBytes()));
        assertThat(new String(fetcher().get(get("/gz", null)).body(), StandardCharsets.UTF_8)).isEqualTo("<rss>ok</rss>");
        server.serve("/bomb", FeedServer.gzip("application/rss+xml", new byte[20 * 1024 * 1024]));
        assertThatThrownBy(() -> fetcher().get(get("/bomb", null)))
                .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.kind()).isEqualTo(FetchException.Kind.TOO_LARGE));
    }

    @Test
    void aHundredMegabyteBodyStopsAtTheCap() {
        server.serve("/huge", FeedServer.endless(100L * 1024 * 1024));
        long started = System.nanoTime();
        assertThatThrownBy(() -> fetcher().get(get("/huge", null)))
                .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.kind()).isEqualTo(FetchException.Kind.TOO_LARGE));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void anEndlessRedirectStopsAfterTheHopLimit() {
        server.serve("/loop", FeedServer.redirect("/loop"));
        assertThatThrownBy(() -> fetcher().get(get("/loop", null)))
                .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.kind()).isEqualTo(FetchException.Kind.TOO_MANY_REDIRECTS));
        assertThat(server.hits("/loop")).hasSize(4); // the request and 3 redirects
    }

    @Test
    void aRedirectToANonPublicAddressIsRefusedBeforeConnecting() {
        try (FeedServer internal = FeedServer.start("127.0.0.2")) {
            internal.serve("/secret", FeedServer.html("secret"));
            server.serve("/to-internal", FeedServer.redirect(internal.url("/secret")));
            server.serve("/to-metadata", FeedServer.redirect("http://169.254.169.254/latest/meta-data/"));
            assertThatThrownBy(() -> fetcher().get(get("/to-internal", null)))
                    .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.kind()).isEqualTo(FetchException.Kind.BLOCKED_ADDRESS));
            assertThatThrownBy(() -> fetcher().get(get("/to-metadata", null)))
                    .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.kind()).isEqualTo(FetchException.Kind.BLOCKED_ADDRESS));
            assertThat(internal.hits()).isEmpty();
        }
    }

    @Test
    void loopbackIsRefusedWithoutTheAllowList() {
        server.serve("/feed", FeedServer.rss("<rss/>".getBytes(), null));
        HttpFetcher open = new HttpFetcher(new AddressGuard(List.of()), new HostGate(Duration.ZERO), Duration.ofSeconds(1),
                Duration.ofSeconds(1), 3, "NewswireBot/test");
        assertThatThrownBy(() -> open.get(get("/feed", null)))
                .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.kind()).isEqualTo(FetchException.Kind.BLOCKED_ADDRESS));
        assertThat(server.hits()).isEmpty();
    }

    @Test
    void aSlowDripIsCutOffAtTheOverallDeadline() {
        server.serve("/drip", FeedServer.drip());
        long started = System.nanoTime();
        assertThatThrownBy(() -> fetcher(Duration.ZERO, Duration.ofSeconds(1)).get(get("/drip", null)))
                .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.kind()).isEqualTo(FetchException.Kind.TIMEOUT));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2500));
    }

    @Test
    void retryAfterIsReported() {
        server.serve("/busy", FeedServer.status(503, "7"));
        assertThatThrownBy(() -> fetcher().get(get("/busy", null)))
                .isInstanceOfSatisfying(FetchException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FetchException.Kind.HTTP_STATUS);
                    assertThat(e.status()).isEqualTo(503);
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(7));
                });
    }

    @Test
    void oneRequestAtATimePerHostWithAGap() {
        server.serve("/slow", FeedServer.slow(150, FeedServer.rss("<rss/>".getBytes(), null)));
        HttpFetcher polite = fetcher(Duration.ofMillis(300), Duration.ofSeconds(5));
        CompletableFuture<?>[] calls = new CompletableFuture<?>[3];
        for (int i = 0; i < calls.length; i++) {
            calls[i] = CompletableFuture.runAsync(() -> {
                try {
                    polite.get(get("/slow", null));
                } catch (FetchException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        CompletableFuture.allOf(calls).join();
        assertThat(server.maxInFlight()).isEqualTo(1);
        List<FeedServer.Hit> hits = server.hits("/slow").stream()
                .sorted(java.util.Comparator.comparingLong(FeedServer.Hit::startNanos)).toList();
        for (int i = 1; i < hits.size(); i++) {
            assertThat(Duration.ofNanos(hits.get(i).startNanos() - hits.get(i - 1).endNanos()))
                    .isGreaterThanOrEqualTo(Duration.ofMillis(250));
        }
    }
}
