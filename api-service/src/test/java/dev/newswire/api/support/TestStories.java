package dev.newswire.api.support;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newswire.kafka.NewswireKafkaResource;
import dev.newswire.model.EnrichedArticle;
import dev.newswire.model.NewsJson;
import dev.newswire.model.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

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

    /** A raw record: key and value bytes as they go on the wire (either may be null). */
    public record Rec(byte[] key, byte[] value) {
        public static Rec of(String key, String value) {
            return new Rec(key == null ? null : key.getBytes(StandardCharsets.UTF_8),
                    value == null ? null : value.getBytes(StandardCharsets.UTF_8));
        }
    }

    public static boolean send(String topic, byte[] key, byte[] value) {
        return sendAll(topic, List.of(new Rec(key, value))) == 0;
    }

    /**
     * Records as they are, on partition 0 (so they are read in the order sent), with one producer;
     * returns how many the broker refused (a compacted topic refuses records without a key).
     */
    public static int sendAll(String topic, List<Rec> records) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, NewswireKafkaResource.bootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, "4000000");
        int refused = 0;
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props)) {
            for (Rec r : records) {
                try {
                    producer.send(new ProducerRecord<>(topic, 0, r.key(), r.value())).get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    refused++;
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("send failed", e);
        }
        return refused;
    }
}
