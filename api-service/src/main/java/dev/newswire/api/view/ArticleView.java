package dev.newswire.api.view;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.newswire.api.config.ApiConfig;
import dev.newswire.model.EnrichedArticle;
import dev.newswire.model.NewsJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The bounded in-memory view of the topic: the {@link ArticleLog} streams replay from and the
 * {@link ArticleIndex} the JSON API queries. Filled by the topic reader only (one writer thread).
 * Every record moves the view's position, whether it is appended, deletes an article or is skipped,
 * so resume tokens cover exactly what was read.
 */
@ApplicationScoped
public class ArticleView {

    private final ArticleLog log;
    private final ArticleIndex index = new ArticleIndex();

    @Inject
    public ArticleView(ApiConfig config) {
        this(config.viewCapacity());
    }

    public ArticleView(int capacity) {
        this.log = new ArticleLog(capacity);
    }

    public void startAt(Position start) {
        log.startAt(start);
    }

    public StoredArticle append(int partition, long offset, long timestamp, RecordDecoder.Article decoded) {
        return log.append(partition, offset, timestamp, decoded.article(), decoded.json(), index::evict, index::put);
    }

    /** Appends an article serialised with the contract mapping, as the enrich-service writes it. */
    public StoredArticle append(int partition, long offset, long timestamp, EnrichedArticle article) {
        try {
            return append(partition, offset, timestamp,
                    new RecordDecoder.Article(article, NewsJson.mapper().writeValueAsBytes(article)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A tombstone: the article leaves the JSON API and replays (which show what the compacted topic
     * holds). Live subscribers get no event: the SSE contract has no deletions.
     */
    public void remove(int partition, long offset, String id) {
        index.remove(id);
        log.skip(partition, offset);
    }

    /** A record the view cannot hold: only the position moves past it. */
    public void skip(int partition, long offset) {
        log.skip(partition, offset);
    }

    public ArticleLog log() {
        return log;
    }

    public ArticleIndex index() {
        return index;
    }
}
