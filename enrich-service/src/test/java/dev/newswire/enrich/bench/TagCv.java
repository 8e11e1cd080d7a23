package dev.newswire.enrich.bench;

import dev.newswire.enrich.pipeline.models.SentenceEmbedder;
import dev.newswire.enrich.pipeline.tags.TagPrototypes;
import dev.newswire.enrich.pipeline.tags.Taxonomy;
import dev.newswire.enrich.pipeline.tags.TopicTagger;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

/**
 * Dev tool (not a test): 4-fold cross-validation over the BBC TRAIN split of a {@link TagDev} cache,
 * folds = SHA-1 of the id mod 4 (fold 0 is the harness's DEV). Each fold is scored with everything
 * learned (centroids, prototypes, the linear layer) refitted on the other three folds, so all of
 * TRAIN gives an honest figure (~990 articles instead of DEV's 249). TEST is never read here.
 *
 * <pre>TagCv CACHE [--lead LEADS_TSV N] [--real "k,lambda,bonus,layerWeight,seed;..."]</pre>
 * {@code --lead} swaps in the vectors of another lead length from {@code TagDev leads}.
 */
public final class TagCv {

    private TagCv() {
    }

    record Row(TagDev.Item item, int fold, double[] cos, double[] ev) {
    }

    public static void main(String[] args) throws Exception {
        List<TagDev.Item> items = TagDev.read(Path.of(args[0]));
        List<String> a = List.of(args);
        if (a.contains("--lead")) {
            items = withLead(items, Path.of(a.get(a.indexOf("--lead") + 1)), a.get(a.indexOf("--lead") + 2));
        }
        Run run = new TagCv.Run(items);
        if (a.contains("--extra")) {
            // another labelled corpus (a TagDev cache, e.g. AG News): its items with a section that is a tag join
            // every fold's training and are scored by the same folds; items of other sections are left out
            for (TagDev.Item it : TagDev.read(Path.of(a.get(a.indexOf("--extra") + 1)))) {
                if (it.kind().equals("full") && Taxonomy.defaults().get(it.section()).isPresent()) {
                    run.extra.add(new Row(it, fold(it.id()), null, null));
                }
            }
        }
        if (a.contains("--real")) {
            // configurations "k,lambda,bonus,layerWeight,seed" separated by ';' (lambda < 0: no layer)
            for (String config : a.get(a.indexOf("--real") + 1).split(";")) {
                String[] c = config.split(",");
                run.real(Integer.parseInt(c[0]), Double.parseDouble(c[1]), Double.parseDouble(c[2]), Double.parseDouble(c[3]),
                        Long.parseLong(c[4]));
            }
        } else {
            run.sweep();
        }
    }

    static List<TagDev.Item> withLead(List<TagDev.Item> items, Path leads, String n) throws Exception {
        Map<String, float[]> vectors = new HashMap<>();
        for (String line : Files.readAllLines(leads, StandardCharsets.UTF_8)) {
            String[] c = line.split("\t");
            if (c[2].equals(n)) {
                vectors.put(c[0] + "/" + c[1], parse(c[3]));
            }
        }
        List<TagDev.Item> out = new ArrayList<>();
        for (TagDev.Item it : items) {
            float[] v = vectors.get(it.id() + "/" + it.kind());
            out.add(new TagDev.Item(it.id(), it.kind(), it.split(), it.dev(), it.section(), it.atLeastOne(), it.evidence(), v, it.title()));
        }
        return out;
    }

    static float[] parse(String s) {
        String[] xs = s.split(" ");
        float[] v = new float[xs.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = Float.parseFloat(xs[i]);
        }
        return v;
    }

    static int fold(String id) throws Exception {
        byte[] h = MessageDigest.getInstance("SHA-1").digest(id.getBytes(StandardCharsets.UTF_8));
        return new BigInteger(1, h).mod(BigInteger.valueOf(4)).intValue();
    }

    static final class Run {
        final List<Taxonomy.Topic> topics = Taxonomy.defaults().topics();
        final List<String> roots = new ArrayList<>();
        final float[][] desc;
        final List<Row> rows = new ArrayList<>();
        final TopicTagger.Calibration base = TopicTagger.Calibration.DEFAULT;
        final List<Row> extra = new ArrayList<>();

