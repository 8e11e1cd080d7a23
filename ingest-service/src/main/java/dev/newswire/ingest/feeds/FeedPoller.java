package dev.newswire.ingest.feeds;

import com.rometools.rome.feed.synd.SyndFeed;
import dev.newswire.ingest.config.FeedsConfig;
import dev.newswire.ingest.config.IngestConfig;
import dev.newswire.ingest.feeds.fetch.FetchException;
import dev.newswire.ingest.feeds.fetch.HttpFetcher;
import dev.newswire.ingest.feeds.items.FeedItem;
import dev.newswire.ingest.feeds.items.FeedParser;
import dev.newswire.ingest.feeds.items.ItemMapper;
import dev.newswire.ingest.intake.Accepted;
import dev.newswire.ingest.intake.ArticleIntake;
import dev.newswire.ingest.messaging.BrokerRefusedException;
import dev.newswire.ingest.messaging.BrokerUnavailableException;
import dev.newswire.model.RawArticle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * One poll of one feed: a conditional GET, Rome, items → raw articles through the ingest intake,
 * and the feed's next status. Items whose ids are in the status's recent ids were handled by an
 * earlier poll (of this replica, an earlier run, or another replica) and are neither fetched nor
 * published again; a new item whose id was already published (another feed carries the same link)
 * is answered duplicate by the intake. If publishing fails (the broker is away), the validators
 * (ETag, Last-Modified) and the unpublished ids are not kept, so the next poll gets the items again,
 * after the feed's interval: a broker outage of any length neither backs a feed off nor disables it.
 */
@ApplicationScoped
public class FeedPoller {

    private static final Logger LOG = Logger.getLogger(FeedPoller.class);
    static final String CHANNEL = "feed";
    private static final String FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9,"
            + " application/xml;q=0.8, text/xml;q=0.8, */*;q=0.1";
    private static final String PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.1";

    private final FeedsConfig config;
    private final FetchTools tools;
    private final FeedMetrics metrics;
    private final ArticleSink sink;
    private final long maxBody;
    private final Duration publishWait;

    @Inject
    public FeedPoller(IngestConfig config, FetchTools tools, FeedMetrics metrics, ArticleIntake intake) {
        this(config, tools, metrics, intake::accept);
    }

    public FeedPoller(IngestConfig config, FetchTools tools, FeedMetrics metrics, ArticleSink sink) {
        this.config = config.feeds();
        this.tools = tools;
        this.metrics = metrics;
        this.sink = sink;
        this.maxBody = config.maxArticleSize().asLongValue();
        this.publishWait = config.publish().timeout().plusSeconds(1);
    }

    public FeedStatus poll(FeedDefinition feed, FeedStatus before) {
        Instant now = Instant.now();
        Duration interval = Duration.ofSeconds(feed.intervalSeconds());
        HttpFetcher.Response response;
        long started = System.nanoTime();
        try {
            response = tools.fetcher().get(new HttpFetcher.Request(URI.create(feed.url()), FEED_ACCEPT,
                    config.maxFeedSize().asLongValue(), before.etag(), before.lastModified()));
        } catch (FetchException e) {
            return failed(feed, before, now, e.kind().tag(), e.getMessage(), e.status(), e.retryAfter());
        } finally {
            metrics.fetchLatency("feed", System.nanoTime() - started);
        }
        if (response.notModified()) {
            metrics.poll("not-modified");
            return new FeedStatus(feed.id(), now, now, 304, before.itemsSeen(), before.itemsPublished(), 0,
                    Backoff.afterSuccess(now, interval), null, before.lastWarning(), null, before.feedTitle(),
                    keep(response.etag(), before.etag()), keep(response.lastModified(), before.lastModified()),
                    before.recentItemIds());
        }
        SyndFeed parsed;
        try {
            parsed = FeedParser.parse(response.body(), response.contentType());
        } catch (FetchException e) {
            return failed(feed, before, now, e.kind().tag(), e.getMessage(), response.status(), null);
        }
        ItemMapper.Mapped mapped = ItemMapper.map(parsed, response.uri(), feed.source(), feed.language(), maxBody, now);
        Set<String> known = new HashSet<>(before.recentItemIds() == null ? List.of() : before.recentItemIds());
        List<String> documentIds = new ArrayList<>();
        int fresh = 0;
        int published = 0;
        int pagesFetched = 0;
        // Article pages get at most two request deadlines per poll in all, so one feed of slow pages
        // cannot hold a poll thread (or a rebalance, which waits for running polls) for long.
        long pagesUntil = System.nanoTime() + config.requestDeadline().multipliedBy(2).toNanos();
        String publishError = null;
        boolean brokerAway = false;
        for (FeedItem item : mapped.items()) {
            String id = item.article().id();
            if (known.contains(id) || documentIds.contains(id)) {
                documentIds.add(id);
                continue;
            }
            RawArticle article = item.article();
            if (feed.fetchArticles() && item.link() != null && pagesFetched < config.maxArticlesPerPoll()
                    && System.nanoTime() < pagesUntil) {
                pagesFetched++;
                article = fromPage(item, now);
            }
            try {
                Accepted accepted = sink.accept(article, CHANNEL).get(publishWait.toMillis(), TimeUnit.MILLISECONDS);
                if (accepted.duplicate()) {
                    metrics.duplicate();
                } else {
                    published++;
                    metrics.published();
                }
                fresh++;
                documentIds.add(id);
            } catch (Exception e) {
                Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
                if (cause instanceof BrokerRefusedException) {
                    // The broker's settings refuse every feed's items alike: not this feed's failure (it
                    // would disable every feed until each is POSTed again once they are fixed). Kafka's
                    // reason goes to the log, not to GET /api/feeds.
                    LOG.warnf("Feed %s: %s", feed.id(), cause.getMessage());
                    publishError = "publish: the Kafka broker refused the write (its ACLs or topic settings; see the service log)";
                } else {
                    publishError = "publish: " + (cause.getMessage() != null ? cause.getMessage() : cause.toString());
                }
                brokerAway = cause instanceof BrokerUnavailableException || cause instanceof BrokerRefusedException
                        || cause instanceof TimeoutException;
                metrics.error("publish");
                break;
            }
        }
        List<String> recent = recentIds(documentIds, before.recentItemIds());
        String warning = warning(mapped);
        String title = parsed.getTitle();
        if (publishError != null && brokerAway) {
            // The broker failed, not the feed (away, or refusing every write by its settings): neither
            // backs the feed off nor counts towards disabling it (a few hours' outage disabled every feed
            // for good, and backed-off feeds were next polled up to max-backoff after the broker was
            // back). Polled again after its interval.
            // Validators are not kept: the next poll must see these items again to publish the rest.
            metrics.poll("error");
            return new FeedStatus(feed.id(), now, before.lastSuccess(), response.status(), before.itemsSeen() + fresh,
                    before.itemsPublished() + published, 0, Backoff.afterSuccess(now, interval), publishError,
                    warning, null, title, before.etag(), before.lastModified(), recent);
        }
        if (publishError != null) {
            // An item the intake refuses whatever the broker's state (larger than the topic takes): the
            // feed's failure, backed off and in the end disabled with the reason, as before.
            FeedStatus failed = failed(feed, before, now, "publish", publishError, response.status(), null);
            return new FeedStatus(feed.id(), now, failed.lastSuccess(), response.status(), before.itemsSeen() + fresh,
                    before.itemsPublished() + published, failed.consecutiveErrors(), failed.nextPoll(), failed.lastError(),
                    warning, failed.disabledReason(), title, before.etag(), before.lastModified(), recent);
        }
        metrics.poll("ok");
        return new FeedStatus(feed.id(), now, now, response.status(), before.itemsSeen() + fresh,
                before.itemsPublished() + published, 0, Backoff.afterSuccess(now, interval), null, warning, null, title,
                response.etag(), response.lastModified(), recent);
    }

