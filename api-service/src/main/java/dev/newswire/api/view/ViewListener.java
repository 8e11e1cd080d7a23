package dev.newswire.api.view;

import java.util.List;

/**
 * Told of each batch of records the topic reader appended to the view (on the reader's thread).
 * The fan-out implements it; the reader knows only this interface, so Kafka reading does not
 * depend on streaming.
 */
public interface ViewListener {

    void appended(List<StoredArticle> batch);
}
