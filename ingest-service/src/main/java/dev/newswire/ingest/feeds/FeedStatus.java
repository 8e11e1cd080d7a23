package dev.newswire.ingest.feeds;

import java.time.Instant;
import java.util.List;

/**
 * The latest poll outcome of one feed, the value of a {@code news.feeds.status} record (key = feed
 * id), written by the replica that polls it. {@link #etag()}, {@link #lastModified()} and
 * {@link #recentItemIds()} travel with it so that whichever replica polls next (after a restart or
 * a rebalance) asks conditionally and skips items already published.
 *
 * @param httpStatus     the last answer's status (304 = not modified); null when no answer came
 * @param lastError      kind and message of the last failure ({@code timeout: ...}); null after a success
 * @param lastWarning    something about the content worth knowing, e.g. items without links
 * @param disabledReason set when the feed is no longer polled, and why; re-POST the feed to enable it
 * @param recentItemIds  article ids of the items seen lately, newest first, bounded
 */
public record FeedStatus(String id, Instant lastPoll, Instant lastSuccess, Integer httpStatus, long itemsSeen,
                         long itemsPublished, int consecutiveErrors, Instant nextPoll, String lastError,
                         String lastWarning, String disabledReason, String feedTitle, String etag, String lastModified,
                         List<String> recentItemIds) {

    /** A feed that was never polled: due at once. */
    public static FeedStatus fresh(String id, Instant now) {
        return new FeedStatus(id, null, null, null, 0, 0, 0, now, null, null, null, null, null, null, List.of());
    }

    public boolean disabled() {
        return disabledReason != null;
    }
}
