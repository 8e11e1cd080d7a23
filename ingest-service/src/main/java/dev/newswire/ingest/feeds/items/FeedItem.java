package dev.newswire.ingest.feeds.items;

import dev.newswire.ingest.intake.ArticleFields;
import dev.newswire.model.RawArticle;
import java.net.URI;

/**
 * One feed item as a raw article built from the feed's own content, plus what is needed to build it
 * again from the linked page ({@code fetchArticles}): the link and the item's fields.
 */
public record FeedItem(RawArticle article, URI link, ArticleFields fields, String authorsMarkup) {
}
