package dev.newswire.enrich.stories;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class VectorsTest {

    /** The bounded selection must pick exactly what sorting everything and cutting would, ties included. */
    @Test
    void heaviestPicksWhatAFullSortPicks() {
        SplittableRandom random = new SplittableRandom(3);
        for (int round = 0; round < 200; round++) {
            Map<String, Double> weights = new HashMap<>();
            int n = random.nextInt(300);
            for (int i = 0; i < n; i++) {
                // few distinct values: many ties, broken by key
                weights.put("s" + random.nextInt(1000), (double) random.nextInt(8));
            }
            int k = random.nextInt(60);
            var expected = weights.entrySet().stream().sorted(Vectors.heaviestFirst()).limit(k).map(Map.Entry::getKey).toList();
            assertThat(Vectors.heaviest(weights, k)).containsExactlyInAnyOrderElementsOf(expected);
        }
    }
}
