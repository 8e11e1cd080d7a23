package dev.newswire.enrich.messaging;

import static dev.newswire.enrich.messaging.TopicClients.CASE_HEADER;
import static dev.newswire.enrich.messaging.TopicClients.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.newswire.kafka.NewswireKafkaResource;
import dev.newswire.model.ArticleIds;
import dev.newswire.model.DeadLetterHeaders;
import dev.newswire.model.EnrichedArticle;
import dev.newswire.model.NewsJson;
import dev.newswire.model.Topics;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;

/**
 * Issue 9 item 1, enrich side: hostile records produced straight into {@code news.articles.raw}
 * (bypassing ingest) never stop the consumer. Each one is enriched when it is a readable article,
 * goes to the dead-letter topic with its original bytes and error headers, or (a tombstone) is
 * skipped and counted; a good article produced after all of them is enriched, liveness stays UP.
 */
@QuarkusTest
@WithTestResource(NewswireKafkaResource.class)
class HostileRawRecordsTest {

    private static final Duration PATIENCE = Duration.ofMinutes(3);
    private static final String[] FIELDS = {"id", "source", "url", "title", "body", "contentType", "publishedAt", "receivedAt", "language"};

    enum Outcome { DLQ, ENRICHED, SKIPPED, DLQ_OR_ENRICHED }

    record Hostile(String name, String key, byte[] value, Long timestamp, Outcome outcome, String enrichedKey) {
    }

    @Test
    void noHostileRecordStopsTheConsumer() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<Hostile> cases = hostileCases(run);
        double skippedBefore = skippedTombstones();

        try (KafkaProducer<String, byte[]> producer = TopicClients.producer()) {
            for (Hostile h : cases) {
                producer.send(TopicClients.raw(h.name(), h.key(), h.value(), h.timestamp())).get();
            }
        }
        String goodId = "good-after-" + run;
        try (KafkaProducer<String, byte[]> producer = TopicClients.producer()) {
            producer.send(TopicClients.raw("good-" + run, goodId, article(goodId, "2026-01-01T00:00:00Z", run), null)).get();
        }

