package dev.newswire.api.view;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The filters of {@code /api/stories}: the article filters that apply to a story record, parsed and
 * normalised once by {@link ArticleFilter#of} (so {@code tag}, {@code entity} and {@code q} mean the
 * same on both), plus {@code since}. A story record has no language, so {@code lang} is not one.
 *
 * @param tags   any of these tag ids; a parent id matches its children
 * @param entity one of the story's top entities, by text, ignoring case
 * @param words  every word must occur in the title, ignoring case, as a whole word
 * @param since  only stories active ({@code lastSeen}) at or after it; null = any
 */
public record StoryFilter(Set<String> tags, String entity, List<String> words, Instant since) {

    public static StoryFilter of(ArticleFilter articleFilter, Instant since) {
        return new StoryFilter(articleFilter.tags(), articleFilter.entity(), articleFilter.words(), since);
    }

    public boolean matches(StoredStory story) {
        return (since == null || !story.activity().isBefore(since)) && matchesTags(story) && matchesEntity(story)
                && words.stream().allMatch(word -> ArticleFilter.containsWord(story.title(), word));
    }

    private boolean matchesTags(StoredStory story) {
        if (tags.isEmpty()) {
            return true;
        }
        for (String tag : story.tags()) {
            String id = tag.toLowerCase(Locale.ROOT);
            for (String wanted : tags) {
                if (id.equals(wanted) || id.startsWith(wanted + "/")) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean matchesEntity(StoredStory story) {
        return entity == null || story.entities().stream().anyMatch(e -> e.text().equalsIgnoreCase(entity));
    }
}
