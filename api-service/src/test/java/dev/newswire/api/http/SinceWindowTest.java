package dev.newswire.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newswire.api.support.RawHttp;
import dev.newswire.kafka.NewswireKafkaResource;
import dev.newswire.model.NewsJson;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 9 item 9: {@code since} accepts 1970-01-01T00:00:00Z up to one day from now (epoch
 * milliseconds from 0); anything else is a 400 problem naming {@code since}, never a 500, a 503
 * or one of Kafka's special offsets (-1 latest, -2 earliest).
 */
@QuarkusTest
@QuarkusTestResource(NewswireKafkaResource.class)
class SinceWindowTest {

    @TestHTTPResource("/")
    URL root;

    @ParameterizedTest
    @ValueSource(strings = {"%2B999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "-100", "-1", "-2", "-0",
            "1969-12-31", "1969-12-31T23:59:59.999Z", "1969-12-31T23:00:00%2B02:00", "3000-01-01", "32503680000000",
            "999999999999999", "99999999999999999999", "2026-02-30", "%00", "1e3"})
    void outsideTheWindowIs400NamingSince(String since) throws Exception {
        assertBadSince(since);
    }

    @Test
    void moreThanADayAheadIs400() throws Exception {
        assertBadSince(String.valueOf(Instant.now().plus(Duration.ofDays(2)).toEpochMilli()));
        assertBadSince(Instant.now().plus(Duration.ofDays(3)).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "1970-01-01", "1970-01-01T00:00:00Z", "2020-02-29T12:00:00%2B02:00", "2024-06-01T10:15:30.123Z"})
    void insideTheWindowStreams(String since) {
        assertStreams(since);
    }

    @Test
    void recentAndNearFutureTimesStream() {
        assertStreams(String.valueOf(Instant.now().minus(Duration.ofHours(1)).toEpochMilli()));
        assertStreams(Instant.now().plus(Duration.ofHours(12)).toString());
    }

    private void assertBadSince(String since) throws Exception {
        RawHttp.Answer answer = RawHttp.get(root.getPort(), "/api/stream?since=" + since);
        assertThat(answer.status()).as("since=%s -> %s", since, answer).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        JsonNode problem = NewsJson.mapper().readTree(answer.body());
        assertThat(problem.path("parameter").asText()).isEqualTo("since");
        assertThat(problem.path("detail").asText()).contains("1970-01-01");
    }

    private void assertStreams(String since) {
        RawHttp.Answer answer = RawHttp.get(root.getPort(), "/api/stream?since=" + since);
        assertThat(answer.status()).as("since=%s -> %s", since, answer).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("text/event-stream");
    }
}
