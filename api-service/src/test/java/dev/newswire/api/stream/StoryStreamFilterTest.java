package dev.newswire.api.stream;

import static dev.newswire.api.support.TestArticles.about;
import static dev.newswire.api.support.TestArticles.publish;
import static dev.newswire.api.support.TestStories.inStory;
import static dev.newswire.api.support.TestStories.story;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.newswire.api.support.SseClient;
import dev.newswire.api.support.TestStories;
import dev.newswire.kafka.NewswireKafkaResource;
import dev.newswire.model.EnrichedArticle;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code story=} on the SSE stream, with a real SSE client: replayed history and live events, merges followed. */
@QuarkusTest
@QuarkusTestResource(NewswireKafkaResource.class)
class StoryStreamFilterTest {

    @TestHTTPResource("/api/stream")
    URL stream;

    @Test
    void theStreamCarriesOnlyTheStorysArticlesIncludingStoriesMergedIntoIt() {
        String m = "ss" + UUID.randomUUID().toString().substring(0, 8);
        Instant now = Instant.now();
        String stX = "st-x-" + m;
        String stY = "st-y-" + m;
        String stZ = "st-z-" + m;
        EnrichedArticle x1 = inStory(about(m, "X one"), stX, now);
        EnrichedArticle y1 = inStory(about(m, "Y one"), stY, now);
        EnrichedArticle z1 = inStory(about(m, "Z one"), stZ, now);
        EnrichedArticle none = about(m, "No story");
        List.of(x1, y1, z1, none).forEach(a -> publish(a));
        TestStories.publish(story(stZ, "Z " + m, now, now, List.of(z1.id()), List.of(), List.of(), stX));   // Z merged into X
        await().until(() -> given().get("/api/stories/" + stZ).then().extract().statusCode() == 200);

        try (SseClient history = SseClient.open(stream + "?from=earliest&story=" + stX);
             SseClient live = SseClient.open(stream + "?story=" + stX);
             SseClient other = SseClient.open(stream + "?story=" + stY)) {
            EnrichedArticle x2 = inStory(about(m, "X two"), stX, now);
            EnrichedArticle y2 = inStory(about(m, "Y two"), stY, now);
            EnrichedArticle z2 = inStory(about(m, "Z two"), stZ, now);   // still carrying the merged id
            EnrichedArticle x3 = inStory(about(m, "X three"), stX, now);
            List.of(x2, y2, z2, x3).forEach(a -> publish(a));

            assertThat(history.awaitArticle(x3.id())).containsExactly(x1.id(), z1.id(), x2.id(), z2.id(), x3.id());
            assertThat(live.awaitArticle(x3.id())).containsExactly(x2.id(), z2.id(), x3.id());
            assertThat(other.awaitArticle(y2.id())).containsExactly(y2.id());
            assertThat(history.articles().get(0).json().get("storyId").asText()).isEqualTo(stX);
        }
    }

    @Test
    void aTooLongStoryIs400Problem() {
        // An SSE client, not RestAssured: where the parameter were ignored, the answer would be an endless 200 stream.
        try (SseClient client = SseClient.open(stream + "?story=" + "s".repeat(700))) {
            assertThat(client.status).isEqualTo(400);
        }
        given().get("/api/articles?story=" + "s".repeat(700)).then().statusCode(400)
                .body("parameter", org.hamcrest.Matchers.equalTo("story"));
    }
}