        Run(List<TagDev.Item> items) throws Exception {
            SentenceEmbedder embedder = new SentenceEmbedder();
            desc = new float[topics.size()][];
            for (int t = 0; t < topics.size(); t++) {
                desc[t] = embedder.embed(topics.get(t).prompt());
            }
            TopicTagger zeroShot = new TopicTagger(embedder, Taxonomy.defaults(), TagPrototypes.none(),
                    new TopicTagger.Calibration(base.evidenceWeight(), base.midpoint(), base.width(), 0), TopicTagger.DEFAULT_THRESHOLD, 5);
            TreeSet<String> sections = new TreeSet<>();
            for (TagDev.Item it : items) {
                if (!it.split().equals("train")) {
                    continue; // TEST stays unread
                }
                sections.add(it.section());
                Map<String, Double> s = zeroShot.scores(it.vector(), it.evidence());
                double[] cos = new double[topics.size()];
                double[] ev = new double[topics.size()];
                for (int t = 0; t < topics.size(); t++) {
                    cos[t] = SentenceEmbedder.dot(it.vector(), desc[t]);
                    double sc = Math.min(Math.max(s.get(topics.get(t).id()), 1e-15), 1 - 1e-15);
                    ev[t] = base.midpoint() + base.width() * Math.log(sc / (1 - sc)) - cos[t];
                }
                rows.add(new Row(it, fold(it.id()), cos, ev));
            }
            roots.addAll(sections);
        }

        int rootIndex(String topicId) {
            return roots.indexOf(topicId.split("/")[0]);
        }

        /** Learned state from the rows outside {@code fold}: per section, k normalised prototypes and the linear layer. */
        record Fit(float[][][] prototypes, double[][] weights) {
        }

        Fit fit(int fold, int k, double lambda, boolean withShort, long seed) {
            List<float[]>[] bySection = new List[roots.size()];
            for (int r = 0; r < roots.size(); r++) {
                bySection[r] = new ArrayList<>();
            }
            List<float[]> xs = new ArrayList<>();
            List<Integer> ys = new ArrayList<>();
            for (Row row : rows) {
                if (row.fold() == fold) {
                    continue;
                }
                int r = roots.indexOf(row.item().section());
                if (row.item().kind().equals("full")) {
                    bySection[r].add(row.item().vector());
                }
                if (row.item().kind().equals("full") || withShort) {
                    xs.add(row.item().vector());
                    ys.add(r);
                }
            }
            float[][][] protos = new float[roots.size()][][];
            for (int r = 0; r < roots.size(); r++) {
                protos[r] = TagFit.kmeans(bySection[r], k, new Random(seed + r));
            }
            double[][] w = lambda < 0 ? null : TagFit.train(xs, ys, roots.size(), lambda, 300);
            return new Fit(protos, w);
        }

        /** Top-level id chosen for a row: argmax over all topics of the raw score, as TagDev's sweep. */
        String predict(Row row, Fit fit, double cw, double bonus, double alpha) {
            float[] v = row.item().vector();
            double[] logp = fit.weights() == null ? null : TagFit.logSoftmax(fit.weights(), v);
            String best = null;
            double bestRaw = Double.NEGATIVE_INFINITY;
            for (int t = 0; t < topics.size(); t++) {
                Taxonomy.Topic topic = topics.get(t);
                int r = rootIndex(topic.id());
                double sim = row.cos()[t];
                if (r >= 0 && topic.isTopLevel() && cw > 0) {
                    sim = Double.NEGATIVE_INFINITY;
                    for (float[] p : fit.prototypes()[r]) {
                        float[] mixed = new float[v.length];
                        for (int i = 0; i < mixed.length; i++) {
                            mixed[i] = (float) (desc[t][i] + cw * p[i]);
                        }
                        sim = Math.max(sim, SentenceEmbedder.dot(v, SentenceEmbedder.normalised(mixed)));
                    }
                }
                double raw = sim + row.ev()[t] + (r >= 0 ? bonus + (logp == null ? 0 : alpha * logp[r]) : 0);
                if (raw > bestRaw) {
                    bestRaw = raw;
                    best = topic.id().split("/")[0];
                }
            }
            return best;
        }

