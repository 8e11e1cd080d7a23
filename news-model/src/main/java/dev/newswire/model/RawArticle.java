package dev.newswire.model;

import java.time.Instant;

/**
 * An article as it entered Newswire, before any enrichment: the value of {@link Topics#RAW}.
 *
 * @param id          stable id from {@link ArticleIds}; also the Kafka key
 * @param source      where it came from, e.g. {@code http}, {@code replay:000_x.txt}, a feed URL
 * @param url         canonical link when known
 * @param title       headline when the sender gave one
 * @param body        the text or HTML as sent (required, never blank)
 * @param contentType {@link #TEXT_PLAIN} or {@link #TEXT_HTML}
 * @param publishedAt when the publisher says it appeared
 * @param receivedAt  when ingest accepted it
 * @param language    BCP-47 hint from the sender; enrich detects its own
 */
public record RawArticle(
        String id,
        String source,
        String url,
        String title,
        String body,
        String contentType,
        Instant publishedAt,
        Instant receivedAt,
        String language) {

    public static final String TEXT_PLAIN = "text/plain";
    public static final String TEXT_HTML = "text/html";

    public boolean isHtml() {
        return TEXT_HTML.equals(contentType);
    }

    public RawArticle withId(String newId) {
        return new RawArticle(newId, source, url, title, body, contentType, publishedAt, receivedAt, language);
    }

    public RawArticle withReceivedAt(Instant when) {
        return new RawArticle(id, source, url, title, body, contentType, publishedAt, when, language);
    }
}
