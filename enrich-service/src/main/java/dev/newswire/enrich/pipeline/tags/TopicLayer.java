package dev.newswire.enrich.pipeline.tags;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A multinomial logistic layer over the article embedding that ranks the tags learned from labelled
 * news against each other (e.g. politics vs economy on a budget story), read from {@code tag-layer.tsv}:
 * one line per tag, {@code id<TAB>bias<TAB>384 weights}, fitted by {@code TagDev fit} on the TRAIN
 * split. The cosine to a prototype only says how close an article is to a tag; the layer is trained to
 * separate the learned tags, which is where most disagreements with the editors were. TopicTagger adds
 * {@code layerWeight * log p(tag)} to a learned tag's raw score (0 for a sure tag, negative for an
 * unlikely one), so it moves no description-only tag: those have no data to be ranked with.
 */
public final class TopicLayer {

    public static final String RESOURCE = "tag-layer.tsv";

    private final List<String> ids;
    private final double[] bias;
    private final float[][] weights;

    public TopicLayer(List<String> ids, double[] bias, float[][] weights) {
        if (ids.size() != bias.length || ids.size() != weights.length) {
            throw new IllegalArgumentException("one bias and one weight row per tag");
        }
        this.ids = List.copyOf(ids);
        this.bias = bias.clone();
        this.weights = weights.clone();
    }

    static TopicLayer parse(List<String> lines) {
        List<String> ids = new ArrayList<>();
        List<Double> bias = new ArrayList<>();
        List<float[]> rows = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split("\t");
            ids.add(cols[0]);
            bias.add(Double.parseDouble(cols[1]));
            rows.add(TagPrototypes.floats(cols[2]));
        }
        return new TopicLayer(ids, bias.stream().mapToDouble(Double::doubleValue).toArray(), rows.toArray(float[][]::new));
    }

    public List<String> ids() {
        return ids;
    }

    /** log p(tag | article) over the layer's tags (softmax of {@code bias + weights · article}). */
    public Map<String, Double> logProbabilities(float[] article) {
        double[] z = new double[ids.size()];
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < z.length; c++) {
            double s = bias[c];
            float[] w = weights[c];
            for (int i = 0; i < w.length; i++) {
                s += w[i] * article[i];
            }
            z[c] = s;
            max = Math.max(max, s);
        }
        logSoftmax(z, max);
        Map<String, Double> out = new LinkedHashMap<>();
        for (int c = 0; c < z.length; c++) {
            out.put(ids.get(c), z[c]);
        }
        return out;
    }

    /** Turns scores into log-probabilities in place ({@code max} = their largest, for stability). */
    public static void logSoftmax(double[] z, double max) {
        double sum = 0;
        for (double x : z) {
            sum += Math.exp(x - max);
        }
        double log = max + Math.log(sum);
        for (int c = 0; c < z.length; c++) {
            z[c] -= log;
        }
    }
}
