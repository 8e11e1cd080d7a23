package dev.newswire.enrich.pipeline.entities;

import java.util.List;
import java.util.Locale;

/**
 * Salience in 0..1 from how often an entity is mentioned (relative to the most mentioned one in
 * the article), how early it first appears, and whether the title or the lead paragraph names it.
 * The weights sum to 1; scores are rounded to 3 decimals so output is stable across runs.
 */
public final class SalienceScorer {

    static final double W_MENTIONS = 0.45;
    static final double W_POSITION = 0.20;
    static final double W_TITLE = 0.20;
    static final double W_LEAD = 0.15;

    /**
     * @param cluster     the merged entity
     * @param maxMentions mentions of the most-mentioned entity in the article (≥ 1)
     * @param textLength  length of the clean text
     * @param title       the article title or null
     * @param leadEnd     end offset of the lead (first prose paragraph) in the text
     */
    public double score(AliasMerger.Cluster cluster, int maxMentions, int textLength, String title, int leadEnd) {
        int mentions = cluster.mentions().size();
        double frequency = Math.log1p(mentions) / Math.log1p(Math.max(1, maxMentions));
        // a title mention is the earliest a reader meets a name
        int first = cluster.mentions().stream().anyMatch(Mention::inTitle) ? 0
                : cluster.mentions().stream().mapToInt(Mention::start).min().orElse(0);
        double position = textLength <= 0 ? 0 : 1.0 - Math.min(1.0, (double) first / textLength);
        double inTitle = namedIn(title, cluster) ? 1 : 0;
        double inLead = first < leadEnd ? 1 : 0;
        double score = W_MENTIONS * frequency + W_POSITION * position + W_TITLE * inTitle + W_LEAD * inLead;
        return Math.round(Math.max(0, Math.min(1, score)) * 1000) / 1000.0;
    }

    private static boolean namedIn(String title, AliasMerger.Cluster cluster) {
        if (title == null || title.isBlank()) {
            return false;
        }
        String t = " " + title.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}.]+", " ") + " ";
        if (contains(t, cluster.name())) {
            return true;
        }
        List<String> aliases = cluster.aliases();
        for (String alias : aliases) {
            if (contains(t, alias)) {
                return true;
            }
        }
        return false;
    }

    private static boolean contains(String paddedLowerTitle, String name) {
        String n = name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}.]+", " ").strip();
        return !n.isEmpty() && paddedLowerTitle.contains(" " + n + " ");
    }
}
