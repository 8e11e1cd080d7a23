package dev.newswire.enrich.stories;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newswire.model.EnrichedArticle;
import dev.newswire.model.NewsJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * Cost of story assignment with a full window of state, without Kafka: synthetic articles (events of
 * 1-8 reports sharing entities, keyphrases and title words, plus noise, spread evenly over the 3-day
 * window) through {@link StoryAssigner} on tables that hold JSON bytes in a sorted map, as the Kafka
 * Streams in-memory store does (serialisation cost included, changelog writes excluded). Prints ms
 * per article (p50, p99, mean) over the last articles, the store bytes and the heap after GC, and a
 * digest of every assignment (two builds that print the same digest assigned every article alike);
 * {@code -Dbench.histogram=N} adds the N heaviest classes of the live heap.
 * Args: articles (100000) measured (10000). Rules: the defaults ({@link StoryAssignerTest#RULES}).
 */
public final class StoryAssignmentBench {

    public static void main(String[] args) {
        int total = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int measured = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        SplittableRandom random = new SplittableRandom(42);
        JsonTable<StoryState> stories = new JsonTable<>(StoryState.class);
        JsonTable<ArticleState> articles = new JsonTable<>(ArticleState.class);
        // With the document embedding (shipped settings): each event a random direction, each report that
        // direction plus as much noise (cosine ~0.74 to the event, ~0.55 between two reports). "sparse": without.
        boolean embedding = args.length <= 2 || !"sparse".equals(args[2]);
        // "first-pass": the shipped settings without the second pass (SplitStories), for its cost.
        boolean firstPass = args.length > 2 && "first-pass".equals(args[2]);
        StoryAssigner assigner = new StoryAssigner(stories, articles, firstPass ? SplitStoriesTest.withoutSecondPass()
                : embedding ? StoryEmbeddingTest.shipped() : StoryAssignerTest.RULES);
        float[] direction = null;
        Instant start = Instant.parse("2026-03-01T00:00:00Z");
        long stepMs = Duration.ofDays(3).toMillis() / total;
        long[] nanos = new long[measured];
        long[] cpu = new long[measured];
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        List<String> event = null;
        int left = 0;
        // Every answer folded into one digest: two builds that print the same digest assigned alike.
        java.util.zip.CRC32C answers = new java.util.zip.CRC32C();
        for (int i = 0; i < total; i++) {
            if (left == 0) {
                event = new ArrayList<>();
                for (int k = 0; k < 12; k++) {
                    event.add("term" + random.nextInt(20_000));
                }
                left = 1 + random.nextInt(8);
                direction = gaussian(random, 1.0);
            }
            left--;
            EnrichedArticle article = synthetic("a" + i, start.plusMillis(i * stepMs), event, random);
            byte[] vector = null;
            if (embedding) {
                float[] v = gaussian(random, 0.9);
                for (int d = 0; d < v.length; d++) {
                    v[d] += direction[d];
                }
                vector = PendingEmbedding.encode(v);
            }
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            StoryAssigner.Assignment answer = assigner.assign(ArticleFeatures.of(article, vector));
            long took = System.nanoTime() - t0;
            answers.update((answer.storyId() + '\t' + answer.duplicateOf() + '\t'
                    + answer.changed().stream().map(StoryState::id).toList() + '\n').getBytes(java.nio.charset.StandardCharsets.UTF_8));
            if (i >= total - measured) {
                nanos[i - (total - measured)] = took;
                cpu[i - (total - measured)] = threads.getCurrentThreadCpuTime() - c0;
            }
        }
        Arrays.sort(nanos);
        Arrays.sort(cpu);
        double mean = Arrays.stream(nanos).average().orElse(0) / 1e6;
        System.gc();
        long heap = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        System.out.printf("articles %d, stories in store %d, articles in store %d, assignment digest %08x%n", total,
                stories.map.size(), articles.map.size(), answers.getValue());
        System.out.printf("assign ms/article over the last %d: p50 %.3f  p99 %.3f  mean %.3f%n", measured,
                nanos[measured / 2] / 1e6, nanos[(int) (measured * 0.99)] / 1e6, mean);
        System.out.printf("CPU ms/article (this thread, independent of other load): p50 %.3f  p99 %.3f  mean %.3f%n",
                cpu[measured / 2] / 1e6, cpu[(int) (measured * 0.99)] / 1e6, Arrays.stream(cpu).average().orElse(0) / 1e6);
        System.out.printf("store values: stories %.1f MB, articles %.1f MB; heap after GC %.0f MB%n",
                stories.bytes() / 1e6, articles.bytes() / 1e6, heap / 1e6);
        printHistogram(Integer.getInteger("bench.histogram", 0));
    }

    /** The heaviest classes on the live heap ({@code -Dbench.histogram=N}): what the heap after GC is made of. */
    private static void printHistogram(int lines) {
        if (lines <= 0) {
            return;
        }
        try {
            Object histogram = java.lang.management.ManagementFactory.getPlatformMBeanServer().invoke(
                    new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[] {new String[0]}, new String[] {String[].class.getName()});
            histogram.toString().lines().limit(lines + 3L).forEach(System.out::println);
        } catch (javax.management.JMException e) {
            System.out.println("no class histogram: " + e);
        }
    }

    static float[] gaussian(SplittableRandom random, double scale) {
        float[] v = new float[384];
        for (int d = 0; d < v.length; d++) {
            // Box-Muller from the seeded generator: reproducible.
            v[d] = (float) (scale * Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble()));
        }
        return v;
    }

    private static EnrichedArticle synthetic(String id, Instant time, List<String> event, SplittableRandom random) {
        List<String> entities = new ArrayList<>(pick(event.subList(0, 4), 3, random));
        entities.add("noise" + random.nextInt(50_000));
        List<String> keyphrases = new ArrayList<>(pick(event.subList(4, 8), 3, random));
        keyphrases.add("phrase" + random.nextInt(50_000));
        String title = String.join(" ", pick(event.subList(8, 12), 3, random)) + " word" + random.nextInt(50_000);
        StringBuilder text = new StringBuilder();
        for (int w = 0; w < 150; w++) {
            text.append("w").append(random.nextInt(30_000)).append(' ');
        }
        return StoryAssignerTest.article(id, time, title, entities, keyphrases, List.of("politics"), text.toString());
    }

    static List<String> pick(List<String> from, int n, SplittableRandom random) {
        List<String> copy = new ArrayList<>(from);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(copy.remove(random.nextInt(copy.size())));
        }
        return out;
    }

    /** JSON bytes in a sorted map: what the Kafka Streams in-memory store holds. */
    static class JsonTable<V> implements StateTable<V> {

        private static final ObjectMapper JSON = NewsJson.mapper();
        final TreeMap<String, byte[]> map = new TreeMap<>();
        private final Class<V> type;

        JsonTable(Class<V> type) {
            this.type = type;
        }

        public V get(String key) {
            byte[] bytes = map.get(key);
            try {
                return bytes == null ? null : JSON.readValue(bytes, type);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public void put(String key, V value) {
            try {
                map.put(key, JSON.writeValueAsBytes(value));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public void delete(String key) {
            map.remove(key);
        }

        public void forEach(BiConsumer<String, V> action) {
            new TreeMap<>(map).keySet().forEach(k -> action.accept(k, get(k)));
        }

        long bytes() {
            return map.values().stream().mapToLong(b -> b.length).sum();
        }
    }
}
