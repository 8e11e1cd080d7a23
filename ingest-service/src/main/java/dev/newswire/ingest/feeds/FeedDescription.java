package dev.newswire.ingest.feeds;

import java.time.Instant;

/**
 * A feed as the API shows it: its definition and its status (null until it was first polled).
 * The status leaves out what only the poller needs (validators, recent item ids).
 */
public record FeedDescription(String id, String url, long intervalSeconds, boolean fetchArticles, String language,
                              String source, Instant registeredAt, Instant updatedAt, Status status) {

    public record Status(Instant lastPoll, Instant lastSuccess, Integer httpStatus, long itemsSeen, long itemsPublished,
                         int consecutiveErrors, Instant nextPoll, String lastError, String lastWarning, String disabledReason,
                         String feedTitle) {
    }

    static FeedDescription of(FeedDefinition feed, FeedStatus status) {
        Status shown = status == null ? null : new Status(status.lastPoll(), status.lastSuccess(), status.httpStatus(),
                status.itemsSeen(), status.itemsPublished(), status.consecutiveErrors(), status.nextPoll(), status.lastError(),
                status.lastWarning(), status.disabledReason(), status.feedTitle());
        return new FeedDescription(feed.id(), feed.url(), feed.intervalSeconds(), feed.fetchArticles(), feed.language(),
                feed.source(), feed.registeredAt(), feed.updatedAt(), shown);
    }
}
