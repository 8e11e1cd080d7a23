package dev.newswire.model;

import java.time.Instant;
import java.util.List;

/**
 * An article after enrichment: the value of {@link Topics#ENRICHED}, and what subscribers receive.
 * Fields a reader needs are copied from the {@link RawArticle}; the raw body is replaced by clean {@code text}.
 *
 * @param entities    one entry per real-world entity, aliases merged
 * @param tags        topic tags from the documented taxonomy, best first
 * @param storyId     cluster of articles about the same story, when clustering runs
 * @param duplicateOf id of an earlier article this one repeats, when detected
 * @param pipeline    provenance: which components and models produced the fields
 */
public record EnrichedArticle(
        String id,
        String source,
        String url,
        String title,
        List<String> authors,
        String language,
        String text,
        String summary,
        List<Entity> entities,
        List<Tag> tags,
        List<String> keyphrases,
        String storyId,
        String duplicateOf,
        Instant publishedAt,
        Instant receivedAt,
        Instant enrichedAt,
        Provenance pipeline) {

    public EnrichedArticle {
        authors = authors == null ? List.of() : List.copyOf(authors);
        entities = entities == null ? List.of() : List.copyOf(entities);
        tags = tags == null ? List.of() : List.copyOf(tags);
        keyphrases = keyphrases == null ? List.of() : List.copyOf(keyphrases);
    }
}
