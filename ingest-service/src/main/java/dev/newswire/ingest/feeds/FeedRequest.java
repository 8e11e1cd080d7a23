package dev.newswire.ingest.feeds;

/** The body of {@code POST /api/feeds}: only {@code url} is required. */
public record FeedRequest(String url, Long intervalSeconds, Boolean fetchArticles, String language, String source) {
}
