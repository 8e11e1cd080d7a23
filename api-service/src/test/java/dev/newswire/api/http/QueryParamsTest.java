package dev.newswire.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class QueryParamsTest {

    @Test
    void sinceAcceptsIsoTimesDatesAndEpochMillis() {
        assertThat(QueryParams.since("2026-01-31T12:00:00Z")).isEqualTo(Instant.parse("2026-01-31T12:00:00Z"));
        assertThat(QueryParams.since("2026-01-31T13:00:00+01:00")).isEqualTo(Instant.parse("2026-01-31T12:00:00Z"));
        assertThat(QueryParams.since("2026-01-31")).isEqualTo(Instant.parse("2026-01-31T00:00:00Z"));
        assertThat(QueryParams.since("1769860800000")).isEqualTo(Instant.ofEpochMilli(1769860800000L));
        assertThatThrownBy(() -> QueryParams.since("last week"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.parameter()).isEqualTo("since"));
    }

    @Test
    void windowsLimitsAndFrom() {
        assertThat(QueryParams.window("90m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(QueryParams.window(null)).isEqualTo(Duration.ofHours(24));
        assertThat(QueryParams.window("7d")).isEqualTo(Duration.ofDays(7));
        assertThat(QueryParams.limit(null, 20, 200)).isEqualTo(20);
        assertThat(QueryParams.limit("200", 20, 200)).isEqualTo(200);
        assertThatThrownBy(() -> QueryParams.limit("0", 20, 200)).isInstanceOf(ApiException.class);
        assertThat(QueryParams.fromEarliest("EARLIEST")).isTrue();
        assertThat(QueryParams.fromEarliest(null)).isFalse();
        assertThatThrownBy(() -> QueryParams.fromEarliest("now"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(400));
    }
}
