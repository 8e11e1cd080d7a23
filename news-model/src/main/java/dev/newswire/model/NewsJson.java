package dev.newswire.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one JSON mapping of the contract. Every service uses these settings (directly or through a
 * Quarkus {@code ObjectMapperCustomizer}) so that what one writes, every other reads:
 * ISO-8601 instants, no nulls written, unknown fields ignored so old consumers survive new fields,
 * map entries sorted by key so the same event always serialises to the same bytes.
 */
public final class NewsJson {

    private static final ObjectMapper MAPPER = configure(JsonMapper.builder().build());

    private NewsJson() {
    }

    /** A shared, thread-safe mapper with the contract settings. Do not reconfigure it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Applies the contract settings to a mapper owned by someone else (e.g. Quarkus). */
    public static ObjectMapper configure(ObjectMapper mapper) {
        return mapper
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL);
    }
}
