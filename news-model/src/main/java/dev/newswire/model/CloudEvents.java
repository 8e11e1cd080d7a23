package dev.newswire.model;

/**
 * CloudEvents 1.0 Kafka binary-mode header names and the event types Newswire emits.
 * Binary mode keeps the record value a plain article JSON that any consumer can read.
 */
public final class CloudEvents {

    public static final String SPEC_VERSION = "1.0";
    public static final String TYPE_RAW = "newswire.article.raw.v1";
    public static final String TYPE_ENRICHED = "newswire.article.enriched.v1";

    public static final String HEADER_SPEC_VERSION = "ce_specversion";
    public static final String HEADER_ID = "ce_id";
    public static final String HEADER_TYPE = "ce_type";
    public static final String HEADER_SOURCE = "ce_source";
    public static final String HEADER_TIME = "ce_time";
    public static final String HEADER_CONTENT_TYPE = "content-type";

    private CloudEvents() {
    }
}
