package dev.newswire.api.http;

import static dev.newswire.api.support.TestArticles.article;
import static dev.newswire.api.support.TestArticles.person;
import static dev.newswire.api.support.TestArticles.publish;
import static dev.newswire.api.support.TestStories.inStory;
import static dev.newswire.api.support.TestStories.story;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newswire.api.support.TestStories;
import dev.newswire.kafka.NewswireKafkaResource;
import dev.newswire.model.EnrichedArticle;
import dev.newswire.model.Tag;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, API side: story records and enriched articles with a storyId produced straight into the
 * real broker's topics; {@code /api/stories}, {@code /api/stories/{id}} and {@code story=} on
 * {@code /api/articles} over real HTTP.
 *
 * <p>Three stories about marker {@code m}: A (3 articles in the view, 4 ids that are not), B (1
 * article, the most recent activity) and C (1 article) that a later record merges into A.
 */
@QuarkusTest
@QuarkusTestResource(NewswireKafkaResource.class)
class StoriesApiTest {

    String m;
    String stA;
    String stB;
    String stC;
    List<EnrichedArticle> inA;    // time order
    EnrichedArticle b1;
    EnrichedArticle c1;
    List<String> gone;            // ids in A's record that the article view does not hold
    Instant now;

    @BeforeEach
    void publishStories() {
        m = "st" + UUID.randomUUID().toString().substring(0, 8);
        now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant t0 = now.minus(2, ChronoUnit.HOURS);
        EnrichedArticle a1 = inStory(plain("Ceasefire talks open " + m), null, t0);
        stA = "st-" + a1.id();
        a1 = inStory(a1, stA, t0);
        EnrichedArticle a2 = inStory(plain("Ceasefire talks continue " + m), stA, t0.plusSeconds(1200));
        EnrichedArticle a3 = inStory(plain("Ceasefire agreed " + m), stA, t0.plusSeconds(3600));
        inA = List.of(a1, a2, a3);
        EnrichedArticle b = plain("Cup final " + m);
        stB = "st-" + b.id();
        b1 = inStory(b, stB, now.minus(5, ChronoUnit.MINUTES));
        EnrichedArticle c = plain("Talks in Cairo " + m);
        stC = "st-" + c.id();
        c1 = inStory(c, stC, t0.plusSeconds(600));   // between a1 and a2
        List.of(a1, a2, a3, b1, c1).forEach(a -> publish(a));

        gone = List.of("gone1-" + m, "gone2-" + m, "gone3-" + m, "gone4-" + m);
        List<String> idsA = new ArrayList<>(List.of(a1.id(), a2.id(), a3.id()));
        idsA.addAll(gone);
        ObjectNode recordA = story(stA, "Ceasefire agreed " + m, t0, t0.plusSeconds(3600), idsA,
                List.<String[]>of(new String[] {"Xavier " + m, "PERSON"}, new String[] {"Cairo", "LOCATION"}),
                List.of(m + "/diplomacy", "politics"), null);
        recordA.putObject("futureField").put("kept", true);
        TestStories.publish(recordA);
        TestStories.publish(story(stB, "Cup final " + m, b1.publishedAt(), b1.publishedAt(), List.of(b1.id()),
                List.<String[]>of(new String[] {"Yolanda " + m, "PERSON"}), List.of("sport"), null));
        TestStories.publish(story(stC, "Talks in Cairo " + m, c1.publishedAt(), c1.publishedAt(), List.of(c1.id()),
                List.of(), List.of("politics"), null));
        // Late information: C is the same event as A.
        TestStories.publish(story(stC, "Talks in Cairo " + m, c1.publishedAt(), c1.publishedAt(), List.of(c1.id()),
                List.of(), List.of("politics"), stA));
        await().until(() -> listed("q=" + m).equals(List.of(stB, stA)));
        await().until(() -> given().get("/api/articles?q=" + m).then().extract().jsonPath().getList("items").size() == 5);
    }

    private static EnrichedArticle plain(String title) {
        return article(title, title + ". Two sentences.", "en", List.of(person("Someone")), List.of(new Tag("politics", "Politics", 0.9)));
    }

    private List<String> listed(String query) {
        return given().urlEncodingEnabled(false).get("/api/stories?" + query).then().statusCode(200).extract().jsonPath().getList("items.id");
    }

    @Test
    void listsLiveStoriesNewestActivityFirstWithSummaryFields() {
        JsonPath page = given().get("/api/stories?q=" + m).then().statusCode(200)
                .contentType(startsWith("application/json")).extract().jsonPath();
        assertThat(page.getList("items.id")).containsExactly(stB, stA);   // C was merged: not listed
        assertThat(page.getInt("count")).isEqualTo(2);
        assertThat(page.getString("items[1].title")).isEqualTo("Ceasefire agreed " + m);
        assertThat(page.getInt("items[1].size")).isEqualTo(7);
        assertThat(page.getString("items[1].firstSeen")).isEqualTo(inA.get(0).publishedAt().toString());
        assertThat(page.getString("items[1].lastSeen")).isEqualTo(inA.get(2).publishedAt().toString());
        assertThat(page.getString("items[1].entities[0].text")).isEqualTo("Xavier " + m);
        assertThat(page.getString("items[1].entities[0].type")).isEqualTo("PERSON");
        assertThat(page.getList("items[1].tags")).containsExactly(m + "/diplomacy", "politics");
        // "a few article ids": the latest five of seven, in time order.
        assertThat(page.getList("items[1].articleIds")).containsExactly(inA.get(2).id(),
                gone.get(0), gone.get(1), gone.get(2), gone.get(3));
        assertThat(page.getBoolean("items[1].futureField.kept")).as("a field this version does not know reaches clients").isTrue();
    }

