package dev.newswire.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class NewsJsonTest {

    private final ObjectMapper json = NewsJson.mapper();

    @Test
    void rawArticleRoundTrips() throws Exception {
        RawArticle raw = Samples.raw();
        assertThat(json.readValue(json.writeValueAsBytes(raw), RawArticle.class)).isEqualTo(raw);
    }

    @Test
    void enrichedArticleRoundTrips() throws Exception {
        EnrichedArticle article = Samples.enriched();
        assertThat(json.readValue(json.writeValueAsString(article), EnrichedArticle.class)).isEqualTo(article);
    }

    @Test
    void writesInstantsAsIso8601AndNoNulls() throws Exception {
        JsonNode tree = json.readTree(json.writeValueAsString(Samples.enriched()));
        assertThat(tree.get("receivedAt").asText()).isEqualTo("2025-02-03T08:16:30.123Z");
        assertThat(tree.has("storyId")).isFalse();
        assertThat(tree.has("duplicateOf")).isFalse();
        assertThat(tree.get("pipeline").has("skipped")).as("empty skipped map is left out").isFalse();
    }

    @Test
    void writesMapEntriesInKeyOrderSoOutputIsDeterministic() throws Exception {
        Provenance pipeline = new Provenance("1", java.util.Map.of("ner", "a", "clean", "b", "tags", "c", "byline", "d"), null);
        assertThat(json.writeValueAsString(pipeline))
                .isEqualTo("{\"version\":\"1\",\"components\":{\"byline\":\"d\",\"clean\":\"b\",\"ner\":\"a\",\"tags\":\"c\"}}");
    }

    @Test
    void ignoresFieldsItDoesNotKnowSoOldConsumersSurviveNewFields() throws Exception {
        String future = "{\"id\":\"0123456789abcdef\",\"source\":\"http\",\"body\":\"b\",\"contentType\":\"text/plain\","
                + "\"receivedAt\":\"2025-02-03T08:16:30Z\",\"sentiment\":{\"score\":0.3},\"newField\":[1,2]}";
        RawArticle raw = json.readValue(future, RawArticle.class);
        assertThat(raw.id()).isEqualTo("0123456789abcdef");
        assertThat(raw.body()).isEqualTo("b");
    }

    @Test
    void missingListsReadAsEmptyLists() throws Exception {
        String minimal = "{\"id\":\"0123456789abcdef\",\"source\":\"http\",\"language\":\"en\",\"text\":\"t\"}";
        EnrichedArticle article = json.readValue(minimal, EnrichedArticle.class);
        assertThat(article.entities()).isEmpty();
        assertThat(article.tags()).isEmpty();
        assertThat(article.authors()).isEmpty();
    }

    @Test
    void problemWritesExtensionsAsTopLevelMembers() throws Exception {
        Problem problem = Problem.of("bad-parameter", "Bad parameter", 400, "limit must be 1..200").at("/api/articles")
                .with("parameter", "limit");
        JsonNode tree = json.readTree(json.writeValueAsString(problem));
        assertThat(tree.get("type").asText()).isEqualTo("https://newswire.dev/problems/bad-parameter");
        assertThat(tree.get("status").asInt()).isEqualTo(400);
        assertThat(tree.get("parameter").asText()).isEqualTo("limit");
        assertThat(tree.get("instance").asText()).isEqualTo("/api/articles");
        assertThat(tree.has("extensions")).isFalse();
    }
}
