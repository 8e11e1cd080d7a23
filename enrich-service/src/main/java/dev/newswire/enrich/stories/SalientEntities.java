package dev.newswire.enrich.stories;

import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Whether an article and a story are about different protagonists: the most salient person (or
 * named event, MISC: "Macworld" against "WWDC") of each is absent from the other. Two events of one
 * kind — two DUI arrests of one team's players, two deaths of Watergate figures, two keynotes of one
 * company — share the team, the place and the company, so the sparse cosine and the embedding see
 * them as close; their protagonists differ. Names are compared by their words (three letters or
 * more), so "Jackson", "Vincent Jackson" and "V. Jackson" agree; an entity type one side does not
 * name is no evidence either way.
 */
final class SalientEntities {

    /** Entity types whose most salient member names the event's protagonist. */
    static final Set<String> TYPES = Set.of("PERSON", "MISC");
    /** An article's entity below this salience is a mention, not its subject. */
    static final double MIN_SALIENCE = 0.5;

    private SalientEntities() {
    }

    /** True when, for some type, each side's most salient entity shares no word with the other side's entities of that type. */
    static boolean conflict(Map<String, Double> article, Map<String, Double> story) {
        for (String type : TYPES) {
            String a = top(article, type, MIN_SALIENCE);
            String s = top(story, type, 0);
            if (a != null && s != null && !sharesWord(a, story, type)
                    && !sharesWord(s, article, type)) {
                return true;
            }
        }
        return false;
    }

    private static String top(Map<String, Double> entities, String type, double min) {
        String best = null;
        double bestWeight = min;
        for (Map.Entry<String, Double> e : entities.entrySet()) {
            if (isType(e.getKey(), type) && e.getValue() >= bestWeight && (best == null || e.getValue() > bestWeight)) {
                best = e.getKey();
                bestWeight = e.getValue();
            }
        }
        return best;
    }

    /** Whether {@code name} shares a word with some entity of {@code type} in {@code entities}. */
    private static boolean sharesWord(String name, Map<String, Double> entities, String type) {
        Set<String> words = words(name);
        for (String key : entities.keySet()) {
            if (isType(key, type)) {
                for (String w : words(key)) {
                    if (words.contains(w)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean isType(String key, String type) {
        return key.length() > type.length() && key.startsWith(type) && key.charAt(type.length()) == ArticleFeatures.TYPE_SEPARATOR;
    }

    private static Set<String> words(String key) {
        Set<String> words = new HashSet<>();
        String name = key.substring(key.indexOf(ArticleFeatures.TYPE_SEPARATOR) + 1).toLowerCase(Locale.ROOT);
        for (String w : name.split("[^\\p{L}\\p{N}]+")) {
            if (w.length() >= 3) {
                words.add(w);
            }
        }
        return words;
    }
}