        Map<String, ConsumerRecord<String, byte[]>> dead = new ConcurrentHashMap<>();
        Map<String, ConsumerRecord<String, byte[]>> enriched = new ConcurrentHashMap<>();
        try (KafkaConsumer<String, byte[]> dlq = TopicClients.consumer(); KafkaConsumer<String, byte[]> out = TopicClients.consumer()) {
            dlq.subscribe(List.of(Topics.DLQ));
            out.subscribe(List.of(Topics.ENRICHED));
            await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
                dlq.poll(Duration.ofMillis(200)).forEach(r -> {
                    String name = header(r.headers(), CASE_HEADER);
                    if (name != null) {
                        dead.put(name, r);
                    }
                });
                out.poll(Duration.ofMillis(200)).forEach(r -> enriched.put(String.valueOf(r.key()), r));
                assertThat(cases.stream().filter(h -> !settled(h, dead, enriched)).map(Hostile::name))
                        .as("hostile records not handled yet").isEmpty();
                assertThat(enriched).as("the good article after them").containsKey(goodId);
            });
        }

        for (Hostile h : cases) {
            boolean inDlq = dead.containsKey(h.name());
            boolean wasEnriched = h.enrichedKey() != null && enriched.containsKey(h.enrichedKey());
            switch (h.outcome()) {
                case DLQ -> assertThat(inDlq).as("%s in the DLQ", h.name()).isTrue();
                case ENRICHED -> assertThat(wasEnriched).as("%s enriched", h.name()).isTrue();
                case SKIPPED -> assertThat(inDlq || wasEnriched).as("%s skipped", h.name()).isFalse();
                case DLQ_OR_ENRICHED -> assertThat(inDlq || wasEnriched).as("%s handled", h.name()).isTrue();
            }
            if (inDlq) {
                ConsumerRecord<String, byte[]> d = dead.get(h.name());
                assertThat(d.value()).as("original bytes of %s", h.name()).isEqualTo(h.value());
                assertThat(d.key()).isEqualTo(h.key());
                assertThat(header(d.headers(), DeadLetterHeaders.ERROR_CLASS)).as(h.name()).isNotBlank();
                assertThat(header(d.headers(), DeadLetterHeaders.ERROR_MESSAGE)).as(h.name()).isNotBlank();
                assertThat(header(d.headers(), DeadLetterHeaders.ERROR_STAGE)).as(h.name()).isNotBlank();
                assertThat(header(d.headers(), DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo(Topics.RAW);
                assertThat(Long.parseLong(header(d.headers(), DeadLetterHeaders.SOURCE_OFFSET))).isNotNegative();
            }
        }
        EnrichedArticle good = NewsJson.mapper().readValue(enriched.get(goodId).value(), EnrichedArticle.class);
        assertThat(good.summary()).isNotBlank();
        await().atMost(Duration.ofSeconds(30)).until(() -> skippedTombstones() >= skippedBefore + 1);
        RestAssured.get("/q/health/live").then().statusCode(200);
    }

    private static boolean settled(Hostile h, Map<String, ?> dead, Map<String, ?> enriched) {
        boolean inDlq = dead.containsKey(h.name());
        boolean wasEnriched = h.enrichedKey() != null && enriched.containsKey(h.enrichedKey());
        return switch (h.outcome()) {
            case DLQ -> inDlq;
            case ENRICHED -> wasEnriched;
            case SKIPPED -> true;
            case DLQ_OR_ENRICHED -> inDlq || wasEnriched;
        };
    }

    private static double skippedTombstones() {
        String metrics = RestAssured.get("/q/metrics").asString();
        return metrics.lines()
                .filter(l -> l.startsWith("newswire_enrich_records_skipped_total") && l.contains("reason=\"tombstone\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }

    private static List<Hostile> hostileCases(String run) {
        List<Hostile> cases = new ArrayList<>();
        // timestamps: far future, far past, numbers that overflow an Instant or a long
        cases.add(dlq("future-published-" + run, fields(run, "publishedAt", "\"+300000-01-01T00:00:00Z\"")));
        cases.add(dlq("past-published-" + run, fields(run, "publishedAt", "\"-5000-01-01T00:00:00Z\"")));
        cases.add(dlq("future-received-" + run, fields(run, "receivedAt", "\"+999999999-12-31T23:59:59Z\"")));
        cases.add(dlq("negative-epoch-" + run, fields(run, "publishedAt", "-9000000000000000")));
        cases.add(dlq("huge-float-" + run, fields(run, "publishedAt", "1e300")));
        cases.add(dlq("long-number-" + run, fields(run, "receivedAt", "9".repeat(5000))));
        // wrong JSON types for every field, and values that are not objects
        for (String field : FIELDS) {
            cases.add(dlq("object-" + field + "-" + run, fields(run, field, "{\"nested\":[1,2,{\"x\":null}]}")));
            cases.add(dlq("array-" + field + "-" + run, fields(run, field, "[\"a\",1]")));
        }
        for (String notAnObject : List.of("[1,2,3]", "\"just a string\"", "42", "null", "true")) {
            cases.add(dlq("not-object-" + notAnObject.hashCode() + "-" + run, notAnObject.getBytes(StandardCharsets.UTF_8)));
        }
        // deep nesting: must be refused by the parser's limits, not by a stack overflow
        cases.add(dlq("deep-unknown-" + run, ("{\"zzz\":" + "[".repeat(200_000) + "]".repeat(200_000) + ",\"body\":\"x\"}")
                .getBytes(StandardCharsets.UTF_8)));
        cases.add(dlq("deep-body-" + run, ("{\"body\":" + "{\"a\":".repeat(50_000) + "1" + "}".repeat(50_000) + "}")
                .getBytes(StandardCharsets.UTF_8)));
        // encodings, sizes, emptiness
        cases.add(dlq("invalid-utf8-" + run, concat("{\"body\":\"caf".getBytes(StandardCharsets.UTF_8),
                new byte[] {(byte) 0xC3, 0x28, (byte) 0xFE}, "\"}".getBytes(StandardCharsets.UTF_8))));
        cases.add(dlq("empty-" + run, new byte[0]));
        byte[] junk = new byte[4096];
        new Random(42).nextBytes(junk);
        cases.add(dlq("binary-" + run, junk));
        cases.add(dlq("too-large-" + run, fields(run, "title", "\"" + "t".repeat(1_100_000) + "\"")));
        cases.add(new Hostile("tombstone-" + run, "tombstone-" + run, null, null, Outcome.SKIPPED, null));
        // readable articles that are still odd: enriched (or, if they cannot be, dead-lettered)
        String bigId = "big-title-" + run;
        cases.add(new Hostile(bigId, bigId, withTitle(bigId, "T".repeat(1_040_000), run), null, Outcome.DLQ_OR_ENRICHED, bigId));
        String unknownId = "unknown-fields-" + run;
        cases.add(new Hostile(unknownId, unknownId, ("{\"id\":\"" + unknownId + "\",\"body\":\"" + body(run)
                + "\",\"entities\":\"bogus\",\"zzz\":{\"a\":[1,2,3]},\"pipeline\":42}").getBytes(StandardCharsets.UTF_8),
                null, Outcome.ENRICHED, unknownId));
        String missingBody = body(run) + " Missing id.";
        cases.add(new Hostile("missing-id-" + run, null, ("{\"source\":\"test\",\"body\":\"" + missingBody + "\"}")
                .getBytes(StandardCharsets.UTF_8), null, Outcome.ENRICHED, ArticleIds.of(null, missingBody)));
        String nullKeyId = "null-key-" + run;
        cases.add(new Hostile(nullKeyId, null, article(nullKeyId, "2025-06-01T00:00:00Z", run), null, Outcome.ENRICHED, nullKeyId));
        String epochId = "kafka-epoch-" + run;
        cases.add(new Hostile(epochId, epochId, article(epochId, "2025-06-01T00:00:00Z", run), 0L, Outcome.ENRICHED, epochId));
        String htmlId = "empty-html-" + run;
        cases.add(new Hostile(htmlId, htmlId, ("{\"id\":\"" + htmlId + "\",\"contentType\":\"text/html\",\"body\":"
                + "\"<p></p><script>alert(1)</script><style>p{}</style>\"}").getBytes(StandardCharsets.UTF_8),
                null, Outcome.DLQ_OR_ENRICHED, htmlId));
        return cases;
    }

    private static Hostile dlq(String name, byte[] value) {
        return new Hostile(name, name, value, null, Outcome.DLQ, null);
    }

    /** A valid article except that {@code field} holds {@code json}. */
    private static byte[] fields(String run, String field, String json) {
        Map<String, String> members = new LinkedHashMap<>();
        members.put("id", "\"hostile-" + UUID.randomUUID() + "\"");
        members.put("source", "\"test\"");
        members.put("title", "\"Hostile\"");
        members.put("body", "\"" + body(run) + "\"");
        members.put("contentType", "\"text/plain\"");
        members.put("publishedAt", "\"2025-06-01T00:00:00Z\"");
        members.put(field, json);
        StringBuilder sb = new StringBuilder("{");
        members.forEach((k, v) -> sb.append(sb.length() > 1 ? "," : "").append('"').append(k).append("\":").append(v));
        return sb.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] article(String id, String publishedAt, String run) {
        return ("{\"id\":\"" + id + "\",\"source\":\"test\",\"title\":\"Ceasefire talks resume\",\"body\":\"" + body(run)
                + "\",\"contentType\":\"text/plain\",\"publishedAt\":\"" + publishedAt + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] withTitle(String id, String title, String run) {
        return ("{\"id\":\"" + id + "\",\"title\":\"" + title + "\",\"body\":\"" + body(run) + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    private static String body(String run) {
        return "Foreign ministers met in Geneva on Monday for talks on a ceasefire (" + run + "). "
                + "The diplomats said the negotiations would resume next week after both sides exchanged proposals. "
                + "Aid agencies urged the parties to let humanitarian convoys reach civilians.";
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] all = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }
}
