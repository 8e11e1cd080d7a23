package dev.newswire.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * A story: the articles that report one real-world event. The value of {@link Topics#STORIES}
 * (key = {@code id}, compacted: the latest version of every story is kept). Enrich republishes a
 * story each time an article joins it; when two stories turn out to be one, the absorbed story is
 * republished with {@code mergedInto} set and the survivor with the union.
 *
 * @param id         {@code "st-"} + the id of the story's first article; stable as the story grows
 * @param title      representative title: the title of the most recent non-duplicate article
 * @param size       number of articles, duplicates included
 * @param firstSeen  earliest article time (publishedAt, else enrichedAt)
 * @param lastSeen   latest article time
 * @param entities   top 5 entities by salience summed over the articles
 * @param tags       top 3 tag ids by score summed over the articles
 * @param articleIds article ids in time order, at most {@link #MAX_ARTICLE_IDS} (the newest kept)
 * @param mergedInto the story this one was merged into, or null while it stands alone
 */
public record StoryRecord(
        String id,
        String title,
        int size,
        Instant firstSeen,
        Instant lastSeen,
        List<StoryEntity> entities,
        List<String> tags,
        List<String> articleIds,
        @JsonInclude(JsonInclude.Include.ALWAYS) String mergedInto) {

    /** Cap of {@link #articleIds}: a story record stays small however large the story grows. */
    public static final int MAX_ARTICLE_IDS = 200;
    /** Prefix of every story id. */
    public static final String ID_PREFIX = "st-";

    public StoryRecord {
        entities = entities == null ? List.of() : List.copyOf(entities);
        tags = tags == null ? List.of() : List.copyOf(tags);
        articleIds = articleIds == null ? List.of() : List.copyOf(articleIds);
    }

    /** The id of the story that an article opens. */
    public static String idFor(String firstArticleId) {
        return ID_PREFIX + firstArticleId;
    }

    /** One of a story's top entities. */
    public record StoryEntity(String text, EntityType type) {
    }
}
