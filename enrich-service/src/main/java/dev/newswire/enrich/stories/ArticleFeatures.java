package dev.newswire.enrich.stories;

import dev.newswire.model.EnrichedArticle;
import dev.newswire.model.Entity;
import dev.newswire.model.Tag;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What story assignment compares, taken from fields the pipeline already computed: a sparse,
 * unit-length vector of salient entities ({@code e:}), keyphrases ({@code k:}), content words of the
 * title and keyphrases ({@code w:}) and tags ({@code g:}), plus the MinHash signature of the text,
 * plus the tags stage's document embedding (MiniLM of title and lead, int8, {@link PendingEmbedding}),
 * which the pending record carries beside the article: it matches reports that word the same event
 * differently (no shared entity or keyphrase), which the sparse features cannot.
 *
 * @param embedding int8 document embedding, or null (records written without one, non-English)
 * @param years     the years other than its publication year that the article explicitly places itself in
 *                  ({@link TemporalAnchors}), ascending; usually empty
 * @param time event time: publishedAt, else enrichedAt, never later than enrichedAt (a feed's
 *             future date must not push the story clock ahead)
 */
record ArticleFeatures(String id, String title, boolean english, Instant time, Map<String, Double> vector,
                       Map<String, Double> entitySalience, Map<String, Double> tagScores, int[] signature,
                       byte[] embedding, int[] years) {

    static final String ENTITY = "e:";
    static final String KEYPHRASE = "k:";
    static final String WORD = "w:";
    static final String TAG = "g:";

    private static final int MAX_ENTITIES = 10;
    private static final double ENTITY_BASE = 0.5;
    private static final double KEYPHRASE_WEIGHT = 0.5;
    private static final double WORD_WEIGHT = 0.3;
    private static final double TAG_WEIGHT = 0.2;
    /** Words too common in news to say which event an article is about. */
    private static final Set<String> STOPWORDS = Set.of("the", "and", "for", "with", "from", "that", "this", "into", "over",
            "after", "before", "about", "says", "said", "will", "would", "could", "should", "has", "have", "had", "are",
            "was", "were", "been", "its", "his", "her", "their", "they", "new", "not", "but", "out", "amid", "more",
            "than", "what", "who", "how", "why", "when", "where", "which", "while", "also", "can", "may", "just", "now",
            "news", "report", "reports", "update", "live", "latest", "first", "last", "year", "years", "day", "week");

    /** Separator between an entity's type and name in {@link #entitySalience} keys. */
    static final char TYPE_SEPARATOR = '\t';

    /** Longest entity name or keyphrase used as a feature: bounds the size of a story's state. */
    static final int MAX_FEATURE_CHARS = 120;
    /** Longest title kept as a story's title (whole words; the article keeps its own). */
    static final int MAX_TITLE_CHARS = 300;
    /** Longest article id assigned: ids are 16 hex digits; anything far longer is not from ingest. */
    static final int MAX_ID_CHARS = 200;

    static ArticleFeatures of(EnrichedArticle article) {
        return of(article, null);
    }

    static ArticleFeatures of(EnrichedArticle article, byte[] embedding) {
        if (article.id() == null || article.id().length() > MAX_ID_CHARS) {
            throw new IllegalArgumentException("article id missing or longer than " + MAX_ID_CHARS + " characters");
        }
        Instant time = article.publishedAt() != null && (article.enrichedAt() == null || !article.publishedAt().isAfter(article.enrichedAt()))
                ? article.publishedAt() : article.enrichedAt();
        if (time == null) {
            time = article.receivedAt() == null ? Instant.EPOCH : article.receivedAt();
        }
        Map<String, Double> vector = new TreeMap<>();
        Map<String, Double> salience = new TreeMap<>();
        List<Entity> entities = article.entities().stream()
                .sorted(Comparator.comparingDouble(Entity::salience).reversed().thenComparing(Entity::name))
                .limit(MAX_ENTITIES).toList();
        for (Entity e : entities) {
            if (e.name() == null || e.type() == null || e.name().length() > MAX_FEATURE_CHARS) {
                continue;
            }
            vector.merge(ENTITY + norm(e.name()), ENTITY_BASE + e.salience(), Double::sum);
            salience.merge(e.type() + String.valueOf(TYPE_SEPARATOR) + e.name(), e.salience(), Double::sum);
        }
        for (String phrase : article.keyphrases()) {
            if (phrase == null || phrase.length() > MAX_FEATURE_CHARS) {
                continue;
            }
            vector.merge(KEYPHRASE + norm(phrase), KEYPHRASE_WEIGHT, Math::max);
            addWords(vector, phrase);
        }
        addWords(vector, article.title());
        Map<String, Double> tags = new TreeMap<>();
        for (Tag tag : article.tags()) {
            if (tag.id() == null || tag.id().length() > MAX_FEATURE_CHARS) {
                continue;
            }
            vector.merge(TAG + tag.id(), TAG_WEIGHT * tag.score(), Math::max);
            tags.merge(tag.id(), tag.score(), Double::sum);
        }
        return new ArticleFeatures(article.id(), shortened(article.title()), "en".equals(article.language()), time,
                Vectors.unit(vector), salience, tags, MinHash.signature(article.text()), embedding,
                TemporalAnchors.years(article.title(), article.text(), time.atZone(java.time.ZoneOffset.UTC).getYear()));
    }

    private static String shortened(String title) {
        if (title == null || title.length() <= MAX_TITLE_CHARS) {
            return title;
        }
        int cut = title.lastIndexOf(' ', MAX_TITLE_CHARS - 1);
        return title.substring(0, cut > MAX_TITLE_CHARS / 2 ? cut : MAX_TITLE_CHARS - 1) + "…";
    }

    private static void addWords(Map<String, Double> vector, String text) {
        for (String word : MinHash.words(text == null || text.length() <= 4 * MAX_TITLE_CHARS ? text : text.substring(0, 4 * MAX_TITLE_CHARS))) {
            if (word.length() >= 3 && word.length() <= 40 && !STOPWORDS.contains(word) && word.chars().allMatch(Character::isLetter)) {
                vector.merge(WORD + word, WORD_WEIGHT, Math::max);
            }
        }
    }

    private static String norm(String s) {
        return s.toLowerCase(Locale.ROOT).trim();
    }
}