    /** The linked page as a text/html article (enrich extracts its main text), else the feed's own content. */
    private RawArticle fromPage(FeedItem item, Instant now) {
        long started = System.nanoTime();
        try {
            if (!tools.robots().allowed(item.link())) {
                metrics.error("robots");
                return item.article();
            }
            HttpFetcher.Response page = tools.fetcher().get(new HttpFetcher.Request(item.link(), PAGE_ACCEPT,
                    config.maxPageSize().asLongValue(), null, null));
            String type = page.contentType() == null ? "" : page.contentType().toLowerCase(Locale.ROOT);
            if (!type.contains("html")) {
                metrics.error("not-html");
                return item.article();
            }
            RawArticle fromPage = ItemMapper.fromPage(item, new String(page.body(), charset(type)), now);
            return fromPage != null ? fromPage : item.article();
        } catch (FetchException e) {
            metrics.error("article-" + e.kind().tag());
            LOG.debugf("article %s not fetched (%s): using the feed's content", item.link(), e.describe());
            return item.article();
        } finally {
            metrics.fetchLatency("article", System.nanoTime() - started);
        }
    }

    private FeedStatus failed(FeedDefinition feed, FeedStatus before, Instant now, String kind, String message,
                              Integer httpStatus, Duration retryAfter) {
        metrics.poll("error");
        metrics.error(kind);
        int errors = before.consecutiveErrors() + 1;
        String error = kind + ": " + message;
        String disabled = errors >= config.maxConsecutiveFailures()
                ? errors + " consecutive failures, the last " + error + " (POST the feed again to resume polling)" : null;
        Instant next = disabled != null ? null
                : Backoff.afterFailure(now, Duration.ofSeconds(feed.intervalSeconds()), errors, retryAfter, config.maxBackoff());
        if (disabled != null) {
            LOG.warnf("Feed %s (%s) disabled: %s", feed.id(), feed.url(), disabled);
        }
        return new FeedStatus(feed.id(), now, before.lastSuccess(), httpStatus, before.itemsSeen(), before.itemsPublished(),
                errors, next, error, before.lastWarning(), disabled, before.feedTitle(), before.etag(), before.lastModified(),
                before.recentItemIds());
    }

    private List<String> recentIds(List<String> document, List<String> earlier) {
        LinkedHashSet<String> ids = new LinkedHashSet<>(document);
        if (earlier != null) {
            ids.addAll(earlier);
        }
        return ids.stream().limit(config.rememberedItems()).toList();
    }

    private static String warning(ItemMapper.Mapped mapped) {
        List<String> parts = new ArrayList<>();
        if (mapped.withoutLink() > 0) {
            parts.add(mapped.withoutLink() + " item(s) without a link (published with an id from their text)");
        }
        if (mapped.refused() > 0) {
            parts.add(mapped.refused() + " item(s) not usable, e.g. " + mapped.firstRefusal());
        }
        return parts.isEmpty() ? null : String.join("; ", parts);
    }

    private static String keep(String fresh, String earlier) {
        return fresh != null ? fresh : earlier;
    }

    private static java.nio.charset.Charset charset(String contentType) {
        int at = contentType.indexOf("charset=");
        if (at >= 0) {
            try {
                return java.nio.charset.Charset.forName(contentType.substring(at + 8).replace("\"", "").split(";")[0].strip());
            } catch (RuntimeException e) {
                return StandardCharsets.UTF_8;
            }
        }
        return StandardCharsets.UTF_8;
    }
}
