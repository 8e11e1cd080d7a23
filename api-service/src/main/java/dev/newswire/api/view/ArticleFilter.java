package dev.newswire.api.view;

import dev.newswire.model.EnrichedArticle;
import dev.newswire.model.Entity;
import dev.newswire.model.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The server-side filters of the stream and of {@code /api/articles}; all given ones must match.
 * A record so that equal filters are equal: fan-out evaluates each distinct filter once per article.
 *
 * @param tags   any of these tag ids; a parent id matches its children ({@code politics} ⊇ {@code politics/diplomacy})
 * @param entity an entity's name or one of its aliases, ignoring case
 * @param lang   ISO 639-1 language code
 * @param words  every word must occur in the title or the text, ignoring case, as a whole word
 * @param stories any of these story ids in the article's {@code storyId} (a story and those merged
 *                into it, resolved when the request came: see {@link StoryIndex#equivalentIds}); empty = any
 */
public record ArticleFilter(Set<String> tags, String entity, String lang, List<String> words, Set<String> stories) {

    public static final ArticleFilter ALL = new ArticleFilter(Set.of(), null, null, List.of(), Set.of());
    private static final Pattern WORD_SPLIT = Pattern.compile("[^\\p{L}\\p{N}]+");

    public ArticleFilter {
        tags = tags == null ? Set.of() : Set.copyOf(tags);
        words = words == null ? List.of() : List.copyOf(words);
        stories = stories == null ? Set.of() : Set.copyOf(stories);
    }

    public ArticleFilter(Set<String> tags, String entity, String lang, List<String> words) {
        this(tags, entity, lang, words, Set.of());
    }

    /** This filter, also requiring the article's {@code storyId} to be one of {@code storyIds}. */
    public ArticleFilter withStories(Set<String> storyIds) {
        return new ArticleFilter(tags, entity, lang, words, storyIds);
    }

    /** Builds a filter from query values (null or blank = not given); values are normalised here. */
    public static ArticleFilter of(List<String> tagValues, String entity, String lang, String q) {
        List<String> tags = new ArrayList<>();
        if (tagValues != null) {
            for (String value : tagValues) {
                for (String tag : value.split(",")) {
                    if (!tag.isBlank()) {
                        tags.add(tag.trim().toLowerCase(Locale.ROOT));
                    }
                }
            }
        }
        List<String> words = new ArrayList<>();
        if (q != null) {
            for (String word : WORD_SPLIT.split(q.toLowerCase(Locale.ROOT))) {
                if (!word.isEmpty()) {
                    words.add(word);
                }
            }
        }
        return new ArticleFilter(Set.copyOf(tags), blankToNull(entity), blankToNull(lang), words);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim().toLowerCase(Locale.ROOT);
    }

    public boolean isAll() {
        return tags.isEmpty() && entity == null && lang == null && words.isEmpty() && stories.isEmpty();
    }

    public boolean matches(EnrichedArticle article) {
        return matchesStory(article) && matchesTags(article) && matchesEntity(article) && matchesLang(article)
                && matchesWords(article);
    }

    private boolean matchesStory(EnrichedArticle article) {
        // Set.copyOf sets throw on contains(null): most articles have no storyId.
        return stories.isEmpty() || article.storyId() != null && stories.contains(article.storyId());
    }

    private boolean matchesTags(EnrichedArticle article) {
        if (tags.isEmpty()) {
            return true;
        }
        for (Tag tag : article.tags()) {
            String id = tag.id() == null ? "" : tag.id().toLowerCase(Locale.ROOT);
            for (String wanted : tags) {
                if (id.equals(wanted) || id.startsWith(wanted + "/")) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean matchesEntity(EnrichedArticle article) {
        if (entity == null) {
            return true;
        }
        for (Entity e : article.entities()) {
            if (e.isNamed(entity)) {
                return true;
            }
        }
        return false;
    }

    private boolean matchesLang(EnrichedArticle article) {
        return lang == null || lang.equalsIgnoreCase(article.language());
    }

    private boolean matchesWords(EnrichedArticle article) {
        for (String word : words) {
            if (!containsWord(article.title(), word) && !containsWord(article.text(), word)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Case-insensitive whole-word search without lower-casing the text: avoids a copy of a 5 KB
     * body per subscriber per article, which matters at tens of thousands of subscribers.
     */
    static boolean containsWord(String text, String word) {
        if (text == null || word.isEmpty()) {
            return false;
        }
        int last = text.length() - word.length();
        for (int i = 0; i <= last; i++) {
            if (text.regionMatches(true, i, word, 0, word.length())
                    && (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)))
                    && (i + word.length() == text.length() || !Character.isLetterOrDigit(text.charAt(i + word.length())))) {
                return true;
            }
        }
        return false;
    }
}
