package dev.newswire.enrich.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newswire.enrich.pipeline.Pipeline;
import dev.newswire.enrich.pipeline.Stage;
import dev.newswire.enrich.pipeline.models.SentenceEmbedder;
import dev.newswire.model.ArticleIds;
import dev.newswire.model.NewsJson;
import dev.newswire.model.RawArticle;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;

/**
 * The enrichment pipeline alone (no Kafka), after warm-up: model load time, articles/s on one
 * thread and on a pool of one thread per core (what the service runs), ms per article per stage,
 * heap after GC and RSS. Run by bench/enrich/run.sh.
 * Args: seedsDir reutersJsonDir reutersCount
 */
public final class PipelineBench {

    public static void main(String[] args) throws Exception {
        Path seedsDir = Path.of(args[0]);
        Path reutersDir = Path.of(args[1]);
        int count = Integer.parseInt(args[2]);
        int cores = Runtime.getRuntime().availableProcessors();

        long t0 = System.nanoTime();
        Pipeline pipeline = Pipeline.standard(new SentenceEmbedder(), Pipeline.Settings.DEFAULTS);
        double loadSeconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("model load: %.1f s (all stages: %s)%n", loadSeconds, pipeline.stages().stream().map(Stage::name).toList());

        List<RawArticle> seeds = seeds(seedsDir);
        List<RawArticle> reuters = reuters(reutersDir, count);
        System.out.printf("inputs: %d seeds (mean %d chars), %d Reuters stories (mean %d chars)%n",
                seeds.size(), meanChars(seeds), reuters.size(), meanChars(reuters));

        // warm-up: JIT, ONNX and CoreNLP caches
        for (int i = 0; i < 3; i++) {
            seeds.forEach(pipeline::run);
        }
        reuters.stream().limit(100).forEach(pipeline::run);

        for (var entry : Map.of("seeds x20", repeat(seeds, 20), "reuters", reuters).entrySet().stream()
                .sorted(Map.Entry.comparingByKey()).toList()) {
            List<RawArticle> input = entry.getValue();
            Map<String, LongAdder> stageNanos = new ConcurrentHashMap<>();
            long start = System.nanoTime();
            long cpu0 = THREADS.getCurrentThreadCpuTime();
            for (RawArticle raw : input) {
                pipeline.run(raw, (stage, nanos) -> stageNanos.computeIfAbsent(stage, s -> new LongAdder()).add(nanos));
            }
            double single = input.size() / ((System.nanoTime() - start) / 1e9);
            double singleCpu = (THREADS.getCurrentThreadCpuTime() - cpu0) / 1e6 / input.size();
            LongAdder workerCpu = new LongAdder();
            long process0 = processCpuNanos();
            double parallel = parallel(pipeline, input, cores, workerCpu);
            double processCpu = (processCpuNanos() - process0) / 1e6 / input.size();
            Map<String, String> perStage = new LinkedHashMap<>();
            for (Stage s : pipeline.stages()) {
                LongAdder n = stageNanos.get(s.name());
                perStage.put(s.name(), String.format("%.1f", n == null ? 0 : n.sum() / 1e6 / input.size()));
            }
            System.out.printf("%s (%d articles): 1 thread %.1f articles/s; %d threads %.1f articles/s%n",
                    entry.getKey(), input.size(), single, cores, parallel);
            System.out.printf("  ms per article per stage (1 thread): %s%n", perStage);
            System.out.printf("  CPU ms/article: 1 thread %.1f (thread CPU); %d threads %.1f (workers' thread CPU), %.1f (whole process) "
                    + "[load average %s]%n", singleCpu, cores, workerCpu.sum() / 1e6 / input.size(), processCpu, ProcessCpu.loadAverage());
            // Read by bench/enrich/run.sh to print the service / pipeline ratio of the same run.
            System.out.printf("  pipeline-rate %s %.2f%n", entry.getKey().replace(' ', '_'), parallel);
            System.out.printf("  pipeline-cpu %s %.2f%n", entry.getKey().replace(' ', '_'), processCpu);
        }
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        System.out.printf("heap used after GC: %d MB; RSS: %s%n", heap >> 20, rss());
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double parallel(Pipeline pipeline, List<RawArticle> input, int threads, LongAdder cpu) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long start = System.nanoTime();
            List<Future<?>> futures = new ArrayList<>();
            for (RawArticle raw : input) {
                futures.add(pool.submit(() -> {
                    long c0 = THREADS.getCurrentThreadCpuTime();
                    pipeline.run(raw);
                    cpu.add(THREADS.getCurrentThreadCpuTime() - c0);
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            return input.size() / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdown();
        }
    }

    static List<RawArticle> seeds(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<RawArticle> out = new ArrayList<>();
            for (Path p : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                String body = Files.readString(p);
                out.add(new RawArticle(ArticleIds.of(null, body), "seed", null, null, body, RawArticle.TEXT_PLAIN, null, Instant.EPOCH, null));
            }
            return out;
        }
    }

    /** Reuters-21578 stories with a body of at least 500 characters, in file order. */
    public static List<RawArticle> reuters(Path dir, int count) throws IOException {
        List<RawArticle> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.getFileName().toString().startsWith("reuters-")).sorted().toList()) {
                for (JsonNode item : NewsJson.mapper().readTree(p.toFile())) {
                    String body = item.path("body").asText("");
                    if (body.length() < 500) {
                        continue;
                    }
                    String title = item.path("title").asText(null);
                    out.add(new RawArticle(ArticleIds.of(null, body), "reuters-21578", null, title, body, RawArticle.TEXT_PLAIN,
                            null, Instant.EPOCH, null));
                    if (out.size() == count) {
                        return out;
                    }
                }
            }
        }
        return out;
    }

    private static List<RawArticle> repeat(List<RawArticle> list, int times) {
        List<RawArticle> out = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            out.addAll(list);
        }
        return out;
    }

    private static int meanChars(List<RawArticle> list) {
        return (int) list.stream().mapToInt(r -> r.body().length()).average().orElse(0);
    }

    static String rss() throws IOException {
        return rss(ProcessHandle.current().pid());
    }

    static String rss(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return (Long.parseLong(line.replaceAll("\\D+", "")) >> 10) + " MB";
            }
        }
        return "?";
    }
}
