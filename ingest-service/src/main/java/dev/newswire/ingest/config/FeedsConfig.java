package dev.newswire.ingest.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** {@code newswire.ingest.feeds.*}: the RSS/Atom feeds ingest polls (issue 13). */
public interface FeedsConfig {

    /** Off: no feed is polled and /api/feeds answers from the registry only. */
    @WithDefault("true")
    boolean enabled();

    /**
     * Feed URLs declared at start-up (comma-separated; env {@code NEWSWIRE_INGEST_FEEDS}, mapped in
     * application.properties). Each is registered with the defaults unless already registered:
     * re-declaring is idempotent because a feed's id comes from its normalised URL.
     */
    Optional<List<String>> declared();

    /**
     * Hosts (names, compared with the URL's host) or addresses/CIDRs (compared with every resolved
     * address) that may be fetched although they are private, loopback, link-local or otherwise not
     * public; env {@code NEWSWIRE_INGEST_FEEDS_ALLOW_HOSTS}. Default: none, only public addresses.
     */
    Optional<List<String>> allowHosts();

    /** The registry topic (compacted, key = feed id); its partitions share feeds out over replicas. */
    @WithDefault("news.feeds")
    String topic();

    /** The status topic (compacted, key = feed id); only the polling replica writes a feed's status. */
    @WithDefault("news.feeds.status")
    String statusTopic();

    /** The consumer group whose partition assignment of {@link #topic()} decides which replica polls which feed. */
    @WithDefault("newswire-ingest-feeds")
    String group();

    /** Poll interval of a feed registered without {@code intervalSeconds}. */
    @WithDefault("300s")
    Duration defaultInterval();

    /** Shortest {@code intervalSeconds} accepted: more often is impolite to the publisher. */
    @WithDefault("60s")
    Duration minInterval();

    /** Longest {@code intervalSeconds} accepted (one day). */
    @WithDefault("86400s")
    Duration maxInterval();

    /** Least time between the end of one request to a host and the start of the next (politeness). */
    @WithDefault("1s")
    Duration hostGap();

    /** Threads that poll feeds (blocking HTTP, each bounded by request-deadline). */
    @WithDefault("8")
    int pollThreads();

    /** TCP connect time-out of one request. */
    @WithDefault("5s")
    Duration connectTimeout();

    /**
     * Whole-request deadline, redirects and body included: a server that drips a byte a second is
     * cut off here, not only when one read stalls.
     */
    @WithDefault("20s")
    Duration requestDeadline();

    /** Largest feed document, after gzip is undone; larger is a too-large error. */
    @WithDefault("5M")
    MemorySize maxFeedSize();

    /** Largest article page fetched for {@code fetchArticles}; larger falls back to the feed's content. */
    @WithDefault("2M")
    MemorySize maxPageSize();

    /** Redirect hops followed per request; every hop passes the address check again. */
    @WithDefault("5")
    int maxRedirects();

    /** Consecutive failed polls after which a feed is disabled (status says why); re-POST it to enable it again. */
    @WithDefault("10")
    int maxConsecutiveFailures();

    /** Longest back-off after failures (the interval doubles per failure, with jitter, up to this). */
    @WithDefault("6h")
    Duration maxBackoff();

    /**
     * Article pages fetched per poll at most (fetchArticles), and for at most two request deadlines in
     * all; further new items use the feed's content.
     */
    @WithDefault("20")
    int maxArticlesPerPoll();

    /** Item ids remembered per feed in its status, so a restart or another replica does not publish or fetch them again. */
    @WithDefault("1000")
    int rememberedItems();

    /** The User-Agent of every request, also the agent robots.txt rules are matched against. */
    @WithDefault("NewswireBot/0.1 (+https://github.com/newswire/newswire)")
    String userAgent();

    /** How long a host's robots.txt is kept before it is fetched again. */
    @WithDefault("1h")
    Duration robotsTtl();

    /** Longest POST /api/feeds waits for the registry view to show the new feed (read-your-writes). */
    @WithDefault("5s")
    Duration viewWait();
}
