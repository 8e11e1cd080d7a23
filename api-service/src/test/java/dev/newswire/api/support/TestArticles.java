package dev.newswire.api.support;

import dev.newswire.kafka.NewswireKafkaResource;
import dev.newswire.model.EnrichedArticle;
import dev.newswire.model.Entity;
import dev.newswire.model.EntityType;
import dev.newswire.model.NewsJson;
import dev.newswire.model.Tag;
import dev.newswire.model.Topics;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/** Builds EnrichedArticles and publishes them to the real test broker with a plain producer. */
public final class TestArticles {

    static {
        // The shared 2-core machine and CI can be slow; a generous ceiling keeps waits honest, not flaky.
        org.awaitility.Awaitility.setDefaultTimeout(java.time.Duration.ofSeconds(60));
    }

    private TestArticles() {
    }

    public static EnrichedArticle article(String title, String text, String lang, List<Entity> entities, List<Tag> tags) {
        return new EnrichedArticle("t-" + UUID.randomUUID(), "test", "https://example.org/" + UUID.randomUUID(), title,
                List.of(), lang, text, text, entities, tags, List.of(), null, null,
                Instant.now(), Instant.now(), Instant.now(), null);
    }

    /** An article about {@code marker} (an entity with that name and alias "alias-" + marker). */
    public static EnrichedArticle about(String marker, String title) {
        return article(title + " " + marker, "Text about " + marker + ". It has two sentences.", "en",
                List.of(person(marker, "alias-" + marker)), List.of(new Tag("politics", "Politics", 0.9)));
    }

    public static Entity person(String name, String... aliases) {
        return new Entity(name, EntityType.PERSON, List.of(aliases), 1, 0.8, List.of());
    }

    public static RecordMetadata publish(EnrichedArticle article) {
        return publish(Topics.ENRICHED, article, null);
    }

    public static RecordMetadata publish(String topic, EnrichedArticle article, Long timestamp) {
        try (KafkaProducer<String, String> producer = producer()) {
            return producer.send(new ProducerRecord<>(topic, null, timestamp, article.id(),
                    NewsJson.mapper().writeValueAsString(article))).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("publish failed", e);
        }
    }

    /** Publishes in order with one producer; returns each record's metadata. */
    public static List<RecordMetadata> publishAll(String topic, List<EnrichedArticle> articles) {
        try (KafkaProducer<String, String> producer = producer()) {
            List<RecordMetadata> out = new java.util.ArrayList<>();
            for (EnrichedArticle article : articles) {
                out.add(producer.send(new ProducerRecord<>(topic, article.id(),
                        NewsJson.mapper().writeValueAsString(article))).get(30, TimeUnit.SECONDS));
            }
            return out;
        } catch (Exception e) {
            throw new IllegalStateException("publish failed", e);
        }
    }

    public static KafkaProducer<String, String> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, NewswireKafkaResource.bootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, "2000000");
        return new KafkaProducer<>(props);
    }
}
