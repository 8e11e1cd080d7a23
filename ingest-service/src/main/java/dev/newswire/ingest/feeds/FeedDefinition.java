package dev.newswire.ingest.feeds;

import java.time.Instant;

/**
 * One followed feed, the value of a {@code news.feeds} record (key = {@link #id()}).
 *
 * @param url           the feed URL as registered (normalised: see {@link FeedIds})
 * @param source        the articles' {@code source}; null: the feed's own title
 * @param language      the articles' {@code language} (BCP-47); null: left to enrich's detection
 * @param fetchArticles fetch each new item's link and publish the page (text/html) instead of the feed's content
 * @param updatedAt     the last POST of this feed: a new value tells the polling replica to resume a disabled feed
 */
public record FeedDefinition(String id, String url, long intervalSeconds, boolean fetchArticles, String language,
                             String source, Instant registeredAt, Instant updatedAt) {
}
