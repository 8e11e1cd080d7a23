package dev.newswire.enrich.stories;

import dev.newswire.model.EntityType;
import dev.newswire.model.StoryRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A story as the state store keeps it (JSON, in the {@value StoryStores#STORIES} store): what
 * {@link StoryRecord} publishes plus what assignment needs, the profile (sum of the members'
 * unit feature vectors, heaviest {@value #MAX_PROFILE} features) and the salience/score sums.
 * Immutable: every change returns a new state.
 *
 * @param titleTime time of the article the title came from (the most recent non-duplicate)
 * @param articles  member ids in time order, the newest {@link StoryRecord#MAX_ARTICLE_IDS} kept
 * @param centroid  direction of the members' document embeddings (int8, base64 in JSON; null when no
 *                  member had one), see {@link Centroid}
 * @param centroidWeight members counted in the centroid, capped at {@link Centroid#MAX_WEIGHT}
 * @param years     the years its members explicitly name ({@link TemporalAnchors}), ascending, the latest
 *                  {@value #MAX_YEARS}; null in states written before anchors existed (read as none)
 */
record StoryState(String id, String title, Instant titleTime, int size, Instant firstSeen, Instant lastSeen,
                  Map<String, Double> profile, Map<String, Double> entities, Map<String, Double> tags,
                  List<Member> articles, String mergedInto, byte[] centroid, int centroidWeight,
                  int[] years) {

    static final int MAX_PROFILE = 40;
    static final int MAX_YEARS = 4;
    private static final int MAX_ENTITIES = 20;
    private static final int MAX_TAGS = 10;

    /** One member article. */
    record Member(String id, Instant time) {
    }

    static StoryState open(ArticleFeatures first) {
        return new StoryState(StoryRecord.idFor(first.id()), first.title(), first.time(), 1, first.time(), first.time(),
                Vectors.top(first.vector(), MAX_PROFILE), Vectors.top(first.entitySalience(), MAX_ENTITIES),
                Vectors.top(first.tagScores(), MAX_TAGS), List.of(new Member(first.id(), first.time())), null,
                first.embedding(), first.embedding() == null ? 0 : 1, years(null, first.years()));
    }

    /** This story with one more article; a duplicate does not change the title. */
    StoryState with(ArticleFeatures article, boolean duplicate) {
        boolean retitle = !duplicate && article.title() != null && !article.title().isBlank()
                && (title == null || !article.time().isBefore(titleTime));
        return new StoryState(id, retitle ? article.title() : title, retitle ? article.time() : titleTime, size + 1,
                min(firstSeen, article.time()), max(lastSeen, article.time()),
                Vectors.sum(profile, article.vector(), MAX_PROFILE),
                Vectors.sum(entities, article.entitySalience(), MAX_ENTITIES),
                Vectors.sum(tags, article.tagScores(), MAX_TAGS),
                members(articles, List.of(new Member(article.id(), article.time()))), null,
                Centroid.add(centroid, centroidWeight, article.embedding(), 1),
                article.embedding() == null ? centroidWeight : Centroid.weight(centroidWeight, 1),
                years(years, duplicate ? null : article.years()));
    }

    /** The union of this story and {@code other}; this story's id is kept. */
    StoryState absorb(StoryState other) {
        boolean otherTitle = other.title != null && (title == null || other.titleTime.isAfter(titleTime));
        return new StoryState(id, otherTitle ? other.title : title, otherTitle ? other.titleTime : titleTime,
                size + other.size, min(firstSeen, other.firstSeen), max(lastSeen, other.lastSeen),
                Vectors.sum(profile, other.profile, MAX_PROFILE), Vectors.sum(entities, other.entities, MAX_ENTITIES),
                Vectors.sum(tags, other.tags, MAX_TAGS), members(articles, other.articles), null,
                Centroid.add(centroid, centroidWeight, other.centroid, other.centroidWeight),
                other.centroid == null ? centroidWeight : Centroid.weight(centroidWeight, other.centroidWeight),
                years(years, other.years));
    }

    StoryState mergedInto(String survivor) {
        return new StoryState(id, title, titleTime, size, firstSeen, lastSeen, profile, entities, tags, articles, survivor,
                centroid, centroidWeight, years);
    }

    /** The anchor years, never null. */
    int[] anchorYears() {
        return years == null ? new int[0] : years;
    }

    private static int[] years(int[] a, int[] b) {
        java.util.TreeSet<Integer> all = new java.util.TreeSet<>();
        for (int[] part : new int[][] {a, b}) {
            if (part != null) {
                for (int y : part) {
                    all.add(y);
                }
            }
        }
        while (all.size() > MAX_YEARS) {
            all.pollFirst();
        }
        return all.stream().mapToInt(Integer::intValue).toArray();
    }

    StoryRecord toRecord() {
        List<StoryRecord.StoryEntity> top = entities.entrySet().stream().sorted(Vectors.heaviestFirst()).limit(5)
                .map(e -> {
                    int tab = e.getKey().indexOf(ArticleFeatures.TYPE_SEPARATOR);
                    return new StoryRecord.StoryEntity(e.getKey().substring(tab + 1), EntityType.valueOf(e.getKey().substring(0, tab)));
                })
                .filter(distinctText())
                .limit(5)
                .toList();
        List<String> topTags = tags.entrySet().stream().sorted(Vectors.heaviestFirst()).limit(3).map(Map.Entry::getKey).toList();
        return new StoryRecord(id, title, size, firstSeen, lastSeen, top, topTags,
                articles.stream().map(Member::id).toList(), mergedInto);
    }

    private static java.util.function.Predicate<StoryRecord.StoryEntity> distinctText() {
        java.util.Set<String> seen = new java.util.HashSet<>();
        return e -> seen.add(e.text());
    }

    private static List<Member> members(List<Member> a, List<Member> b) {
        Map<String, Member> byId = new TreeMap<>();
        a.forEach(m -> byId.put(m.id(), m));
        b.forEach(m -> byId.putIfAbsent(m.id(), m));
        List<Member> all = new ArrayList<>(byId.values());
        all.sort(Comparator.comparing(Member::time).thenComparing(Member::id));
        int cap = StoryRecord.MAX_ARTICLE_IDS;
        return List.copyOf(all.size() > cap ? all.subList(all.size() - cap, all.size()) : all);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
