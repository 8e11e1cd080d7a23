package dev.newswire.model;

/** Kafka topic names of the contract (ARCHITECTURE.md, "Topics"). */
public final class Topics {

    /** Raw articles from ingest; key = article id. */
    public static final String RAW = "news.articles.raw";
    /** Enriched articles; key = article id; compacted. */
    public static final String ENRICHED = "news.articles.enriched";
    /**
     * Internal to enrich-service: enriched articles before story assignment (one partition, the
     * single ordering point of the story step); the story step copies them to {@link #ENRICHED}.
     */
    public static final String ENRICHED_PENDING = "news.articles.enriched.pending";
    /** Stories ({@link StoryRecord}); key = story id; compacted. */
    public static final String STORIES = "news.stories";
    /**
     * Feeds ingest follows (issue 13); key = feed id, value = the feed's definition; compacted, a
     * tombstone deletes the feed. Its partitions are how feeds are shared out over ingest replicas.
     */
    public static final String FEEDS = "news.feeds";
    /** The latest poll status of each feed; key = feed id; compacted; written by the polling replica. */
    public static final String FEEDS_STATUS = "news.feeds.status";
    /** Input enrich could not process: the original bytes plus error headers. */
    public static final String DLQ = "news.articles.dlq";

    private Topics() {
    }
}
