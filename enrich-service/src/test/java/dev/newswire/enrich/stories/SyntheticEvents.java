package dev.newswire.enrich.stories;

import dev.newswire.model.EnrichedArticle;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * A self-written stream of enriched articles with known events, for tests that need many stories
 * (StoryInstancesTest, StoriesQualityGateTest): no download, no pipeline.
 *
 * @param parts the stream in three consecutive parts
 * @param gold  article id → event (a copy belongs to its original's event)
 */
record SyntheticEvents(List<List<EnrichedArticle>> parts, Map<String, String> gold) {

    List<EnrichedArticle> all() {
        return parts.stream().flatMap(List::stream).toList();
    }

    /**
     * 60 articles in three parts: 10 events of 4-6 reports each spread over all parts (events share
     * places and generic words, so a story's profile decides), plus near copies of earlier articles.
     */
    static SyntheticEvents stream(String run, Instant start) {
        SplittableRandom random = new SplittableRandom(11);
        String[] places = {"Kandar", "Veldoria", "Kandar", "Ostmark", "Lisvane", "Veldoria", "Corran", "Ostmark", "Tarsis", "Lisvane"};
        String[][] actors = {{"Red Crescent", "Kandar Police"}, {"National Assembly", "Liberal Party"}, {"Kandar Mining Co", "Unions"},
            {"Ostmark Central Bank", "Finance Ministry"}, {"Lisvane FC", "Premier League"}, {"Veldoria Army", "UN Mission"},
            {"Corran Airways", "Aviation Authority"}, {"Ostmark Rail", "Transport Union"}, {"Tarsis University", "Science Council"},
            {"Lisvane Hospital", "Health Board"}};
        String[][] phrases = {{"earthquake", "collapsed buildings", "rescue teams"}, {"election law", "opposition parties", "vote"},
            {"mine strike", "wage talks", "walkout"}, {"interest rates", "inflation", "rate decision"}, {"cup final", "late goal", "trophy"},
            {"ceasefire", "border clashes", "peacekeepers"}, {"plane crash", "flight recorder", "investigators"},
            {"rail strike", "cancelled trains", "commuters"}, {"telescope", "new planet", "discovery"}, {"hospital fire", "evacuation", "patients"}};
        List<List<EnrichedArticle>> parts = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        List<EnrichedArticle> written = new ArrayList<>();
        Instant time = start;
        Map<String, String> gold = new TreeMap<>();
        for (int n = 0; n < 60; n++) {
            time = time.plus(Duration.ofMinutes(20 + random.nextInt(40)));
            int part = n * 3 / 60;
            EnrichedArticle article;
            if (n % 9 == 8 && !written.isEmpty()) {
                EnrichedArticle original = written.get(random.nextInt(written.size()));
                article = copyOf(original, run + "-" + n, time);
                gold.put(article.id(), gold.get(original.id()));
            } else {
                int e = random.nextInt(places.length);
                int actor = random.nextInt(2);
                List<String> entities = new ArrayList<>(List.of(places[e], actors[e][actor]));
                if (random.nextBoolean()) {
                    entities.add(actors[e][1 - actor]);
                }
                List<String> keyphrases = List.of(phrases[e][random.nextInt(3)], phrases[e][random.nextInt(3)]).stream().distinct().toList();
                String title = places[e] + ": " + keyphrases.get(0) + (random.nextBoolean() ? " latest" : "");
                String text = body(random, places[e], actors[e], phrases[e]);
                article = StoryAssignerTest.article(run + "-" + n, time, title, entities, keyphrases, List.of("t" + e % 4), text);
                gold.put(article.id(), "event-" + e);
            }
            written.add(article);
            parts.get(part).add(article);
        }
        return new SyntheticEvents(parts, gold);
    }

    private static String body(SplittableRandom random, String place, String[] actors, String[] phrases) {
        String[] filler = {"officials said on", "according to people familiar with", "the statement added that", "witnesses described",
            "a spokesperson for", "later in the day", "in a brief interview", "local media reported", "it was not clear whether"};
        StringBuilder text = new StringBuilder();
        for (int s = 0; s < 6; s++) {
            text.append(filler[random.nextInt(filler.length)]).append(' ').append(s % 2 == 0 ? place : actors[random.nextInt(2)])
                    .append(' ').append(phrases[random.nextInt(3)]).append(' ').append(random.nextInt(1000)).append(". ");
        }
        return text.toString();
    }

    /** A re-post: new id and headline, the text with its last sentence rewritten. */
    private static EnrichedArticle copyOf(EnrichedArticle a, String id, Instant time) {
        String text = a.text().substring(0, a.text().lastIndexOf(". ", a.text().length() - 3) + 2) + "This report was updated.";
        return new EnrichedArticle(id, a.source(), null, "Updated: " + a.title(), a.authors(), a.language(), text, a.summary(),
                a.entities(), a.tags(), a.keyphrases(), null, null, time, time, time, a.pipeline());
    }
}
