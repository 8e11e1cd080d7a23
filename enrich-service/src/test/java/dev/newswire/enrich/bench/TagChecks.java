package dev.newswire.enrich.bench;

import dev.newswire.enrich.pipeline.models.SentenceEmbedder;
import dev.newswire.enrich.pipeline.tags.TagPrototypes;
import dev.newswire.enrich.pipeline.tags.Taxonomy;
import dev.newswire.enrich.pipeline.tags.TopicTagger;
import dev.newswire.model.Tag;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** {@link TagDev}'s side checks (dev tool, not a test): other lead lengths, and news the tagger learned nothing from. */
final class TagChecks {

    private TagChecks() {
    }

    /**
     * {@code leads BBC_JSONL OUT 30,100,150}: the embedding of title + the first N words of prose for
     * each N, one line per article, kind and N ({@code id<TAB>kind<TAB>N<TAB>vector}), to measure other
     * lead lengths with {@code eval CACHE --lead OUT N} without re-running the pipeline per length.
     */
    static void leads(Path bbc, Path out, String lengths) throws Exception {
        SentenceEmbedder embedder = new SentenceEmbedder();
        int[] ns = java.util.Arrays.stream(lengths.split(",")).mapToInt(Integer::parseInt).toArray();
        long[] cpu = new long[ns.length];
        int[] docs = {0};
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            TagDev.eachPosting(bbc, TagDev.upToTags(embedder), (b, id, kind, d) -> {
                docs[0] += kind.equals("full") ? 1 : 0;
                for (int k = 0; k < ns.length; k++) {
                    String embedded = TopicTagger.embeddedText(d, ns[k]);
                    long t0 = threads.getCurrentThreadCpuTime();
                    float[] v = embedder.embed(embedded.isEmpty() ? " " : embedded);
                    if (kind.equals("full")) {
                        cpu[k] += threads.getCurrentThreadCpuTime() - t0;
                    }
                    w.write(String.join("\t", id, kind, String.valueOf(ns[k]), TagDev.vectorText(v)));
                    w.newLine();
                }
            });
        }
        for (int k = 0; k < ns.length; k++) {
            System.out.printf(Locale.ROOT, "lead %d words: embedding CPU %.2f ms per full article (%d articles, this thread)%n",
                    ns[k], cpu[k] / 1e6 / docs[0], docs[0]);
        }
    }

    /**
     * {@code other CACHE OLD_CENTROIDS}: news the tagger learned nothing from (a cache of AG News items,
     * sections world/sport/economy/science), old learned state (one centroid per tag, no layer) beside the
     * shipped one. Not a target: a check that what is learned from BBC does not cost other news.
     */
    static void other(List<TagDev.Item> items, Path oldCentroids) throws Exception {
        SentenceEmbedder embedder = new SentenceEmbedder();
        Map<String, TagPrototypes> variants = new java.util.LinkedHashMap<>();
        variants.put("zero-shot (no learned state)", TagPrototypes.none());
        variants.put("one centroid per tag (" + oldCentroids.getFileName() + ")", TagPrototypes.parse(Files.readAllLines(oldCentroids)));
        variants.put("shipped (prototypes + layer)", TagPrototypes.defaults());
        for (var v : variants.entrySet()) {
            TopicTagger tagger = new TopicTagger(embedder, Taxonomy.defaults(), v.getValue(), TopicTagger.Calibration.DEFAULT,
                    TopicTagger.DEFAULT_THRESHOLD, 5);
            Map<String, Map<String, Integer>> tops = new TreeMap<>();
            Map<String, int[]> right = new TreeMap<>();
            for (TagDev.Item it : items) {
                if (!it.kind().equals("full")) {
                    continue;
                }
                List<Tag> tags = tagger.tags(it.vector(), it.evidence(), it.atLeastOne());
                String top = tags.isEmpty() ? "-" : tags.get(0).id().split("/")[0];
                tops.computeIfAbsent(it.section(), k -> new TreeMap<>()).merge(top, 1, Integer::sum);
                int[] r = right.computeIfAbsent(it.section(), k -> new int[2]);
                r[0] += top.equals(it.section()) ? 1 : 0;
                r[1]++;
            }
            System.out.println(v.getKey());
            right.forEach((section, r) -> System.out.printf(Locale.ROOT, "  %-8s %3d/%3d top = section   top tags %s%n", section, r[0], r[1],
                    tops.get(section)));
        }
    }

}
