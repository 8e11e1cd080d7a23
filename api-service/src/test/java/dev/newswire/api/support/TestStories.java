package dev.newswire.api.support;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newswire.model.EnrichedArticle;
import dev.newswire.model.NewsJson;
import dev.newswire.model.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * Story records of the contract ({@code news.stories}) and enriched articles carrying a storyId,
 * produced straight into the real test broker's topics, as the enrich-service would write them.
 */
public final class TestStories {

    private TestStories() {
    }

    /** The contract's story record; {@code entities} as text/type pairs, {@code mergedInto} may be null. */
    public static ObjectNode story(String id, String title, Instant firstSeen, Instant lastSeen, List<String> articleIds,
                                   List<String[]> entities, List<String> tags, String mergedInto) {
        ObjectNode node = NewsJson.mapper().createObjectNode();
        node.put("id", id).put("title", title).put("size", articleIds.size())
                .put("firstSeen", firstSeen.toString()).put("lastSeen", lastSeen.toString());
        ArrayNode es = node.putArray("entities");
        entities.forEach(e -> es.addObject().put("text", e[0]).put("type", e[1]));
        ArrayNode ts = node.putArray("tags");
        tags.forEach(ts::add);
        ArrayNode ids = node.putArray("articleIds");
        articleIds.forEach(ids::add);
        if (mergedInto == null) {
            node.putNull("mergedInto");
        } else {
            node.put("mergedInto", mergedInto);
        }
        return node;
    }

    /** The article as enrich writes it once story assignment ran. */
    public static EnrichedArticle inStory(EnrichedArticle a, String storyId, Instant publishedAt) {
        return new EnrichedArticle(a.id(), a.source(), a.url(), a.title(), a.authors(), a.language(), a.text(), a.summary(),
                a.entities(), a.tags(), a.keyphrases(), storyId, a.duplicateOf(), publishedAt, a.receivedAt(), a.enrichedAt(),
                a.pipeline());
    }

    public static void publish(ObjectNode story) {
        send(Topics.STORIES, story.get("id").asText().getBytes(StandardCharsets.UTF_8), json(story));
    }

    public static byte[] json(ObjectNode node) {
        try {
            return NewsJson.mapper().writeValueAsBytes(node);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static boolean send(String topic, byte[] key, byte[] value) {
        return TopicRecords.sendAll(topic, List.of(new TopicRecords.Rec(key, value))) == 0;
    }
}
