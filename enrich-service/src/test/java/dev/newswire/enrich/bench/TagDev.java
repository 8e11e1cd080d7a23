package dev.newswire.enrich.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newswire.enrich.pipeline.Document;
import dev.newswire.enrich.pipeline.Pipeline;
import dev.newswire.enrich.pipeline.Stage;
import dev.newswire.enrich.pipeline.models.SentenceEmbedder;
import dev.newswire.enrich.pipeline.tags.TagPrototypes;
import dev.newswire.enrich.pipeline.tags.Taxonomy;
import dev.newswire.enrich.pipeline.tags.TopicTagger;
import dev.newswire.model.RawArticle;
import dev.newswire.model.Tag;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Dev tool for the tags measure of bench/quality (not a test). {@code cache BBC_JSONL OUT} runs the
 * standard pipeline up to the tags stage on every BBC article of {@code bench-data/quality/bbc.jsonl},
 * as the harness posts them (full: title + body; short: title + first sentence), and stores what
 * the tagger sees (the embedding of {@link TopicTagger#embeddedText} and {@link
 * TopicTagger#evidenceText}). {@code eval OUT [--test]} then scores the tagger on it in seconds:
 * on DEV (the harness's slice of TRAIN: SHA-1 of the id mod 4 = 0) with centroids fitted on the
 * rest of TRAIN only (an honest DEV figure), or once on TEST with centroids fitted on all of TRAIN.
 * {@code fit CACHE DIR} writes the shipped learned state ({@link TagFit}); {@code leads} and {@code other}
 * are side checks ({@link TagChecks}); {@link TagCv} cross-validates over all of TRAIN.
 */
public final class TagDev {

    record Item(String id, String kind, String split, boolean dev, String section, boolean atLeastOne, String evidence,
                float[] vector, String title) {
    }

    private TagDev() {
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("slice")) {
            slice(Path.of(args[1]));
            return;
        }
        if (args[0].equals("leads")) {
            TagChecks.leads(Path.of(args[1]), Path.of(args[2]), args[3]);
            return;
        }
        if (args[0].equals("other")) {
            TagChecks.other(read(Path.of(args[1])), Path.of(args[2]));
            return;
        }
        if (args[0].equals("fit")) {
            TagFit.write(read(Path.of(args[1])).stream().filter(it -> it.split().equals("train")).toList(), Path.of(args[2]));
            return;
        }
        if (args[0].equals("cache")) {
            cache(Path.of(args[1]), Path.of(args[2]));
        } else {
            List<Item> items = read(Path.of(args[1]));
            boolean test = List.of(args).contains("--test");
            if (List.of(args).contains("--sweep")) {
                sweep(items, test);
            } else {
                evaluate(items, test, List.of(args).contains("--misses"));
            }
        }
    }

    /** The standard pipeline's stages before the tags stage: what the tagger sees. */
    static Pipeline upToTags(SentenceEmbedder embedder) {
        List<Stage> stages = new ArrayList<>();
        for (Stage s : Pipeline.standard(embedder, Pipeline.Settings.DEFAULTS).stages()) {
            if (s.name().equals("tags")) {
                break;
            }
            stages.add(s);
        }
        return new Pipeline(stages);
    }

    static void cache(Path bbc, Path out) throws Exception {
        SentenceEmbedder embedder = new SentenceEmbedder();
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            eachPosting(bbc, upToTags(embedder), (b, id, kind, d) -> {
                String embedded = TopicTagger.embeddedText(d);
                float[] v = embedder.embed(embedded.isEmpty() ? " " : embedded);
                w.write(String.join("\t", id, kind, b.get("split").asText(), String.valueOf(dev(id)), b.get("section").asText(),
                        String.valueOf(TopicTagger.hasEnoughWords(d)), TopicTagger.evidenceText(d).replaceAll("[\\t\\n]", " "),
                        vectorText(v), b.get("title").asText().replaceAll("[\\t\\n]", " ")));
                w.newLine();
            });
        }
    }

    /** What is done with one BBC article as one kind of posting ({@code full} body or {@code short} lead). */
    interface Posting {
        void accept(JsonNode article, String id, String kind, Document upToTags) throws Exception;
    }

    /** Each article of a BBC JSONL file posted two ways, full body and short lead, through the stages before tags. */
    static void eachPosting(Path bbc, Pipeline upToTags, Posting posting) throws Exception {
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(bbc, StandardCharsets.UTF_8)) {
            JsonNode b = json.readTree(line);
            String id = b.get("id").asText();
            for (String kind : new String[] {"full", "short"}) {
                String body = b.get(kind.equals("full") ? "body" : "first").asText();
                posting.accept(b, id, kind, upToTags.run(new RawArticle(id + "-" + kind, "dev", null, b.get("title").asText(), body,
                        RawArticle.TEXT_PLAIN, null, Instant.EPOCH, null)));
            }
        }
    }

    /** A vector as the caches write it: floats separated by spaces. */
    static String vectorText(float[] v) {
        StringBuilder sb = new StringBuilder();
        for (float x : v) {
            sb.append(sb.length() == 0 ? "" : " ").append(x);
        }
        return sb.toString();
    }

    /** The harness's DEV slice of TRAIN: SHA-1 of the id, as an integer, mod 4 = 0. */
    static boolean dev(String id) throws Exception {
        byte[] h = MessageDigest.getInstance("SHA-1").digest(id.getBytes(StandardCharsets.UTF_8));
        return new java.math.BigInteger(1, h).mod(java.math.BigInteger.valueOf(4)).intValue() == 0;
    }

    static List<Item> read(Path cache) throws Exception {
        List<Item> out = new ArrayList<>();
        for (String line : Files.readAllLines(cache, StandardCharsets.UTF_8)) {
            String[] c = line.split("\t", -1);
            String[] xs = c[7].split(" ");
            float[] v = new float[xs.length];
            for (int i = 0; i < v.length; i++) {
                v[i] = Float.parseFloat(xs[i]);
            }
            out.add(new Item(c[0], c[1], c[2], Boolean.parseBoolean(c[3]), c[4], Boolean.parseBoolean(c[5]), c[6], v, c[8]));
        }
        return out;
    }

    /** Centroids of the full articles of TRAIN (minus DEV unless {@code withDev}). */
    static TagPrototypes centroids(List<Item> items, boolean withDev, double weight) {
        Map<String, double[]> sums = new TreeMap<>();
        Map<String, Integer> counts = new HashMap<>();
        for (Item it : items) {
            if (!it.split().equals("train") || !it.kind().equals("full") || (it.dev() && !withDev)) {
                continue;
            }
            double[] s = sums.computeIfAbsent(it.section(), k -> new double[it.vector().length]);
            for (int i = 0; i < s.length; i++) {
                s[i] += it.vector()[i];
            }
            counts.merge(it.section(), 1, Integer::sum);
        }
        Map<String, float[]> c = new HashMap<>();
        sums.forEach((id, s) -> {
            float[] f = new float[s.length];
            for (int i = 0; i < f.length; i++) {
                f[i] = (float) (s[i] / counts.get(id));
            }
            c.put(id, f);
        });
        return new TagPrototypes(c, weight);
    }

    static void evaluate(List<Item> items, boolean test, boolean misses) {
        SentenceEmbedder embedder = new SentenceEmbedder();
        Map<String, TagPrototypes> variants = new java.util.LinkedHashMap<>();
        variants.put("shipped centroids (fitted on all TRAIN incl. DEV)", TagPrototypes.defaults());
        variants.put("centroids refitted on API embeddings, TRAIN" + (test ? "" : " minus DEV"),
                centroids(items, test, TagPrototypes.CENTROID_WEIGHT));
        variants.put("TagFit refitted (k " + TagFit.K + ", layer), TRAIN" + (test ? "" : " minus DEV"), TagFit.learn(items.stream()
                .filter(it -> it.split().equals("train") && (test || !it.dev())).toList(), TagFit.K, TagFit.LAMBDA, TagFit.SEED));
        TopicTagger.Calibration c = TopicTagger.Calibration.DEFAULT;
        for (var v : variants.entrySet()) {
            for (double margin : new double[] {0, c.learnedBonus()}) {
                TopicTagger tagger = new TopicTagger(embedder, Taxonomy.defaults(), v.getValue(),
                        new TopicTagger.Calibration(c.evidenceWeight(), c.midpoint(), c.width(), margin, c.layerWeight()),
                        TopicTagger.DEFAULT_THRESHOLD, 5);
                report(v.getKey() + ", bonus " + margin, tagger, items, test, misses);
            }
        }
    }

    static void report(String name, TopicTagger tagger, List<Item> items, boolean test, boolean misses) {
        for (String kind : new String[] {"full", "short"}) {
            int n = 0;
            int right = 0;
            int untagged = 0;
            Map<String, Integer> confusion = new TreeMap<>();
            List<String> missed = new ArrayList<>();
            for (Item it : items) {
                boolean inSplit = test ? it.split().equals("test") : it.split().equals("train") && it.dev();
                if (!inSplit || !it.kind().equals(kind)) {
                    continue;
                }
                List<Tag> tags = tagger.tags(it.vector(), it.evidence(), it.atLeastOne());
                n++;
                untagged += tags.isEmpty() ? 1 : 0;
                String top = tags.isEmpty() ? "-" : tags.get(0).id().split("/")[0];
                if (top.equals(it.section())) {
                    right++;
                } else {
                    confusion.merge(it.section() + "->" + top, 1, Integer::sum);
                    missed.add(String.format(Locale.ROOT, "    %s %s gold=%s got=%s %s", kind, it.id(), it.section(),
                            tags.stream().limit(3).map(t -> t.id() + ":" + t.score()).toList(), it.title()));
                }
            }
            System.out.printf(Locale.ROOT, "%-60s %s %-5s %3d/%3d = %.1f %%  untagged %d  %s%n", name, test ? "TEST" : "DEV ", kind,
                    right, n, 100.0 * right / n, untagged, confusion);
            if (misses) {
                missed.forEach(System.out::println);
            }
        }
    }

    /** Centroid weight x evidence weight x a margin against zero-shot topics (no centroid), top-tag agreement. */
    static void sweep(List<Item> items, boolean test) {
        SentenceEmbedder embedder = new SentenceEmbedder();
        TopicTagger.Calibration base = TopicTagger.Calibration.DEFAULT;
        for (double cw : new double[] {6, 12, 24}) {
            TagPrototypes p = centroids(items, test, cw);
            for (double ew : new double[] {0.05, 0.1, 0.15, 0.2}) {
                TopicTagger tagger = new TopicTagger(embedder, Taxonomy.defaults(), p,
                        new TopicTagger.Calibration(ew, base.midpoint(), base.width(), 0), TopicTagger.DEFAULT_THRESHOLD, 5);
                for (double margin : new double[] {0, 0.01, 0.02, 0.03, 0.05}) {
                    StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "cw %4.1f ew %.2f margin %.2f:", cw, ew, margin));
                    for (String kind : new String[] {"full", "short"}) {
                        int n = 0;
                        int right = 0;
                        for (Item it : items) {
                            boolean inSplit = test ? it.split().equals("test") : it.split().equals("train") && it.dev();
                            if (!inSplit || !it.kind().equals(kind)) {
                                continue;
                            }
                            n++;
                            Map<String, Double> scores = tagger.scores(it.vector(), it.evidence());
                            String best = null;
                            double bestRaw = Double.NEGATIVE_INFINITY;
                            for (var e : scores.entrySet()) {
                                double sc = Math.min(Math.max(e.getValue(), 1e-12), 1 - 1e-12);
                                double raw = base.midpoint() + base.width() * Math.log(sc / (1 - sc));
                                if (!p.centroids().containsKey(e.getKey().split("/")[0])) {
                                    raw -= margin;
                                }
                                if (raw > bestRaw) {
                                    bestRaw = raw;
                                    best = e.getKey().split("/")[0];
                                }
                            }
                            right += it.section().equals(best) ? 1 : 0;
                        }
                        line.append(String.format(Locale.ROOT, "  %s %3d/%3d %.1f%%", kind, right, n, 100.0 * right / n));
                    }
                    System.out.println(line);
                }
            }
        }
    }

    /** The QualityGateTest tag slice under the margins tried on BBC DEV: does a margin cost other topics? */
    static void slice(Path file) throws Exception {
        ObjectMapper json = new ObjectMapper();
        SentenceEmbedder embedder = new SentenceEmbedder();
        Pipeline upToTags = upToTags(embedder);
        TagPrototypes p = TagPrototypes.defaults();
        TopicTagger.Calibration base = TopicTagger.Calibration.DEFAULT;
        TopicTagger tagger = new TopicTagger(embedder, Taxonomy.defaults(), p, new TopicTagger.Calibration(base.evidenceWeight(),
                base.midpoint(), base.width(), 0), TopicTagger.DEFAULT_THRESHOLD, 5);
        double[] margins = {0, 0.02, 0.03, 0.05};
        int[] right = new int[margins.length];
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            JsonNode b = json.readTree(line);
            Document d = upToTags.run(new RawArticle("s", "dev", null, b.get("title").asText(), b.get("body").asText(),
                    RawArticle.TEXT_PLAIN, null, Instant.EPOCH, null));
            String embedded = TopicTagger.embeddedText(d);
            Map<String, Double> scores = tagger.scores(embedder.embed(embedded), TopicTagger.evidenceText(d));
            StringBuilder out = new StringBuilder(b.get("tag").asText());
            for (int m = 0; m < margins.length; m++) {
                String best = null;
                double bestRaw = Double.NEGATIVE_INFINITY;
                for (var e : scores.entrySet()) {
                    double sc = Math.min(Math.max(e.getValue(), 1e-12), 1 - 1e-12);
                    double raw = base.midpoint() + base.width() * Math.log(sc / (1 - sc));
                    if (!p.centroids().containsKey(e.getKey().split("/")[0])) {
                        raw -= margins[m];
                    }
                    if (raw > bestRaw) {
                        bestRaw = raw;
                        best = e.getKey().split("/")[0];
                    }
                }
                right[m] += best.equals(b.get("tag").asText()) ? 1 : 0;
                out.append(' ').append(best);
            }
            System.out.println(out);
        }
        System.out.println("slice right per margin " + java.util.Arrays.toString(margins) + ": " + java.util.Arrays.toString(right));
    }
}
