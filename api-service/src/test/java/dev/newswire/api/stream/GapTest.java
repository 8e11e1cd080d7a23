package dev.newswire.api.stream;

import dev.newswire.api.view.Position;
import static dev.newswire.api.support.TestArticles.about;
import static dev.newswire.api.support.TestArticles.publish;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.newswire.api.support.OwnTopic;
import dev.newswire.api.support.SseClient;
import dev.newswire.kafka.NewswireKafkaResource;
import dev.newswire.model.EnrichedArticle;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Resume points older than the view and older than the log. A one-partition topic with delete
 * retention and a view of 10 records: 30 records published, the log start moved to 15 with
 * deleteRecords. Offsets 15..19 exist only in Kafka (catch-up), 20..29 in the view too.
 */
@QuarkusTest
@QuarkusTestResource(NewswireKafkaResource.class)
@TestProfile(GapTest.SmallViewOwnTopic.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GapTest {

    static final String TOPIC = "gap.test.enriched";

    public static class SmallViewOwnTopic implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("newswire.api.view-capacity", "10");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(OwnTopic.entry(TOPIC, Map.of("cleanup.policy", "delete")));
        }
    }

    @TestHTTPResource("/api/stream")
    URL stream;

    final List<EnrichedArticle> published = new ArrayList<>();
    boolean filled;

    /** Once per class, from the first test (the app and RestAssured's port are up by then). */
    @BeforeEach
    synchronized void fill() throws Exception {
        if (filled) {
            return;
        }
        for (int i = 0; i < 30; i++) {
            published.add(about("gap", "record " + i));
        }
        var sent = dev.newswire.api.support.TestArticles.publishAll(TOPIC, published);
        assertThat(sent.get(29).offset()).isEqualTo(29);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() ->
                given().get("/api/articles/" + published.get(29).id()).statusCode() == 200);
        try (Admin admin = OwnTopic.admin()) {
            admin.deleteRecords(Map.of(new TopicPartition(TOPIC, 0), RecordsToDelete.beforeOffset(15)))
                    .all().get(30, TimeUnit.SECONDS);
        }
        filled = true;
    }

    private List<String> ids(int from, int to) {
        return published.subList(from, to).stream().map(EnrichedArticle::id).toList();
    }

    @Test
    void resumeFromDeletedRecordsSendsOneGapThenEverythingStillThere() {
        try (SseClient client = SseClient.open(stream + "?lastEventId=" + Position.of(5).token())) {
            List<String> got = client.awaitArticle(published.get(29).id());
            assertThat(got).containsExactlyElementsOf(ids(15, 30));
            List<SseClient.Event> gaps = client.events.stream().filter(e -> e.event().equals("gap")).toList();
            assertThat(gaps).hasSize(1);
            assertThat(client.events.get(0).event()).isEqualTo("gap");
            assertThat(gaps.get(0).json().get("missedAtMost").asLong()).isEqualTo(10);
            assertThat(gaps.get(0).json().get("partitions").get(0).get("fromOffset").asLong()).isEqualTo(5);
            assertThat(gaps.get(0).json().get("partitions").get(0).get("toOffset").asLong()).isEqualTo(14);
            assertThat(Position.parse(gaps.get(0).id())).isEqualTo(Position.of(15));
        }
    }

    @Test
    void resumeOlderThanTheViewReadsKafkaThenTheViewWithoutGapOrDuplicate() {
        try (SseClient client = SseClient.open(stream + "?lastEventId=" + Position.of(17).token())) {
            List<String> got = client.awaitArticle(published.get(29).id());
            assertThat(got).containsExactlyElementsOf(ids(17, 30));
            assertThat(client.events).noneMatch(e -> e.event().equals("gap"));
            // Tokens of Kafka-read events resume exactly too.
            String tokenAt18 = client.articles().get(1).id();
            assertThat(Position.parse(tokenAt18)).isEqualTo(Position.of(19));
            EnrichedArticle live = about("gap", "live");
            publish(TOPIC, live, null);
            assertThat(client.awaitArticle(live.id())).endsWith(live.id()).hasSize(14);
        }
    }

    @Test
    void fromEarliestStartsAtTheLogStartWithoutAGap() {
        try (SseClient client = SseClient.open(stream + "?from=earliest")) {
            List<String> got = client.awaitArticle(published.get(29).id());
            assertThat(got).containsExactlyElementsOf(ids(15, 30));
            assertThat(client.events).noneMatch(e -> e.event().equals("gap"));
        }
    }
}
