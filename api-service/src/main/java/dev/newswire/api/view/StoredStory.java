package dev.newswire.api.view;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One story record as the view holds it: the fields it indexes, filters and sorts on, and the
 * listing JSON built once from the record's own JSON (every field kept, unknown ones included,
 * {@code articleIds} cut to the latest {@link #LISTED_IDS}).
 *
 * @param articleIds the record's ids in time order (at most {@link #MAX_IDS}, the latest)
 * @param mergedInto the story this one was merged into, or null for a live story
 * @param activity   sort key: {@code lastSeen}, but never more than a day after the record was
 *                   written, so a claimed far-future date cannot pin a story to the top or keep it
 *                   from being evicted
 */
public record StoredStory(String id, String title, int size, Instant firstSeen, Instant lastSeen,
                          List<StoryEntity> entities, List<String> tags, List<String> articleIds,
                          String mergedInto, byte[] listingJson, Instant activity) {

    /** Ids a listing item carries ("a few article ids"): the latest ones. */
    public static final int LISTED_IDS = 5;
    /** The contract caps a record's ids at 200; a longer list keeps its latest 200 here. */
    public static final int MAX_IDS = 200;
    private static final Duration FUTURE_ALLOWANCE = Duration.ofDays(1);

    /** An entry of the story's top entities. */
    public record StoryEntity(String text, String type) {
    }

    public StoredStory {
        entities = List.copyOf(entities);
        tags = List.copyOf(tags);
        articleIds = List.copyOf(articleIds);
    }

    public boolean merged() {
        return mergedInto != null;
    }

    static Instant activity(Instant lastSeen, long recordTimestamp) {
        Instant written = Instant.ofEpochMilli(recordTimestamp);
        Instant latest = written.plus(FUTURE_ALLOWANCE);
        return lastSeen.isAfter(latest) ? latest : lastSeen;
    }
}