        /** The shipped code path: TopicTagger with TagFit's prototypes and layer refitted per fold, top emitted tag. */
        void real(int k, double lambda, double bonus, double alpha, long seed) {
            SentenceEmbedder embedder = new SentenceEmbedder();
            int[] right = new int[2];
            int[] n = new int[2];
            int[] dev = new int[2];
            int[] untagged = new int[2];
            int extraRight = 0;
            for (int f = 0; f < 4; f++) {
                int fold = f;
                List<TagDev.Item> train = java.util.stream.Stream.concat(rows.stream(), extra.stream())
                        .filter(r -> r.fold() != fold).map(Row::item).toList();
                TopicTagger t0 = new TopicTagger(embedder, Taxonomy.defaults(), TagFit.learn(train, k, lambda, seed),
                        new TopicTagger.Calibration(base.evidenceWeight(), base.midpoint(), base.width(), bonus, alpha),
                        TopicTagger.DEFAULT_THRESHOLD, 5);
                for (Row row : extra) {
                    if (row.fold() == fold) {
                        var tags = t0.tags(row.item().vector(), row.item().evidence(), row.item().atLeastOne());
                        extraRight += !tags.isEmpty() && tags.get(0).id().split("/")[0].equals(row.item().section()) ? 1 : 0;
                    }
                }
                TopicTagger tagger = t0;
                for (Row row : rows) {
                    if (row.fold() != fold) {
                        continue;
                    }
                    int kind = row.item().kind().equals("full") ? 0 : 1;
                    var tags = tagger.tags(row.item().vector(), row.item().evidence(), row.item().atLeastOne());
                    untagged[kind] += tags.isEmpty() ? 1 : 0;
                    boolean ok = !tags.isEmpty() && tags.get(0).id().split("/")[0].equals(row.item().section());
                    n[kind]++;
                    right[kind] += ok ? 1 : 0;
                    dev[kind] += ok && fold == 0 ? 1 : 0;
                }
            }
            System.out.printf(Locale.ROOT, "real path k %d lambda %s bonus %.2f alpha %.2f seed %d | CV full %d/%d %.1f%%  short %d/%d %.1f%% "
                    + "untagged %d/%d | DEV full %d short %d%n", k, lambda, bonus, alpha, seed, right[0], n[0], 100.0 * right[0] / n[0],
                    right[1], n[1], 100.0 * right[1] / n[1], untagged[0], untagged[1], dev[0], dev[1]);
            if (!extra.isEmpty()) {
                System.out.printf(Locale.ROOT, "    extra corpus (in training: yes), same folds: %d/%d top = section%n", extraRight, extra.size());
            }
        }

        void sweep() {
            System.out.printf(Locale.ROOT, "TRAIN rows %d (full+short), sections %s; 4-fold CV, fold 0 = DEV%n", rows.size(), roots);
            for (int k : new int[] {1, 2, 3, 5}) {
                for (double lambda : new double[] {-1, 1e-3, 1e-2}) {
                    Fit[] fits = new Fit[4];
                    for (int f = 0; f < 4; f++) {
                        fits[f] = fit(f, k, lambda, true, 7);
                    }
                    for (double cw : new double[] {12}) {
                        for (double bonus : new double[] {0, 0.03, 0.05}) {
                            for (double alpha : lambda < 0 ? new double[] {0} : new double[] {0.01, 0.02, 0.05}) {
                                int[] right = new int[4];
                                int[] n = new int[4];
                                int devFull = 0;
                                int devShort = 0;
                                for (Row row : rows) {
                                    int kind = row.item().kind().equals("full") ? 0 : 1;
                                    boolean ok = predict(row, fits[row.fold()], cw, bonus, alpha).equals(row.item().section());
                                    n[kind * 2]++;
                                    right[kind * 2] += ok ? 1 : 0;
                                    if (row.fold() == 0) {
                                        devFull += ok && kind == 0 ? 1 : 0;
                                        devShort += ok && kind == 1 ? 1 : 0;
                                    }
                                }
                                System.out.printf(Locale.ROOT,
                                        "k %d lambda %-6s cw %4.1f bonus %.2f alpha %.2f | CV full %4d/%4d %.1f%%  short %4d/%4d %.1f%% | DEV full %d short %d%n",
                                        k, lambda < 0 ? "-" : String.valueOf(lambda), cw, bonus, alpha, right[0], n[0], 100.0 * right[0] / n[0],
                                        right[2], n[2], 100.0 * right[2] / n[2], devFull, devShort);
                            }
                        }
                    }
                }
            }
        }
    }
}
