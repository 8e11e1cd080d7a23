package dev.newswire.model;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * CloudEvents 1.0 Kafka binary-mode header names and the event types Newswire emits.
 * Binary mode keeps the record value a plain article JSON that any consumer can read.
 */
public final class CloudEvents {

    public static final String SPEC_VERSION = "1.0";
    public static final String TYPE_RAW = "newswire.article.raw.v1";
    public static final String TYPE_ENRICHED = "newswire.article.enriched.v1";
    /** A new version of a story on {@link Topics#STORIES} ({@link StoryRecord}). */
    public static final String TYPE_STORY = "newswire.story.v1";

    public static final String HEADER_SPEC_VERSION = "ce_specversion";
    public static final String HEADER_ID = "ce_id";
    public static final String HEADER_TYPE = "ce_type";
    public static final String HEADER_SOURCE = "ce_source";
    public static final String HEADER_TIME = "ce_time";
    public static final String HEADER_CONTENT_TYPE = "content-type";

    /**
     * The binary-mode headers of one event, name to UTF-8 value, in the order they go on the record.
     * A map rather than Kafka {@code Header}s so news-model stays free of kafka-clients; each service
     * turns the entries into its own record headers. Content type is always {@code application/json}.
     */
    public static Map<String, byte[]> headers(String id, String type, String source, Instant time) {
        Map<String, byte[]> headers = new LinkedHashMap<>();
        put(headers, HEADER_SPEC_VERSION, SPEC_VERSION);
        put(headers, HEADER_ID, id);
        put(headers, HEADER_TYPE, type);
        put(headers, HEADER_SOURCE, source);
        put(headers, HEADER_TIME, Objects.requireNonNull(time, "time").toString());
        put(headers, HEADER_CONTENT_TYPE, "application/json");
        return Collections.unmodifiableMap(headers);
    }

    private static void put(Map<String, byte[]> headers, String name, String value) {
        headers.put(name, Objects.requireNonNull(value, name).getBytes(StandardCharsets.UTF_8));
    }

    private CloudEvents() {
    }
}
