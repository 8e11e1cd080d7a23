package dev.newswire.api.messaging;

import static dev.newswire.api.support.TestStories.story;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newswire.api.support.TestStories;
import dev.newswire.api.support.TopicRecords;
import dev.newswire.api.support.TopicRecords.Rec;
import dev.newswire.kafka.NewswireKafkaResource;
import dev.newswire.model.NewsJson;
import dev.newswire.model.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Hostile records produced straight into {@code news.stories} (wrong types, huge, invalid UTF-8,
 * not JSON, tombstones, no key, merge cycles) never stop the story reader: each is skipped and
 * counted, good stories after them are served, and the service stays live.
 */
@QuarkusTest
@QuarkusTestResource(NewswireKafkaResource.class)
class StoryHostileRecordsTest {

    @Inject
    MeterRegistry registry;

    @Test
    void hostileStoryRecordsAreSkippedAndGoodOnesAfterThemAreServed() throws Exception {
        String m = "hs" + UUID.randomUUID().toString().substring(0, 8);
        Instant now = Instant.now();
        String doomed = "st-doomed-" + m;
        List<Rec> hostile = new ArrayList<>();
        hostile.add(rec(story(doomed, "Doomed " + m, now, now, List.of("a"), List.of(), List.of(), null)));
        // Wrong JSON types for every field of the contract.
        for (String field : List.of("id", "title", "size", "firstSeen", "lastSeen", "entities", "tags", "articleIds", "mergedInto")) {
            for (String wrong : List.of("{}", "[1,2]", "true", "12", "-1", "\"not-a-time\"")) {
                String id = "st-w-" + field + "-" + m;
                ObjectNode node = story(id, "Wrong " + field + " " + m, now, now, List.of("a"), List.of(), List.of(), null);
                node.set(field, NewsJson.mapper().readTree(wrong));
                // Well-typed after all: a string title, a merge into a story that may come later, a size of 12.
                boolean valid = (field.equals("title") || field.equals("mergedInto")) && wrong.startsWith("\"")
                        || field.equals("size") && wrong.equals("12");
                if (!valid) {
                    hostile.add(Rec.of(id, NewsJson.mapper().writeValueAsString(node)));
                }
            }
        }
        hostile.add(Rec.of("st-e1-" + m, "{\"id\":\"st-e1-" + m + "\",\"lastSeen\":\"" + now + "\",\"entities\":[null]}"));
        hostile.add(Rec.of("st-e2-" + m, "{\"id\":\"st-e2-" + m + "\",\"lastSeen\":\"" + now + "\",\"entities\":[{\"type\":\"PERSON\"}]}"));
        hostile.add(Rec.of("st-e3-" + m, "{\"id\":\"st-e3-" + m + "\",\"lastSeen\":\"" + now + "\",\"articleIds\":[null]}"));
        hostile.add(Rec.of("st-e4-" + m, "{\"id\":\"st-e4-" + m + "\",\"lastSeen\":\"" + now + "\",\"size\":1e300}"));
        hostile.add(Rec.of("st-e5-" + m, "{\"id\":\"st-e5-" + m + "\",\"lastSeen\":\"+999999999-12-31T23:59:59Z\",\"title\":\"" + m + " future\"}"));
        // Missing fields, the key not matching the id, a merge into itself.
        hostile.add(Rec.of("st-m1-" + m, "{\"title\":\"no id " + m + "\",\"lastSeen\":\"" + now + "\"}"));
        hostile.add(Rec.of("st-m2-" + m, "{\"id\":\"st-m2-" + m + "\",\"title\":\"no lastSeen " + m + "\"}"));
        hostile.add(Rec.of("st-other-" + m, NewsJson.mapper().writeValueAsString(
                story("st-k-" + m, "Key mismatch " + m, now, now, List.of(), List.of(), List.of(), null))));
        hostile.add(rec(story("st-self-" + m, "Self merge " + m, now, now, List.of(), List.of(), List.of(), "st-self-" + m)));
        // Not JSON objects, trailing garbage, duplicate keys, deep nesting.
        for (String notAnObject : List.of("null", "[]", "\"text\"", "123", "{", "not json", "{\"id\":\"st-g-" + m + "\"} trailing",
                "{\"id\":\"st-d-" + m + "\",\"id\":\"st-d2-" + m + "\"}", "[".repeat(100_000))) {
            hostile.add(Rec.of("st-j-" + m, notAnObject));
        }
        // Huge: over the story record limit (256 KiB) and 1 MB.
        hostile.add(rec(story("st-big1-" + m, "x".repeat(300_000), now, now, List.of(), List.of(), List.of(), null)));
        hostile.add(rec(story("st-big2-" + m, "Big " + m, now, now, java.util.Collections.nCopies(40_000, "article-id"), List.of(), List.of(), null)));
        // Invalid UTF-8 in a value and in a tombstone key, UTF-16, empty, a NUL.
        hostile.add(new Rec(("st-u1-" + m).getBytes(StandardCharsets.UTF_8),
                TopicRecords.concat("{\"id\":\"st-u1-" + m + "\",\"lastSeen\":\"" + now + "\",\"title\":\"", new byte[] {(byte) 0xFF, (byte) 0xFE}, "\"}")));
        hostile.add(new Rec(new byte[] {(byte) 0xC3, (byte) 0x28}, null));
        hostile.add(new Rec(("st-u2-" + m).getBytes(StandardCharsets.UTF_8),
                ("{\"id\":\"st-u2-" + m + "\",\"lastSeen\":\"" + now + "\"}").getBytes(StandardCharsets.UTF_16BE)));
        hostile.add(new Rec(("st-u3-" + m).getBytes(StandardCharsets.UTF_8), new byte[0]));
        hostile.add(new Rec(("st-u4-" + m).getBytes(StandardCharsets.UTF_8),
                TopicRecords.concat("{\"id\":\"st-u4-" + m + "\",\"lastSeen\":\"" + now + "\"", new byte[] {0}, "}")));
        // Tombstones: one deletes the doomed story, one for a story never seen, and no key at all.
        hostile.add(Rec.of(doomed, null));
        hostile.add(Rec.of("st-never-" + m, null));
        // A merge cycle: each was merged into the other.
        hostile.add(rec(story("st-cy1-" + m, "Cycle one " + m, now, now, List.of(), List.of(), List.of(), "st-cy2-" + m)));
        hostile.add(rec(story("st-cy2-" + m, "Cycle two " + m, now, now, List.of(), List.of(), List.of(), "st-cy1-" + m)));
        List<Rec> keyless = List.of(new Rec(null, null), new Rec(null, TestStories.json(
                story("st-nokey-" + m, "No key " + m, now, now, List.of(), List.of(), List.of(), null))));

        double before = skipped();
        TopicRecords.sendAll(Topics.STORIES, hostile);
        assertThat(TopicRecords.sendAll(Topics.STORIES, keyless)).as("the compacted topic refuses records without a key").isEqualTo(2);
        String goodA = "st-good-a-" + m;
        String goodB = "st-good-b-" + m;
        ObjectNode pretty = story(goodB, "Good B " + m, now, now.plusSeconds(1), List.of("x", "y"), List.of(), List.of("politics"), null);
        TopicRecords.sendAll(Topics.STORIES, List.of(rec(story(goodA, "Good A " + m, now, now, List.of("a"), List.of(), List.of(), null)),
                new Rec(goodB.getBytes(StandardCharsets.UTF_8),
                        NewsJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(pretty))));

        await().until(() -> given().get("/api/stories?q=good+" + m).then().extract().jsonPath().getList("items.id").size() == 2);
        assertThat(given().get("/api/stories?q=good+" + m).then().statusCode(200).extract().jsonPath().getList("items.id"))
                .containsExactly(goodB, goodA);
        assertThat(given().get("/api/stories?q=" + m + "&limit=200").then().statusCode(200).extract().jsonPath().<String>getList("items.id"))
                .as("only good records are listed (the far-future one is well-formed, cycles are merged)")
                .containsExactlyInAnyOrder(goodA, goodB, "st-e5-" + m);
        given().get("/api/stories/" + doomed).then().statusCode(404);
        given().get("/api/stories/st-cy1-" + m).then().statusCode(200);   // a cycle ends, it does not loop
        given().get("/api/stories/st-cy2-" + m).then().statusCode(200);
        given().get("/api/articles?story=st-cy1-" + m).then().statusCode(200);
        given().get("/api/stories/st-self-" + m).then().statusCode(404);
        given().get("/api/stories/st-k-" + m).then().statusCode(404);
        given().get("/api/stories/st-other-" + m).then().statusCode(404);
        given().get("/api/stories/st-big1-" + m).then().statusCode(404);

        assertThat(skipped() - before).isGreaterThanOrEqualTo(60);
        assertThat(registry.find(TopicReader.SKIPPED).tag("topic", Topics.STORIES).tag("reason", "too-large").counter()).isNotNull();
        assertThat(registry.find(TopicReader.SKIPPED).tag("topic", Topics.STORIES).tag("reason", "invalid-utf8").counter()).isNotNull();
        assertThat(registry.find(TopicReader.SKIPPED).tag("topic", Topics.STORIES).tag("reason", "invalid-field").counter()).isNotNull();
        given().get("/q/health/live").then().statusCode(200)
                .body("checks.find { it.name == 'stories-topic-reader' }.status", equalTo("UP"))
                .body("checks.name", hasItem("stories-topic-reader"));
        given().get("/q/health/ready").then().statusCode(200);
    }

    private double skipped() {
        return registry.find(TopicReader.SKIPPED).tag("topic", Topics.STORIES).counters().stream().mapToDouble(c -> c.count()).sum();
    }

    private static Rec rec(ObjectNode story) {
        return new Rec(story.get("id").asText().getBytes(StandardCharsets.UTF_8), TestStories.json(story));
    }
}
