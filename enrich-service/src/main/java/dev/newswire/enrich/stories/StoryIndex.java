package dev.newswire.enrich.stories;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Inverted indexes over the state stores, so that an article is compared with the few stories
 * and articles that share something with it, not with all of them: profile feature → open stories,
 * MinHash band → articles. Derived data only: rebuilt from the stores when the task starts (after
 * the changelog restored them), so the truth stays in Kafka. Tag features are not indexed: a tag
 * like {@code politics} is shared by half the stream and would make every story a candidate.
 */
final class StoryIndex {

    private final Map<String, Set<String>> storiesByFeature = new HashMap<>();
    private final Map<String, Set<String>> articlesByBand = new HashMap<>();

    void addStory(StoryState story) {
        for (String feature : story.profile().keySet()) {
            if (!feature.startsWith(ArticleFeatures.TAG)) {
                storiesByFeature.computeIfAbsent(feature, f -> new TreeSet<>()).add(story.id());
            }
        }
    }

    void removeStory(StoryState story) {
        for (String feature : story.profile().keySet()) {
            Set<String> ids = storiesByFeature.get(feature);
            if (ids != null && ids.remove(story.id()) && ids.isEmpty()) {
                storiesByFeature.remove(feature);
            }
        }
    }

    /** Story ids sharing an indexed feature with the vector, with the summed weight of the shared features. */
    Map<String, Double> storiesSharing(Map<String, Double> vector) {
        Map<String, Double> overlap = new HashMap<>();
        vector.forEach((feature, weight) -> {
            Set<String> ids = storiesByFeature.get(feature);
            if (ids != null) {
                ids.forEach(id -> overlap.merge(id, weight, Double::sum));
            }
        });
        return overlap;
    }

    void addArticle(String id, int[] signature) {
        if (signature != null) {
            for (String band : MinHash.bands(signature)) {
                articlesByBand.computeIfAbsent(band, b -> new TreeSet<>()).add(id);
            }
        }
    }

    void removeArticle(String id, int[] signature) {
        if (signature != null) {
            for (String band : MinHash.bands(signature)) {
                Set<String> ids = articlesByBand.get(band);
                if (ids != null && ids.remove(id) && ids.isEmpty()) {
                    articlesByBand.remove(band);
                }
            }
        }
    }

    /** Article ids sharing at least one band with the signature, in id order. */
    Set<String> articlesSharingABand(int[] signature) {
        Set<String> ids = new TreeSet<>();
        if (signature != null) {
            List<String> bands = MinHash.bands(signature);
            for (String band : bands) {
                Set<String> found = articlesByBand.get(band);
                if (found != null) {
                    ids.addAll(found);
                }
            }
        }
        return ids;
    }

    int indexedFeatures() {
        return storiesByFeature.size();
    }
}
