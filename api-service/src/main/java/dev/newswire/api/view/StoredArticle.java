package dev.newswire.api.view;

import dev.newswire.model.EnrichedArticle;
import io.vertx.core.buffer.Buffer;
import java.time.Instant;

/**
 * One record of the topic as this instance holds it: where it came from, the article, its JSON
 * serialised once, and the finished SSE frame that every in-sync subscriber receives byte for byte.
 *
 * @param seq        this instance's arrival number (the order of its stream; not shared between instances)
 * @param tokenAfter the global position after this record, i.e. the resume token of its event
 * @param time       the article's own time (published, else received, else the record time): sort key of the JSON API
 */
public record StoredArticle(long seq, int partition, long offset, EnrichedArticle article, byte[] json,
                            Position tokenAfter, String token, Buffer frame, Instant time) {

    public String id() {
        return article.id();
    }

    public static StoredArticle of(long seq, int partition, long offset, long recordTimestamp,
                                   EnrichedArticle article, byte[] json, Position tokenAfter) {
        String token = tokenAfter.token();
        Instant time = article.publishedAt() != null ? article.publishedAt()
                : article.receivedAt() != null ? article.receivedAt()
                : article.enrichedAt() != null ? article.enrichedAt()
                : Instant.ofEpochMilli(recordTimestamp);
        return new StoredArticle(seq, partition, offset, article, json, tokenAfter, token,
                SseFrames.article(token, json), time);
    }
}
