package dev.newswire.api.view;

import dev.newswire.model.EnrichedArticle;
import io.vertx.core.buffer.Buffer;
import java.time.Duration;
import java.time.Instant;

/**
 * One record of the topic as this instance holds it: where it came from, the article (parsed for
 * the index and filters), the record's own JSON bytes (what clients receive, unknown fields
 * included), and the finished SSE frame that every in-sync subscriber receives byte for byte.
 *
 * @param seq        this instance's arrival number (the order of its stream; not shared between instances)
 * @param tokenAfter the global position after this record, i.e. the resume token of its event
 * @param time       sort key of the JSON API: the article's own time (published, else received, else
 *                   enriched, else the record time), but never more than {@link #FUTURE_ALLOWANCE}
 *                   after the service saw it, so a claimed far-future date cannot pin it to the top
 */
public record StoredArticle(long seq, int partition, long offset, EnrichedArticle article, byte[] json,
                            Position tokenAfter, String token, Buffer frame, Instant time) {

    /** How far past its arrival an article's claimed publication time may sort. */
    public static final Duration FUTURE_ALLOWANCE = Duration.ofDays(1);

    public String id() {
        return article.id();
    }

    public static StoredArticle of(long seq, int partition, long offset, long recordTimestamp,
                                   EnrichedArticle article, byte[] json, Position tokenAfter) {
        String token = tokenAfter.token();
        return new StoredArticle(seq, partition, offset, article, json, tokenAfter, token,
                SseFrames.article(token, json), sortTime(article, recordTimestamp));
    }

    static Instant sortTime(EnrichedArticle article, long recordTimestamp) {
        Instant arrived = article.receivedAt() != null ? article.receivedAt()
                : article.enrichedAt() != null ? article.enrichedAt()
                : Instant.ofEpochMilli(recordTimestamp);
        Instant claimed = article.publishedAt() != null ? article.publishedAt() : arrived;
        Instant latest = arrived.isAfter(Instant.MAX.minus(FUTURE_ALLOWANCE)) ? Instant.MAX : arrived.plus(FUTURE_ALLOWANCE);
        return claimed.isAfter(latest) ? latest : claimed;
    }
}
