package dev.newswire.ingest.feeds;

import dev.newswire.ingest.intake.Accepted;
import dev.newswire.model.RawArticle;
import java.util.concurrent.CompletableFuture;

/** Where feed items go: {@code ArticleIntake::accept} in the service, the one path into the raw topic. */
@FunctionalInterface
public interface ArticleSink {
    CompletableFuture<Accepted> accept(RawArticle article, String channel);
}
