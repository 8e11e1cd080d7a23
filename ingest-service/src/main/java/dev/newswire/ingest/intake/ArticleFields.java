package dev.newswire.ingest.intake;

/**
 * The optional fields a sender may give besides the body, as sent (strings, not yet validated):
 * members of a JSON article, or query parameters of a text/plain or text/html post.
 */
public record ArticleFields(String title, String url, String source, String publishedAt, String language) {

    public static final ArticleFields NONE = new ArticleFields(null, null, null, null, null);

    public ArticleFields withSource(String newSource) {
        return new ArticleFields(title, url, newSource, publishedAt, language);
    }
}
