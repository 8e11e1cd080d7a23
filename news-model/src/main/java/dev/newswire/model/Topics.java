package dev.newswire.model;

/** Kafka topic names of the contract (ARCHITECTURE.md, "Topics"). */
public final class Topics {

    /** Raw articles from ingest; key = article id. */
    public static final String RAW = "news.articles.raw";
    /** Enriched articles; key = article id; compacted. */
    public static final String ENRICHED = "news.articles.enriched";
    /** Input enrich could not process: the original bytes plus error headers. */
    public static final String DLQ = "news.articles.dlq";
    /** Stories (articles about one event); key = storyId; compacted; a merged story is republished with mergedInto. */
    public static final String STORIES = "news.stories";

    private Topics() {
    }
}
