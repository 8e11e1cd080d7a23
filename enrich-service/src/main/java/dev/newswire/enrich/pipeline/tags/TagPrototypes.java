package dev.newswire.enrich.pipeline.tags;

import dev.newswire.enrich.pipeline.models.SentenceEmbedder;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What TopicTagger learned from the TRAIN split of a labelled news corpus, written by
 * {@code TagEval --learn} (bench/enrich/tags-eval.sh) to {@code tag-centroids.tsv}, one line per
 * tag: {@code id<TAB>articles<TAB>384 floats}, the centroid of the article embeddings of that tag.
 * The tag's prototype is its description's embedding blended with the centroid; tags without a
 * centroid (the corpus has no such section) stay zero-shot.
 */
public final class TagPrototypes {

    public static final String RESOURCE = "tag-centroids.tsv";
    /** Weight of the learned centroid against the description embedding; fitted on TRAIN by TagEval. */
    public static final double CENTROID_WEIGHT = 12.0;

    private final Map<String, float[]> centroids;
    private final double weight;

    public TagPrototypes(Map<String, float[]> centroids, double weight) {
        this.centroids = Map.copyOf(centroids);
        this.weight = weight;
    }

    public static TagPrototypes none() {
        return new TagPrototypes(Map.of(), CENTROID_WEIGHT);
    }

    public static TagPrototypes defaults() {
        try (InputStream in = TagPrototypes.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return none();
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static TagPrototypes parse(List<String> lines) {
        Map<String, float[]> centroids = new HashMap<>();
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split("\t");
            String[] values = cols[2].trim().split(" ");
            float[] v = new float[values.length];
            for (int i = 0; i < v.length; i++) {
                v[i] = Float.parseFloat(values[i]);
            }
            centroids.put(cols[0], SentenceEmbedder.normalised(v));
        }
        return new TagPrototypes(centroids, CENTROID_WEIGHT);
    }

    public TagPrototypes withWeight(double newWeight) {
        return new TagPrototypes(centroids, newWeight);
    }

    public Map<String, float[]> centroids() {
        return centroids;
    }

    public double weight() {
        return weight;
    }

    public float[] blend(String id, float[] description) {
        float[] centroid = centroids.get(id);
        if (centroid == null) {
            return description;
        }
        float[] mixed = new float[description.length];
        for (int i = 0; i < mixed.length; i++) {
            mixed[i] = (float) (description[i] + weight * centroid[i]);
        }
        return SentenceEmbedder.normalised(mixed);
    }
}