    @Test
    void pagesWithCursorAndFiltersLikeArticles() {
        JsonPath first = given().get("/api/stories?limit=1&q=" + m).then().statusCode(200).extract().jsonPath();
        assertThat(first.getList("items.id")).containsExactly(stB);
        String cursor = first.getString("nextCursor");
        assertThat(cursor).isNotBlank();
        JsonPath second = given().get("/api/stories?limit=1&q=" + m + "&cursor=" + cursor).then().statusCode(200).extract().jsonPath();
        assertThat(second.getList("items.id")).containsExactly(stA);
        assertThat(second.getString("nextCursor")).isNull();

        assertThat(listed("q=" + m + "&tag=" + m)).containsExactly(stA);                 // parent tag matches a child
        assertThat(listed("q=" + m + "&tag=sport," + m)).containsExactly(stB, stA);       // any of
        assertThat(listed("q=" + m + "&entity=XAVIER%20" + m)).containsExactly(stA);
        assertThat(listed("q=agreed+" + m)).containsExactly(stA);                          // every word, whole words
        assertThat(listed("q=agree+" + m)).isEmpty();
        assertThat(listed("q=" + m + "&since=" + now.minus(30, ChronoUnit.MINUTES))).containsExactly(stB);

        given().get("/api/stories?limit=0").then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("parameter", equalTo("limit"));
        given().get("/api/stories?cursor=%%%").then().statusCode(400);
        given().get("/api/stories?cursor=bm9wZQ").then().statusCode(400).body("parameter", equalTo("cursor"));
        given().get("/api/stories?since=yesterday").then().statusCode(400).body("parameter", equalTo("since"));
    }

    @Test
    void oneStoryHasItsArticlesInTimeOrderAndNamesThoseNotInTheView() {
        JsonPath story = given().get("/api/stories/" + stA).then().statusCode(200).extract().jsonPath();
        assertThat(story.getString("id")).isEqualTo(stA);
        assertThat(story.getList("articleIds")).hasSize(7);
        // C's article belongs to A now (merged): in time order between a1 and a2.
        assertThat(story.getList("articles.id")).containsExactly(inA.get(0).id(), c1.id(), inA.get(1).id(), inA.get(2).id());
        assertThat(story.getString("articles[0].title")).isEqualTo(inA.get(0).title());
        assertThat(story.getString("articles[0].storyId")).isEqualTo(stA);
        assertThat(story.getList("notInView")).containsExactlyElementsOf(gone);
        assertThat(story.getBoolean("futureField.kept")).as("a field this version does not know reaches clients").isTrue();
        assertThat(story.getString("requestedId")).isNull();
    }

    @Test
    void aMergedIdAnswersWithTheSurvivorAndSaysSo() {
        var response = given().get("/api/stories/" + stC).then().statusCode(200).extract();
        assertThat(response.header("Content-Location")).endsWith("/api/stories/" + stA);
        JsonPath story = response.jsonPath();
        assertThat(story.getString("id")).isEqualTo(stA);
        assertThat(story.getString("requestedId")).isEqualTo(stC);
        assertThat(story.getString("note")).contains(stC).contains("merged into").contains(stA);
        assertThat(story.getList("articles.id")).contains(c1.id());
    }

    @Test
    void anUnknownStoryIs404Problem() {
        given().get("/api/stories/st-nothing-" + m).then().statusCode(404)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(404))
                .body("instance", equalTo("/api/stories/st-nothing-" + m));
    }

    @Test
    void storyFilterOnArticlesFollowsMerges() {
        List<String> ofA = given().get("/api/articles?story=" + stA).then().statusCode(200).extract().jsonPath().getList("items.id");
        assertThat(ofA).containsExactly(inA.get(2).id(), inA.get(1).id(), c1.id(), inA.get(0).id());   // newest first
        List<String> ofC = given().get("/api/articles?story=" + stC).then().statusCode(200).extract().jsonPath().getList("items.id");
        assertThat(ofC).as("a merged id filters for its survivor").containsExactlyInAnyOrderElementsOf(ofA);
        assertThat(given().get("/api/articles?story=" + stB).then().statusCode(200).extract().jsonPath().<String>getList("items.id"))
                .containsExactly(b1.id());
        assertThat(given().get("/api/articles?story=st-unknown-" + m).then().statusCode(200).extract().jsonPath().<String>getList("items"))
                .isEmpty();
        assertThat(given().get("/api/articles?story=" + stA + "&q=agreed").then().statusCode(200).extract().jsonPath().<String>getList("items.id"))
                .containsExactly(inA.get(2).id());
    }
}
