package dev.newswire.enrich.bench;

import dev.newswire.enrich.pipeline.tags.TagPrototypes;
import dev.newswire.enrich.pipeline.tags.Taxonomy;
import dev.newswire.enrich.pipeline.tags.TopicTagger;
import dev.newswire.enrich.pipeline.models.SentenceEmbedder;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Agreement of our top tag with editors' section labels on the BBC News corpus
 * (business/entertainment/politics/sport/tech; a CSV {@code category,text} copied under /work/data,
 * never committed). Split by a stable hash of the text: 80 % TRAIN, 20 % TEST. {@code --learn}
 * writes per-tag centroids of TRAIN articles to the {@code tag-centroids.tsv} resource (one per tag,
 * as the first passes shipped; the shipped prototypes and layer now come from {@code TagDev fit});
 * agreement is always reported on TEST only. Run with bench/enrich/tags-eval.sh.
 */
public final class TagEval {

    /** Corpus label → our taxonomy id. */
    static final Map<String, String> LABELS = Map.of(
            "business", "economy",
            "entertainment", "arts",
            "politics", "politics",
            "sport", "sport",
            "tech", "science");

    record Article(String label, String text, boolean test) {
    }

    public static void main(String[] args) throws IOException {
        Path corpus = Path.of(args.length > 0 && !args[0].startsWith("--") ? args[0] : "/work/data/bbc-text.csv");
        boolean learn = Arrays.asList(args).contains("--learn");
        List<Article> articles = read(corpus);
        long tests = articles.stream().filter(Article::test).count();
        System.out.printf("corpus %s: %d articles, %d train, %d test%n", corpus, articles.size(), articles.size() - tests, tests);
        SentenceEmbedder embedder = new SentenceEmbedder();
        float[][] vectors = embeddings(embedder, articles, Path.of(corpus + ".lead" + TopicTagger.LEAD_WORDS + ".emb"));
        Path resource = Path.of("src/main/resources/dev/newswire/enrich/pipeline/tags/" + TagPrototypes.RESOURCE);
        boolean fullText = !Arrays.asList(args).contains("--lead-evidence");
        TopicTagger.Calibration calibration = TopicTagger.Calibration.DEFAULT;

        TagPrototypes zeroShot = TagPrototypes.none();
        evaluate("zero-shot (descriptions + evidence)",
                tagger(embedder, zeroShot, calibration), articles, vectors, fullText, true);

        TagPrototypes learned = learn ? centroids(vectors, articles) : TagPrototypes.parse(Files.readAllLines(resource));
        if (Arrays.asList(args).contains("--fit")) {
            double best = -1;
            for (double cw : new double[] {2, 3, 5, 8, 12}) {
                TagPrototypes p = learned.withWeight(cw);
                for (double ew : new double[] {0, 0.05, 0.1, 0.15, 0.2}) {
                    double acc = evaluate("", tagger(embedder, p, new TopicTagger.Calibration(ew, calibration.midpoint(), calibration.width())),
                            articles, vectors, fullText, false);
                    if (acc > best) {
                        best = acc;
                        System.out.printf("  best so far on TRAIN: centroid weight %.1f, evidence weight %.1f: %.1f%%%n", cw, ew, acc);
                    }
                }
            }
        }
        learned = learned.withWeight(TagPrototypes.CENTROID_WEIGHT);
        midpoint(tagger(embedder, learned, calibration), articles, vectors, fullText);
        if (learn) {
            write(learned, articles, resource);
            System.out.println("wrote " + resource);
        }
        evaluate("calibrated (descriptions + TRAIN centroids + evidence)", tagger(embedder, learned, calibration), articles, vectors, fullText, true);
    }

    /** Prints the raw score (cosine + evidence) that 90 % of TRAIN articles' true tags reach: the midpoint. */
    private static void midpoint(TopicTagger tagger, List<Article> articles, float[][] vectors, boolean fullText) {
        List<Double> raws = new ArrayList<>();
        TopicTagger.Calibration c = TopicTagger.Calibration.DEFAULT;
        for (int n = 0; n < articles.size(); n++) {
            Article a = articles.get(n);
            if (a.test()) {
                continue;
            }
            double score = tagger.scores(vectors[n], TopicTagger.evidenceText(fullText ? a.text() : lead(a.text()), List.of(), List.of()))
                    .get(LABELS.get(a.label()));
            raws.add(c.midpoint() + c.width() * Math.log(score / (1 - score)));
        }
        raws.sort(Double::compare);
        System.out.printf("  TRAIN: raw score reached by 90%% of true tags %.3f, by 50%% %.3f%n",
                raws.get(raws.size() / 10), raws.get(raws.size() / 2));
    }

    private static TopicTagger tagger(SentenceEmbedder embedder, TagPrototypes prototypes, TopicTagger.Calibration calibration) {
        return new TopicTagger(embedder, Taxonomy.defaults(), prototypes, calibration, TopicTagger.DEFAULT_THRESHOLD, 5);
    }

    static List<Article> read(Path corpus) throws IOException {
        List<Article> out = new ArrayList<>();
        for (String line : Files.readAllLines(corpus)) {
            int comma = line.indexOf(',');
            String label = line.substring(0, comma).toLowerCase(Locale.ROOT);
            if (!LABELS.containsKey(label)) {
                continue; // header
            }
            String text = line.substring(comma + 1);
            out.add(new Article(label, text, Math.floorMod(text.hashCode(), 5) == 0));
        }
        return out;
    }

    static String lead(String text) {
        String[] words = text.strip().split("\\s+");
        return String.join(" ", Arrays.copyOf(words, Math.min(words.length, TopicTagger.LEAD_WORDS)));
    }

