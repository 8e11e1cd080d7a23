package dev.newswire.ingest.intake;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.newswire.kafka.NewswireKafkaResource;
import dev.newswire.model.NewsJson;
import dev.newswire.model.RawArticle;
import dev.newswire.model.Topics;
import io.quarkus.test.common.QuarkusTestResource;
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
@QuarkusTestResource(value = DedupAcrossRestartTest.BrokerWithAnEarlierArticle.class, restrictToAnnotatedClass = true)
class DedupAcrossRestartTest {

    /**
     * The same for the resource and the test, which Quarkus may load in different class loaders:
     * kept in a system property, made once per JVM.
     */
    static String body() {
        return (String) System.getProperties().computeIfAbsent("newswire.test.earlier-article",
                key -> "Published by the previous ingest instance " + UUID.randomUUID() + ".");
    }

    /**
     * The test broker, plus the previous instance's publish of one article (key = article id,
     * value = RawArticle JSON, as ingest writes it), before this service starts.
     */
    public static class BrokerWithAnEarlierArticle extends NewswireKafkaResource {
        @Override
        public Map<String, String> start() {
            Map<String, String> config = super.start();
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.get("kafka.bootstrap.servers"));
            try (var producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
                RawArticle article = ArticleParser.fromText(body(), RawArticle.TEXT_PLAIN, ArticleFields.NONE, null, Instant.now());
                producer.send(new ProducerRecord<>(Topics.RAW, article.id(), NewsJson.mapper().writeValueAsBytes(article))).get();
            } catch (Exception e) {
                throw new IllegalStateException("could not publish the earlier article", e);
            }
            return config;
        }
    }

    @Test
    void anArticlePublishedBeforeTheRestartIsADuplicate() {
        given().contentType("text/plain").body(body()).post("/api/articles")
                .then().statusCode(202).body("duplicate", equalTo(true));
        given().get("/q/health/ready").then().statusCode(200);
        // A new article is still published.
        given().contentType("text/plain").body("New after the restart " + UUID.randomUUID() + ".").post("/api/articles")
                .then().statusCode(202).body("duplicate", nullValue());
    }
}
