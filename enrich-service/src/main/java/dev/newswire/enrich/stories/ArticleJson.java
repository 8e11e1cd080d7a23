package dev.newswire.enrich.stories;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newswire.model.NewsJson;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;

/**
 * Adds {@code storyId} and {@code duplicateOf} to an enriched article's JSON without a round trip
 * through {@code EnrichedArticle}: every other field, known or not, stays as enrich wrote it. They
 * go right after {@code keyphrases}, where {@code EnrichedArticle} declares them, so the bytes are
 * the same as serialising the full record would give.
 */
final class ArticleJson {

    private ArticleJson() {
    }

    static byte[] withStory(ObjectNode article, String storyId, String duplicateOf) {
        ObjectNode out = NewsJson.mapper().createObjectNode();
        boolean placed = false;
        for (Iterator<Map.Entry<String, JsonNode>> fields = article.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            if (name.equals("storyId") || name.equals("duplicateOf")) {
                continue;
            }
            if (!placed && isAfterStoryFields(name)) {
                put(out, storyId, duplicateOf);
                placed = true;
            }
            out.set(name, field.getValue());
            if (!placed && name.equals("keyphrases")) {
                put(out, storyId, duplicateOf);
                placed = true;
            }
        }
        if (!placed) {
            put(out, storyId, duplicateOf);
        }
        try {
            return NewsJson.mapper().writeValueAsBytes(out);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fields EnrichedArticle declares after storyId/duplicateOf (for articles without keyphrases). */
    static boolean isAfterStoryFields(String name) {
        return name.equals("publishedAt") || name.equals("receivedAt") || name.equals("enrichedAt") || name.equals("pipeline");
    }

    private static void put(ObjectNode out, String storyId, String duplicateOf) {
        if (storyId != null) {
            out.put("storyId", storyId);
        }
        if (duplicateOf != null) {
            out.put("duplicateOf", duplicateOf);
        }
    }
}
