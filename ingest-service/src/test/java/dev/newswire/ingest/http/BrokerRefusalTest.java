package dev.newswire.ingest.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import dev.newswire.ingest.config.IngestConfig;
import dev.newswire.ingest.messaging.RawArticlePublisher;
import dev.newswire.kafka.NewswireKafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.common.annotation.Identifier;
import jakarta.inject.Inject;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The broker answers "no" for good (here: a topic name it rejects, as an ACL would): the client gets
 * 502 broker-refused without Retry-After, not 503 "retry", and never Kafka's own text (exception
 * class, topic name), which goes to the log. A batch says the same and lists what got through.
 * The publisher is the real one with a real producer, pointed at a topic the real broker refuses.
 */
@QuarkusTest
@QuarkusTestResource(NewswireKafkaResource.class)
class BrokerRefusalTest {

    private static final String REFUSED_TOPIC = "news.articles.raw/refused";

    @Inject
    IngestConfig config;
    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafka;

    private RawArticlePublisher refusing;

    @BeforeEach
    void publishToATopicTheBrokerRefuses() {
        IngestConfig onRefusedTopic = (IngestConfig) Proxy.newProxyInstance(IngestConfig.class.getClassLoader(),
                new Class<?>[] {IngestConfig.class}, (proxy, method, args) -> {
                    if (method.getName().equals("topic") && method.getParameterCount() == 0) {
                        return REFUSED_TOPIC;
                    }
                    try {
                        return method.invoke(config, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        refusing = new RawArticlePublisher(onRefusedTopic, kafka);
        QuarkusMock.installMockForType(refusing, RawArticlePublisher.class);
    }

    @AfterEach
    void closeIt() {
        refusing.close();
    }

    @Test
    void aRefusedArticleAnswers502WithoutRetryAfterOrKafkasText() {
        given().contentType("application/json")
                .body("{\"title\": \"Refused\", \"body\": \"Refused " + UUID.randomUUID() + " by the broker.\"}")
                .post("/api/articles")
                .then().statusCode(502)
                .contentType("application/problem+json")
                .header("Retry-After", nullValue())
                .body("type", endsWith("broker-refused"))
                .body(not(containsString("org.apache.kafka")), not(containsString(REFUSED_TOPIC)));
    }

    @Test
    void aRefusedBatchAnswers502AndListsWhatGotThrough() {
        given().contentType("application/x-ndjson")
                .body(("{\"body\": \"First " + UUID.randomUUID() + ".\"}\n{\"body\": \"Second " + UUID.randomUUID() + ".\"}\n")
                        .getBytes(StandardCharsets.UTF_8))
                .post("/api/articles")
                .then().statusCode(502)
                .header("Retry-After", nullValue())
                .body("type", endsWith("broker-refused"))
                .body("accepted", empty())
                .body(not(containsString("org.apache.kafka")), not(containsString(REFUSED_TOPIC)));
    }
}