    /** Lead embeddings of every article, cached next to the corpus (they take minutes on 2 cores). */
    private static float[][] embeddings(SentenceEmbedder embedder, List<Article> articles, Path cache) throws IOException {
        float[][] out = new float[articles.size()][];
        if (Files.exists(cache)) {
            try (var in = new java.io.DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(cache)))) {
                for (int i = 0; i < out.length; i++) {
                    out[i] = new float[SentenceEmbedder.DIMENSIONS];
                    for (int k = 0; k < out[i].length; k++) {
                        out[i][k] = in.readFloat();
                    }
                }
            }
            return out;
        }
        try (var w = new java.io.DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(cache)))) {
            for (int i = 0; i < out.length; i++) {
                out[i] = embedder.embed(lead(articles.get(i).text()));
                for (float x : out[i]) {
                    w.writeFloat(x);
                }
            }
        }
        return out;
    }

    private static TagPrototypes centroids(float[][] vectors, List<Article> articles) {
        Map<String, double[]> sums = new TreeMap<>();
        Map<String, Integer> counts = new TreeMap<>();
        for (int n = 0; n < articles.size(); n++) {
            Article a = articles.get(n);
            if (a.test()) {
                continue;
            }
            float[] v = vectors[n];
            double[] sum = sums.computeIfAbsent(LABELS.get(a.label()), k -> new double[v.length]);
            for (int i = 0; i < v.length; i++) {
                sum[i] += v[i];
            }
            counts.merge(LABELS.get(a.label()), 1, Integer::sum);
        }
        Map<String, float[]> centroids = new TreeMap<>();
        sums.forEach((id, sum) -> {
            float[] c = new float[sum.length];
            for (int i = 0; i < c.length; i++) {
                c[i] = (float) (sum[i] / counts.get(id));
            }
            centroids.put(id, c);
        });
        return new TagPrototypes(centroids, TagPrototypes.CENTROID_WEIGHT);
    }

    private static void write(TagPrototypes prototypes, List<Article> articles, Path out) throws IOException {
        Map<String, Integer> counts = new TreeMap<>();
        articles.stream().filter(a -> !a.test()).forEach(a -> counts.merge(LABELS.get(a.label()), 1, Integer::sum));
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out))) {
            w.println("# Learned from the TRAIN split (80 %, stable hash of the text) of the BBC News corpus, editors' sections");
            w.println("# mapped to tags " + new TreeMap<>(LABELS) + ". Written by bench/enrich/tags-eval.sh --learn (TagEval).");
            w.println("# id<TAB>articles<TAB>centroid of all-MiniLM-L6-v2 lead embeddings (384 floats).");
            for (var e : new TreeMap<>(prototypes.centroids()).entrySet()) {
                StringBuilder sb = new StringBuilder();
                for (float x : e.getValue()) {
                    sb.append(sb.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.5f", x));
                }
                w.println(e.getKey() + "\t" + counts.get(e.getKey()) + "\t" + sb);
            }
        }
    }

    /** Prints agreement on TEST (or TRAIN when {@code onTest} is false); returns the all-top-level agreement. */
    private static double evaluate(String name, TopicTagger tagger, List<Article> articles, float[][] vectors,
                                   boolean fullText, boolean onTest) {
        int right = 0;
        int rightAmongLabels = 0;
        int emitted = 0;
        int total = 0;
        Map<String, Integer> confusion = new TreeMap<>();
        for (int n = 0; n < articles.size(); n++) {
            Article a = articles.get(n);
            if (a.test() != onTest) {
                continue;
            }
            String lead = lead(a.text());
            Map<String, Double> scores = tagger.scores(vectors[n], TopicTagger.evidenceText(fullText ? a.text() : lead, List.of(), List.of()));
            String expected = LABELS.get(a.label());
            String top = topLevelWinner(scores, null);
            total++;
            right += top.equals(expected) ? 1 : 0;
            rightAmongLabels += topLevelWinner(scores, LABELS.values()).equals(expected) ? 1 : 0;
            emitted += scores.get(expected) >= TopicTagger.DEFAULT_THRESHOLD ? 1 : 0;
            if (!top.equals(expected)) {
                confusion.merge(a.label() + "->" + top, 1, Integer::sum);
            }
        }
        if (!onTest) {
            return 100.0 * right / total;
        }
        System.out.printf("%s, TEST split (%d articles), evidence from %s:%n", name, total, fullText ? "the whole text" : "the lead");
        System.out.printf("  top tag among the corpus's 5 sections = editors' label: %.1f%%%n", 100.0 * rightAmongLabels / total);
        System.out.printf("  top tag among all %d top-level tags = editors' label:  %.1f%%%n",
                (int) Taxonomy.defaults().topics().stream().filter(Taxonomy.Topic::isTopLevel).count(), 100.0 * right / total);
        System.out.printf("  editors' label among the emitted tags (score >= %.2f): %.1f%%%n", TopicTagger.DEFAULT_THRESHOLD, 100.0 * emitted / total);
        System.out.printf("  errors (all top-level): %s%n", confusion);
        return 100.0 * right / total;
    }

    /** The best top-level topic, a child's score counting for its parent. */
    static String topLevelWinner(Map<String, Double> scores, java.util.Collection<String> allowed) {
        Map<String, Double> top = new LinkedHashMap<>();
        scores.forEach((id, s) -> {
            String root = id.contains("/") ? id.substring(0, id.indexOf('/')) : id;
            if (allowed == null || allowed.contains(root)) {
                top.merge(root, s, Math::max);
            }
        });
        return top.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }
}
