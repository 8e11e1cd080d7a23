package dev.newswire.api.stream;

import static dev.newswire.api.support.TestArticles.article;
import static dev.newswire.api.support.TestArticles.person;
import static dev.newswire.api.support.TestArticles.publish;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.newswire.api.support.SseClient;
import dev.newswire.kafka.NewswireKafkaResource;
import dev.newswire.model.EnrichedArticle;
import dev.newswire.model.Tag;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Server-side filters on the SSE stream and the JSON API, each alone and combined. */
@QuarkusTest
@QuarkusTestResource(NewswireKafkaResource.class)
class StreamFiltersTest {

    @TestHTTPResource("/api/stream")
    URL stream;

    String m;
    EnrichedArticle a;   // person X (alias), tag <m>/diplomacy, en, words "quick brown"
    EnrichedArticle b;   // person X, tag sport, de
    EnrichedArticle c;   // person Y, tag <m>, en, words "lazy brown"

    @BeforeEach
    void publishThree() {
        m = "q" + UUID.randomUUID().toString().substring(0, 8);
        a = article("Quick news " + m, "The quick brown fox " + m + " jumps.", "en",
                List.of(person("Xavier " + m, "X" + m)), List.of(new Tag(m + "/diplomacy", "Diplomacy", 0.9)));
        b = article("Sport " + m, "Ein Spiel " + m + ".", "de",
                List.of(person("Xavier " + m, "X" + m)), List.of(new Tag("sport", "Sport", 0.8)));
        c = article("Lazy " + m, "The lazy brown dog " + m + " sleeps.", "en",
                List.of(person("Yolanda " + m)), List.of(new Tag(m, "Marker", 0.7)));
        publish(a);
        publish(b);
        publish(c);
        given().queryParam("q", m).when().get("/api/articles").then().statusCode(200)
                .extract().path("count");
        org.awaitility.Awaitility.await().until(() ->
                given().queryParam("q", m).get("/api/articles").then().extract().<Integer>path("count") == 3);
    }

    private List<String> json(String query) {
        return given().urlEncodingEnabled(false).when().get("/api/articles?" + query).then().statusCode(200).extract().jsonPath().getList("items.id");
    }

    private List<String> sse(String query, EnrichedArticle sentinelLike) {
        try (SseClient client = SseClient.open(stream + "?from=earliest&" + query)) {
            publish(sentinelLike);
            List<String> got = client.awaitArticle(sentinelLike.id());
            return got.subList(0, got.size() - 1);
        }
    }

    @Test
    void entityMatchesNameOrAliasIgnoringCase() {
        assertThat(json("entity=x" + m.toUpperCase())).containsExactlyInAnyOrder(a.id(), b.id());
        assertThat(json("entity=XAVIER%20" + m)).containsExactlyInAnyOrder(a.id(), b.id());
        EnrichedArticle sentinel = article("s " + m, "s", "en", List.of(person("Yolanda " + m)), List.of());
        assertThat(sse("entity=yolanda%20" + m, sentinel)).containsExactly(c.id());
    }

    @Test
    void tagMatchesItselfAndItsChildren() {
        assertThat(json("tag=" + m)).containsExactlyInAnyOrder(a.id(), c.id());
        assertThat(json("tag=" + m + "/diplomacy")).containsExactly(a.id());
        EnrichedArticle sentinel = article("s " + m, "s", "en", List.of(), List.of(new Tag(m, "Marker", 0.5)));
        assertThat(sse("tag=" + m, sentinel)).containsExactlyInAnyOrder(a.id(), c.id());
    }

    @Test
    void langAndWordsAndCombinations() {
        assertThat(json("lang=de&q=" + m)).containsExactly(b.id());
        assertThat(json("q=brown%20" + m)).containsExactlyInAnyOrder(a.id(), c.id());
        assertThat(json("q=quick+BROWN+" + m)).containsExactly(a.id());
        assertThat(json("q=bro+" + m)).isEmpty();   // whole words only
        assertThat(json("entity=x" + m + "&lang=en&q=brown")).containsExactly(a.id());
        assertThat(json("tag=" + m + "&entity=x" + m)).containsExactly(a.id());
        EnrichedArticle sentinel = article("s " + m, "brown " + m, "en", List.of(person("Xavier " + m)),
                List.of(new Tag(m, "Marker", 0.5)));
        assertThat(sse("tag=" + m + "&entity=xavier%20" + m + "&lang=en&q=brown", sentinel)).containsExactly(a.id());
    }

    @Test
    void articlesPageNewestFirstWithCursor() {
        List<String> all = json("q=" + m);
        assertThat(all).hasSize(3);
        var first = given().get("/api/articles?limit=2&q=" + m).then().statusCode(200).extract().jsonPath();
        assertThat(first.getList("items.id")).hasSize(2);
        String cursor = first.getString("nextCursor");
        assertThat(cursor).isNotBlank();
        var second = given().get("/api/articles?limit=2&q=" + m + "&cursor=" + cursor).then().statusCode(200).extract().jsonPath();
        assertThat(second.getList("items.id")).hasSize(1);
        assertThat(second.getString("nextCursor")).isNull();
        assertThat(first.<String>getList("items.id")).doesNotContainAnyElementsOf(second.getList("items.id"));
        List<String> times = given().get("/api/articles?q=" + m).then().extract().jsonPath().getList("items.publishedAt");
        assertThat(times).isSortedAccordingTo((x, y) -> y.compareTo(x));
    }

    @Test
    void oneArticleAndTopLists() {
        given().get("/api/articles/" + a.id()).then().statusCode(200)
                .body("id", org.hamcrest.Matchers.equalTo(a.id()))
                .body("entities[0].aliases[0]", org.hamcrest.Matchers.equalTo("X" + m));
        List<String> entities = given().get("/api/entities?window=1h&limit=200").then().statusCode(200)
                .extract().jsonPath().getList("items.key");
        assertThat(entities).contains("Xavier " + m, "Yolanda " + m);
        int xavier = given().get("/api/entities?window=1h&limit=200").then().extract().jsonPath()
                .getInt("items.find { it.key == 'Xavier " + m + "' }.count");
        assertThat(xavier).isEqualTo(2);
        List<String> tags = given().get("/api/tags?window=24h&limit=200").then().statusCode(200)
                .extract().jsonPath().getList("items.key");
        assertThat(tags).contains(m, m + "/diplomacy");
    }
}
