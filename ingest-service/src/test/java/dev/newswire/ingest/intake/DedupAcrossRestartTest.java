package dev.newswire.ingest.intake;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.newswire.kafka.NewswireKafkaResource;
import dev.newswire.kafka.NewswireTopics;
import dev.newswire.model.NewsJson;
import dev.newswire.model.RawArticle;
import dev.newswire.model.Topics;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, "dedup that survives a restart": an article that an earlier ingest instance published
 * (here: written to news.articles.raw before this service started, exactly as ingest writes it) is
 * a repeat for the fresh instance, whose dedup window starts empty in memory.
 */
@QuarkusTest
@QuarkusTestResource(NewswireKafkaResource.class)
@QuarkusTestResource(value = DedupAcrossRestartTest.PublishedBeforeStart.class, restrictToAnnotatedClass = true)
class DedupAcrossRestartTest {

    static final String BODY = "Published by the previous ingest instance " + UUID.randomUUID() + ".";

    /** The previous instance's publish: key = article id, value = RawArticle JSON, before this app starts. */
    public static class PublishedBeforeStart implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            String bootstrap = NewswireKafkaResource.bootstrapServers();
            NewswireTopics.create(bootstrap, NewswireKafkaResource.TEST_PARTITIONS);
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            try (var producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
                RawArticle article = ArticleParser.fromText(BODY, RawArticle.TEXT_PLAIN, ArticleFields.NONE, null, Instant.now());
                producer.send(new ProducerRecord<>(Topics.RAW, article.id(), NewsJson.mapper().writeValueAsBytes(article))).get();
            } catch (Exception e) {
                throw new IllegalStateException("could not publish the earlier article", e);
            }
            return Map.of();
        }

        @Override
        public void stop() {
        }
    }

    @Test
    void anArticlePublishedBeforeTheRestartIsADuplicate() {
        given().get("/q/health/ready").then().statusCode(200);
        given().contentType("text/plain").body(BODY).post("/api/articles")
                .then().statusCode(202).body("duplicate", equalTo(true));
        // A new article is still published.
        given().contentType("text/plain").body("New after the restart " + UUID.randomUUID() + ".").post("/api/articles")
                .then().statusCode(202).body("duplicate", nullValue());
    }
}
