package dev.newswire.enrich.stories;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** B-cubed precision, recall and F1 of a clustering against gold labels (Bagga &amp; Baldwin 1998). */
final class BCubed {

    private BCubed() {
    }

    /** @return {precision, recall, F1} over the items of {@code predicted} (item → cluster; gold: item → event) */
    static double[] score(Map<String, String> predicted, Map<String, String> gold) {
        Map<String, Set<String>> byPredicted = new HashMap<>();
        Map<String, Set<String>> byGold = new HashMap<>();
        predicted.forEach((item, cluster) -> {
            byPredicted.computeIfAbsent(cluster, c -> new HashSet<>()).add(item);
            byGold.computeIfAbsent(gold.get(item), g -> new HashSet<>()).add(item);
        });
        double p = 0;
        double r = 0;
        for (Map.Entry<String, String> e : predicted.entrySet()) {
            Set<String> cluster = byPredicted.get(e.getValue());
            Set<String> event = byGold.get(gold.get(e.getKey()));
            long same = cluster.stream().filter(event::contains).count();
            p += (double) same / cluster.size();
            r += (double) same / event.size();
        }
        p /= predicted.size();
        r /= predicted.size();
        return new double[] {p, r, p + r == 0 ? 0 : 2 * p * r / (p + r)};
    }
}
