package dev.newswire.ingest.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newswire.ingest.config.IngestConfig;
import dev.newswire.ingest.messaging.BrokerRefusedException;
import dev.newswire.ingest.messaging.BrokerUnavailableException;
import dev.newswire.ingest.messaging.RecordTooLargeForTopicException;
import dev.newswire.kafka.NewswireKafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * A broker outage is not the feed's fault. Every poll during one fetches the feed and fails to
 * publish; before, each such poll counted as a feed failure, so the feed was backed off (up to
 * max-backoff, 6 h) and, after max-consecutive-failures polls, disabled until someone POSTed it
 * again: a few hours without the broker silently stopped every feed.
 */
@QuarkusTest
@QuarkusTestResource(NewswireKafkaResource.class)
class FeedPublishOutageTest {

    private static final int INTERVAL_SECONDS = 60;

    @Inject
    IngestConfig config;
    @Inject
    FeedMetrics metrics;

    @Test
    void pollsThatCannotPublishNeitherBackTheFeedOffNorDisableIt() {
        try (FeedServer server = FeedServer.start()) {
            server.serve("/outage.xml", FeedServer.rss(FeedReplicasTest.feedXml(1).getBytes(StandardCharsets.UTF_8), "\"v1\""));
            FeedPoller poller = new FeedPoller(config, new FetchTools(config.feeds(), "NewswireBot/outage-test"), metrics,
                    (article, channel) -> CompletableFuture.failedFuture(new BrokerUnavailableException("broker unavailable", null)));
            FeedDefinition feed = new FeedDefinition("outage-feed", server.url("/outage.xml"), INTERVAL_SECONDS, false,
                    null, "test", Instant.now(), Instant.now());
            FeedStatus status = FeedStatus.fresh(feed.id(), Instant.now());
            int polls = config.feeds().maxConsecutiveFailures() * 2;
            for (int i = 0; i < polls; i++) {
                Instant before = Instant.now();
                status = poller.poll(feed, status);
                assertThat(status.disabled()).as("disabled after poll %d", i + 1).isFalse();
                assertThat(status.consecutiveErrors()).as("feed failures after poll %d", i + 1).isZero();
                assertThat(status.lastError()).startsWith("publish");
                // its own interval (plus at most 10 % jitter), not a growing back-off
                assertThat(status.nextPoll()).isBefore(before.plus(Duration.ofSeconds(INTERVAL_SECONDS * 11L / 10 + 1)));
                // nothing was published: the next poll must fetch the items in full again
                assertThat(status.etag()).isNull();
                assertThat(status.recentItemIds()).isEmpty();
            }
            assertThat(server.hits("/outage.xml")).hasSize(polls);
        }
    }

    /**
     * A broker that refuses every write by its settings (ACLs) refuses every feed's items alike: not
     * the feed's failure either (it would disable every feed until each is POSTed again once the ACLs
     * are fixed), and Kafka's own text stays out of the feed's status, which GET /api/feeds shows.
     */
    @Test
    void aBrokerThatRefusesEveryWriteDisablesNoFeedAndItsReasonStaysInTheLog() {
        try (FeedServer server = FeedServer.start()) {
            server.serve("/refused.xml", FeedServer.rss(FeedReplicasTest.feedXml(3).getBytes(StandardCharsets.UTF_8), null));
            FeedPoller poller = new FeedPoller(config, new FetchTools(config.feeds(), "NewswireBot/outage-test"), metrics,
                    (article, channel) -> CompletableFuture.failedFuture(new BrokerRefusedException("The Kafka broker refused"
                            + " the article: org.apache.kafka.common.errors.TopicAuthorizationException: Not authorized to access"
                            + " topics: [news.articles.raw]", null)));
            FeedDefinition feed = new FeedDefinition("refused-feed", server.url("/refused.xml"), INTERVAL_SECONDS, false,
                    null, "test", Instant.now(), Instant.now());
            FeedStatus status = FeedStatus.fresh(feed.id(), Instant.now());
            for (int i = 0; i < config.feeds().maxConsecutiveFailures() + 1; i++) {
                status = poller.poll(feed, status);
                assertThat(status.disabled()).isFalse();
                assertThat(status.consecutiveErrors()).isZero();
            }
            assertThat(status.lastError()).startsWith("publish: the Kafka broker refused the write")
                    .doesNotContain("org.apache.kafka", "news.articles.raw");
        }
    }

    /** An item no broker state lets through is the feed's failure still: backed off, in the end disabled. */
    @Test
    void anItemTheTopicRefusesStillCountsAsTheFeedsFailure() {
        try (FeedServer server = FeedServer.start()) {
            server.serve("/too-large.xml", FeedServer.rss(FeedReplicasTest.feedXml(2).getBytes(StandardCharsets.UTF_8), null));
            FeedPoller poller = new FeedPoller(config, new FetchTools(config.feeds(), "NewswireBot/outage-test"), metrics,
                    (article, channel) -> CompletableFuture.failedFuture(
                            new RecordTooLargeForTopicException("The message is 2097152 bytes when serialized", null)));
            FeedDefinition feed = new FeedDefinition("too-large-feed", server.url("/too-large.xml"), INTERVAL_SECONDS, false,
                    null, "test", Instant.now(), Instant.now());
            FeedStatus status = FeedStatus.fresh(feed.id(), Instant.now());
            for (int i = 1; i <= config.feeds().maxConsecutiveFailures(); i++) {
                status = poller.poll(feed, status);
                assertThat(status.consecutiveErrors()).isEqualTo(i);
            }
            assertThat(status.disabled()).isTrue();
        }
    }
}
