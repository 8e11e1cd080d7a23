package dev.newswire.enrich.bench;

import dev.newswire.enrich.pipeline.models.SentenceEmbedder;
import dev.newswire.enrich.pipeline.tags.TagPrototypes;
import dev.newswire.enrich.pipeline.tags.TopicLayer;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Fits what TopicTagger learns from labelled news (dev tool, not a test): per section, {@link #K}
 * prototypes (spherical k-means of the TRAIN articles' embeddings) and the {@link TopicLayer}
 * (multinomial logistic regression over the embedding, L2 {@link #LAMBDA}, full-batch gradient
 * descent). Written by hand rather than with a library: 400 lines of Smile or Tribuo for two loops
 * of a few hundred iterations over ~2,000 vectors would be a heavier test dependency than the code.
 *
 * <pre>TagDev fit CACHE RESOURCE_DIR</pre> writes {@code tag-centroids.tsv} and {@code tag-layer.tsv}
 * from the TRAIN rows of a {@link TagDev} cache (API-path embeddings of BBC TRAIN).
 */
final class TagFit {

    /** Prototypes per learned tag; 4-fold CV over TRAIN: 1 → 942, 3 → 950 of 990 full articles (bonus 0.03). */
    static final int K = 3;
    static final double LAMBDA = 0.01;
    static final long SEED = 7;
    /** Unit vectors have entries ~0.05: scaled while fitting so that plain gradient steps converge; folded into the weights. */
    private static final double SCALE = 20;

    private TagFit() {
    }

    /** Learned state from {@code train}: prototypes from the full articles, the layer from full articles and short items. */
    static TagPrototypes learn(List<TagDev.Item> train, int k, double lambda, long seed) {
        Map<String, List<float[]>> full = new TreeMap<>();
        List<String> sections = new ArrayList<>();
        for (TagDev.Item it : train) {
            if (!sections.contains(it.section())) {
                sections.add(it.section());
            }
        }
        sections.sort(String::compareTo);
        for (TagDev.Item it : train) {
            if (it.kind().equals("full")) {
                full.computeIfAbsent(it.section(), s -> new ArrayList<>()).add(it.vector());
            }
        }
        Map<String, List<float[]>> prototypes = new LinkedHashMap<>();
        for (int r = 0; r < sections.size(); r++) {
            prototypes.put(sections.get(r), List.of(kmeans(full.get(sections.get(r)), k, new Random(seed + r))));
        }
        TopicLayer layer = lambda < 0 ? null : layer(sections, fitLayer(train, sections, lambda));
        return new TagPrototypes(prototypes, TagPrototypes.CENTROID_WEIGHT, layer);
    }

    /** The layer's weights (bias last, on SCALE-d inputs) from every row of {@code train}: full articles and short items. */
    static double[][] fitLayer(List<TagDev.Item> train, List<String> sections, double lambda) {
        List<float[]> xs = new ArrayList<>();
        List<Integer> ys = new ArrayList<>();
        for (TagDev.Item it : train) {
            xs.add(it.vector());
            ys.add(sections.indexOf(it.section()));
        }
        return train(xs, ys, sections.size(), lambda, 300);
    }

    static TopicLayer layer(List<String> ids, double[][] w) {
        double[] bias = new double[w.length];
        float[][] rows = new float[w.length][w[0].length - 1];
        for (int c = 0; c < w.length; c++) {
            bias[c] = w[c][w[c].length - 1];
            for (int x = 0; x < rows[c].length; x++) {
                rows[c][x] = (float) (w[c][x] * SCALE);
            }
        }
        return new TopicLayer(ids, bias, rows);
    }

    static void write(List<TagDev.Item> train, Path dir) throws Exception {
        TagPrototypes learned = learn(train, K, LAMBDA, SEED);
        Map<String, Integer> articles = new TreeMap<>();
        train.stream().filter(it -> it.kind().equals("full")).forEach(it -> articles.merge(it.section(), 1, Integer::sum));
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve(TagPrototypes.RESOURCE), StandardCharsets.UTF_8)) {
            w.write(String.format(Locale.ROOT, "# Learned from the TRAIN split (80 %%, stable hash of the text) of the BBC News corpus (bbc-text.csv, %d articles),%n"
                    + "# editors' sections mapped to tags {business=economy, entertainment=arts, politics=politics, sport=sport, tech=science}.%n"
                    + "# Written by TagDev fit (enrich-service bench, docs/benchmarks/quality.md): %d prototypes per tag, spherical k-means (seed %d)%n"
                    + "# of the all-MiniLM-L6-v2 (int8) embeddings of title + lead as the API computes them. A model fitted on the data, not the data.%n"
                    + "# id<TAB>articles of the tag<TAB>384 floats, normalised (several lines per tag: its prototypes).%n",
                    articles.values().stream().mapToInt(Integer::intValue).sum(), K, SEED));
            for (var e : learned.prototypes().entrySet()) {
                for (float[] p : e.getValue()) {
                    w.write(e.getKey() + "\t" + articles.get(e.getKey()) + "\t" + join(p));
                    w.newLine();
                }
            }
        }
        TopicLayer layer = learned.layer().orElseThrow();
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve(TopicLayer.RESOURCE), StandardCharsets.UTF_8)) {
            w.write(String.format(Locale.ROOT, "# TopicLayer: multinomial logistic regression over the all-MiniLM-L6-v2 (int8) embedding of title + lead,%n"
                    + "# fitted by TagDev fit on BBC TRAIN (full articles and their headline + first sentence, %d rows), L2 %s, 300 gradient steps.%n"
                    + "# id<TAB>bias<TAB>384 weights (log p(tag) = softmax over the tags of bias + weights . embedding).%n", train.size(), LAMBDA));
            double[][] weights = fitLayer(train, layer.ids(), LAMBDA);
            for (int c = 0; c < weights.length; c++) {
                float[] row = new float[weights[c].length - 1];
                for (int x = 0; x < row.length; x++) {
                    row[x] = (float) (weights[c][x] * SCALE);
                }
                w.write(layer.ids().get(c) + "\t" + String.format(Locale.ROOT, "%.6f", weights[c][row.length]) + "\t" + join(row));
                w.newLine();
            }
        }
    }

    private static String join(float[] v) {
        StringBuilder sb = new StringBuilder();
        for (float x : v) {
            sb.append(sb.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.5f", x));
        }
        return sb.toString();
    }

    /** Spherical k-means of unit vectors (random start from the data, 25 rounds); k = 1 is the normalised mean. */
    static float[][] kmeans(List<float[]> xs, int k, Random random) {
        int d = xs.get(0).length;
        float[][] c = new float[k][];
        for (int j = 0; j < k; j++) {
            c[j] = xs.get(random.nextInt(xs.size())).clone();
        }
        int[] assign = new int[xs.size()];
        for (int iter = 0; iter < (k == 1 ? 1 : 25); iter++) {
            for (int i = 0; i < xs.size(); i++) {
                int best = 0;
                for (int j = 1; j < k; j++) {
                    if (SentenceEmbedder.dot(xs.get(i), c[j]) > SentenceEmbedder.dot(xs.get(i), c[best])) {
                        best = j;
                    }
                }
                assign[i] = best;
            }
            double[][] sums = new double[k][d];
            for (int i = 0; i < xs.size(); i++) {
                for (int x = 0; x < d; x++) {
                    sums[assign[i]][x] += xs.get(i)[x];
                }
            }
            for (int j = 0; j < k; j++) {
                float[] f = new float[d];
                for (int x = 0; x < d; x++) {
                    f[x] = (float) sums[j][x];
                }
                c[j] = SentenceEmbedder.normalised(f);
            }
        }
        return c;
    }

    /** Multinomial logistic regression, full-batch gradient descent; returns classes x (dims + 1), bias last, on SCALE-d inputs. */
    static double[][] train(List<float[]> xs, List<Integer> ys, int classes, double lambda, int iterations) {
        int d = xs.get(0).length + 1;
        double[][] w = new double[classes][d];
        double lr = 0.5;
        for (int iter = 0; iter < iterations; iter++) {
            double[][] grad = new double[classes][d];
            for (int i = 0; i < xs.size(); i++) {
                double[] p = logSoftmax(w, xs.get(i));
                for (int c = 0; c < classes; c++) {
                    double g = Math.exp(p[c]) - (ys.get(i) == c ? 1 : 0);
                    for (int x = 0; x < d - 1; x++) {
                        grad[c][x] += g * SCALE * xs.get(i)[x];
                    }
                    grad[c][d - 1] += g;
                }
            }
            for (int c = 0; c < classes; c++) {
                for (int x = 0; x < d; x++) {
                    w[c][x] -= lr * (grad[c][x] / xs.size() + (x < d - 1 ? lambda * w[c][x] : 0));
                }
            }
        }
        return w;
    }

    static double[] logSoftmax(double[][] w, float[] v) {
        double[] z = new double[w.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < w.length; c++) {
            double s = w[c][v.length];
            for (int x = 0; x < v.length; x++) {
                s += w[c][x] * SCALE * v[x];
            }
            z[c] = s;
            max = Math.max(max, s);
        }
        TopicLayer.logSoftmax(z, max);
        return z;
    }
}
