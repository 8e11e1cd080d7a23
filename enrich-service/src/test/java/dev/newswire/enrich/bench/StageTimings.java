package dev.newswire.enrich.bench;

import dev.newswire.enrich.pipeline.entities.EntityExtractor;
import dev.newswire.enrich.pipeline.Document;
import dev.newswire.enrich.pipeline.Stage;
import dev.newswire.enrich.pipeline.byline.TitleAndAuthorExtractor;
import dev.newswire.enrich.pipeline.clean.SeedArticles;
import dev.newswire.enrich.pipeline.clean.TextCleaner;
import dev.newswire.enrich.pipeline.language.LanguageDetector;
import dev.newswire.enrich.pipeline.sentences.SentenceSplitter;
import dev.newswire.model.RawArticle;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Per-stage cost of stages 1-5 (clean .. entities) on one thread: model load time, then CPU and
 * wall milliseconds per article after warm-up. CPU time is the figure to trust on a shared
 * machine; wall time also counts waiting for a core. Run by bench/enrich/ner-stages.sh.
 *
 * <p>Usage: {@code StageTimings [dir-of-.txt-articles] [rounds]}; default: the five seeds, 30 rounds.
 */
public final class StageTimings {

    public static void main(String[] args) throws IOException {
        List<RawArticle> articles = args.length > 0 ? readDir(Path.of(args[0])) : SeedArticles.all();
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        Map<String, Long> loadMs = new LinkedHashMap<>();
        List<Stage> stages = new ArrayList<>();
        stages.add(load("clean", TextCleaner::new, loadMs));
        stages.add(load("byline", TitleAndAuthorExtractor::new, loadMs));
        stages.add(load("language", LanguageDetector::new, loadMs));
        stages.add(load("sentences", SentenceSplitter::new, loadMs));
        EntityExtractor entities = load("entities", EntityExtractor::new, loadMs);
        entities.warmUp();
        stages.add(entities);
        System.gc();
        long heapMb = (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / (1024 * 1024);
        System.out.printf(Locale.ROOT, "heap used after loading stages 1-5 and a full GC: %d MB%n", heapMb);
        long chars = articles.stream().mapToLong(a -> a.body().length()).sum();
        System.out.printf(Locale.ROOT, "%d articles, %.1f kB on average; model load ms %s%n",
                articles.size(), chars / 1000.0 / articles.size(), loadMs);

        int warmUp = Math.max(1, rounds / 3);
        Map<String, long[]> totals = new LinkedHashMap<>();
        for (int round = 0; round < rounds; round++) {
            for (RawArticle raw : articles) {
                Document d = Document.of(raw);
                for (Stage stage : stages) {
                    long c0 = cpu.getCurrentThreadCpuTime();
                    long w0 = System.nanoTime();
                    d = stage.apply(d);
                    if (round >= warmUp) {
                        long[] t = totals.computeIfAbsent(stage.name(), k -> new long[2]);
                        t[0] += cpu.getCurrentThreadCpuTime() - c0;
                        t[1] += System.nanoTime() - w0;
                    }
                }
            }
        }
        long measured = (long) (rounds - warmUp) * articles.size();
        double cpuSum = 0;
        double wallSum = 0;
        System.out.printf(Locale.ROOT, "%-10s %10s %10s   (per article, after %d warm-up rounds, %d measured runs)%n",
                "stage", "CPU ms", "wall ms", warmUp, measured);
        for (Map.Entry<String, long[]> e : totals.entrySet()) {
            double c = e.getValue()[0] / 1e6 / measured;
            double w = e.getValue()[1] / 1e6 / measured;
            cpuSum += c;
            wallSum += w;
            System.out.printf(Locale.ROOT, "%-10s %10.2f %10.2f%n", e.getKey(), c, w);
        }
        System.out.printf(Locale.ROOT, "%-10s %10.2f %10.2f   => %.0f articles/s per core (CPU)%n", "stages 1-5", cpuSum, wallSum, 1000 / cpuSum);
    }

    private static <S extends Stage> S load(String name, Supplier<S> factory, Map<String, Long> loadMs) {
        long t0 = System.nanoTime();
        S stage = factory.get();
        loadMs.put(name, (System.nanoTime() - t0) / 1_000_000);
        return stage;
    }

    private static List<RawArticle> readDir(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<RawArticle> out = new ArrayList<>();
            for (Path p : files.sorted().toList()) {
                out.add(SeedArticles.plain(Files.readString(p), p.getFileName().toString()));
            }
            return out;
        }
    }
}
