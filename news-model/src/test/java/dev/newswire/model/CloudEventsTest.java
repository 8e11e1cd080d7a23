package dev.newswire.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CloudEventsTest {

    @Test
    void headersAreTheBinaryModeSetInRecordOrder() {
        Map<String, byte[]> headers = CloudEvents.headers("id-1", CloudEvents.TYPE_RAW,
                "/newswire/ingest-service/http", Instant.parse("2026-01-02T03:04:05Z"));

        Map<String, String> text = new LinkedHashMap<>();
        headers.forEach((name, value) -> text.put(name, new String(value, StandardCharsets.UTF_8)));
        assertThat(text).containsExactly(
                Map.entry("ce_specversion", "1.0"),
                Map.entry("ce_id", "id-1"),
                Map.entry("ce_type", "newswire.article.raw.v1"),
                Map.entry("ce_source", "/newswire/ingest-service/http"),
                Map.entry("ce_time", "2026-01-02T03:04:05Z"),
                Map.entry("content-type", "application/json"));
    }

    @Test
    void valuesAreUtf8() {
        Map<String, byte[]> headers = CloudEvents.headers("id", CloudEvents.TYPE_ENRICHED, "/quelle/ü",
                Instant.EPOCH);
        assertThat(headers.get(CloudEvents.HEADER_SOURCE)).isEqualTo("/quelle/ü".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aMissingValueIsNamed() {
        assertThatThrownBy(() -> CloudEvents.headers(null, CloudEvents.TYPE_RAW, "/s", Instant.EPOCH))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("ce_id");
    }
}
