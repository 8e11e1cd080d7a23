package dev.newswire.enrich.pipeline.tags;

import dev.newswire.enrich.pipeline.models.SentenceEmbedder;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What TopicTagger learned from the TRAIN split of a labelled news corpus, written by
 * {@code TagDev fit} (enrich-service bench; docs/benchmarks/quality.md) to two resources:
 * <ul>
 *   <li>{@code tag-centroids.tsv}, one line per prototype: {@code id<TAB>articles<TAB>384 floats}. A tag
 *   may have several prototypes (k-means clusters of its articles' embeddings: "business" is markets,
 *   company results and the economy, which one mean vector blurs); each is blended with the
 *   description's embedding and the article's similarity to the tag is the best of them.</li>
 *   <li>{@code tag-layer.tsv}, the {@link TopicLayer}: a logistic layer that ranks the learned tags
 *   against each other.</li>
 * </ul>
 * Tags without data (the corpus has no such section) stay zero-shot.
 */
public final class TagPrototypes {

    public static final String RESOURCE = "tag-centroids.tsv";
    /** Weight of a learned prototype against the description embedding; fitted on TRAIN by TagEval. */
    public static final double CENTROID_WEIGHT = 12.0;

    private final Map<String, List<float[]>> prototypes;
    private final double weight;
    private final TopicLayer layer;

    /** One prototype (a centroid) per tag, no layer: what the first passes shipped (kept for the dev tools). */
    public TagPrototypes(Map<String, float[]> centroids, double weight) {
        this(single(centroids), weight, null);
    }

    public TagPrototypes(Map<String, List<float[]>> prototypes, double weight, TopicLayer layer) {
        Map<String, List<float[]>> copy = new LinkedHashMap<>();
        prototypes.forEach((id, list) -> copy.put(id, List.copyOf(list)));
        this.prototypes = Map.copyOf(copy);
        this.weight = weight;
        this.layer = layer;
    }

    private static Map<String, List<float[]>> single(Map<String, float[]> centroids) {
        Map<String, List<float[]>> out = new LinkedHashMap<>();
        centroids.forEach((id, c) -> out.put(id, List.of(c)));
        return out;
    }

    public static TagPrototypes none() {
        return new TagPrototypes(Map.of(), CENTROID_WEIGHT);
    }

    public static TagPrototypes defaults() {
        List<String> centroids = lines(RESOURCE);
        if (centroids == null) {
            return none();
        }
        List<String> layer = lines(TopicLayer.RESOURCE);
        return new TagPrototypes(parsePrototypes(centroids), CENTROID_WEIGHT, layer == null ? null : TopicLayer.parse(layer));
    }

    private static List<String> lines(String resource) {
        try (InputStream in = TagPrototypes.class.getResourceAsStream(resource)) {
            return in == null ? null : new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Centroid lines only, no layer (a file with one line per tag reads as before). */
    public static TagPrototypes parse(List<String> lines) {
        return new TagPrototypes(parsePrototypes(lines), CENTROID_WEIGHT, null);
    }

    static Map<String, List<float[]>> parsePrototypes(List<String> lines) {
        Map<String, List<float[]>> out = new LinkedHashMap<>();
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split("\t");
            out.computeIfAbsent(cols[0], k -> new ArrayList<>()).add(SentenceEmbedder.normalised(floats(cols[2])));
        }
        return out;
    }

    static float[] floats(String spaceSeparated) {
        String[] values = spaceSeparated.trim().split(" ");
        float[] v = new float[values.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = Float.parseFloat(values[i]);
        }
        return v;
    }

    public TagPrototypes withWeight(double newWeight) {
        return new TagPrototypes(prototypes, newWeight, layer);
    }

    public TagPrototypes withLayer(TopicLayer newLayer) {
        return new TagPrototypes(prototypes, weight, newLayer);
    }

    /** The first prototype of every learned tag (the centroid when there is one per tag). */
    public Map<String, float[]> centroids() {
        Map<String, float[]> out = new LinkedHashMap<>();
        prototypes.forEach((id, list) -> out.put(id, list.get(0)));
        return out;
    }

    public Map<String, List<float[]>> prototypes() {
        return prototypes;
    }

    public Optional<TopicLayer> layer() {
        return Optional.ofNullable(layer);
    }

    public double weight() {
        return weight;
    }

    /** The tag's prototypes: each learned one blended with the description, or the description alone. */
    public List<float[]> blend(String id, float[] description) {
        List<float[]> learned = prototypes.get(id);
        if (learned == null) {
            return List.of(description);
        }
        List<float[]> out = new ArrayList<>();
        for (float[] prototype : learned) {
            float[] mixed = new float[description.length];
            for (int i = 0; i < mixed.length; i++) {
                mixed[i] = (float) (description[i] + weight * prototype[i]);
            }
            out.add(SentenceEmbedder.normalised(mixed));
        }
        return out;
    }
}
