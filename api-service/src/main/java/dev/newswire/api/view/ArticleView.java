package dev.newswire.api.view;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.newswire.api.config.ApiConfig;
import dev.newswire.model.EnrichedArticle;
import dev.newswire.model.NewsJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.Optional;

/**
 * The bounded in-memory view of the topic: the {@link ArticleLog} streams replay from and the
 * {@link ArticleIndex} the JSON API queries. Filled by the topic reader only (one writer thread).
 */
@ApplicationScoped
public class ArticleView {

    private static final ObjectReader READER = NewsJson.mapper().readerFor(EnrichedArticle.class);
    private static final ObjectWriter WRITER = NewsJson.mapper().writerFor(EnrichedArticle.class);

    private final ArticleLog log;
    private final ArticleIndex index = new ArticleIndex();

    @Inject
    public ArticleView(ApiConfig config) {
        this(config.viewCapacity());
    }

    public ArticleView(int capacity) {
        this.log = new ArticleLog(capacity);
    }

    /** Parses a record value; empty for tombstones and values that are not an article. */
    public static Optional<EnrichedArticle> parse(byte[] value) {
        if (value == null || value.length == 0) {
            return Optional.empty();
        }
        try {
            EnrichedArticle article = READER.readValue(value);
            return article.id() == null ? Optional.empty() : Optional.of(article);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The article serialised once, compactly (one line, as an SSE data field needs). */
    public static byte[] json(EnrichedArticle article) {
        try {
            return WRITER.writeValueAsBytes(article);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public void startAt(Position start) {
        log.startAt(start);
    }

    public StoredArticle append(int partition, long offset, long timestamp, EnrichedArticle article) {
        return log.append(partition, offset, timestamp, article, json(article), index::evict, index::put);
    }

    public ArticleLog log() {
        return log;
    }

    public ArticleIndex index() {
        return index;
    }
}
