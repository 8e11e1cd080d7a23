package dev.newswire.enrich.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time of each thread of a process (/proc/PID/task/TID/stat), so that a benchmark can
 * say where the CPU per article goes (pipeline workers, story step, Kafka clients, JIT, GC) over
 * exactly the articles it measures, not over a window guessed from outside (bench/enrich/threads.sh).
 * Thread names are grouped with their digits folded ("enrich-worker-1" and "-2" are one group).
 */
final class ThreadCpu {

    private static final double MS_PER_TICK = 10.0;

    private ThreadCpu() {
    }

    /** Thread id → (name, CPU ms) now; empty if the process is gone or this is not Linux. */
    static Map<String, Map.Entry<String, Double>> snapshot(long pid) {
        Map<String, Map.Entry<String, Double>> threads = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            tasks.forEach(task -> {
                try {
                    String name = Files.readString(task.resolve("comm")).trim();
                    String stat = Files.readString(task.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    double ms = (Long.parseLong(f[11]) + Long.parseLong(f[12])) * MS_PER_TICK;
                    threads.put(task.getFileName().toString(), Map.entry(name, ms));
                } catch (IOException | RuntimeException e) {
                    // The thread ended between listing and reading: it is not counted.
                }
            });
        } catch (IOException e) {
            return Map.of();
        }
        return threads;
    }

    /** CPU ms per thread group between two snapshots (threads started meanwhile count from 0). */
    static Map<String, Double> byGroup(Map<String, Map.Entry<String, Double>> before, Map<String, Map.Entry<String, Double>> after) {
        Map<String, Double> groups = new HashMap<>();
        after.forEach((tid, now) -> {
            Map.Entry<String, Double> then = before.get(tid);
            double ms = now.getValue() - (then == null ? 0 : then.getValue());
            if (ms > 0) {
                groups.merge(now.getKey().replaceAll("[0-9]+", "#"), ms, Double::sum);
            }
        });
        return groups;
    }

    /** One line per group, largest first: CPU ms per article and share. */
    static String report(Map<String, Double> groups, int articles) {
        double total = groups.values().stream().mapToDouble(Double::doubleValue).sum();
        StringBuilder out = new StringBuilder();
        groups.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).forEach(g ->
                out.append(String.format("    %-24s %6.2f ms/article %5.1f %%%n", g.getKey(), g.getValue() / articles,
                        100 * g.getValue() / total)));
        out.append(String.format("    %-24s %6.2f ms/article%n", "TOTAL (threads)", total / articles));
        return out.toString();
    }

    /** Service, workers and JIT compiler CPU ms per article, on one line. */
    static String summary(Map<String, Double> groups, int articles) {
        double total = groups.values().stream().mapToDouble(Double::doubleValue).sum();
        double workers = groups.entrySet().stream().filter(g -> g.getKey().startsWith("enrich-worker"))
                .mapToDouble(Map.Entry::getValue).sum();
        // Thread names are cut to 15 characters by Linux: "C2 CompilerThread0" reads "C# CompilerThre".
        double jit = groups.entrySet().stream().filter(g -> g.getKey().contains("CompilerThre"))
                .mapToDouble(Map.Entry::getValue).sum();
        return String.format("service %.1f ms/article (workers %.1f, JIT compiler %.1f, other %.1f)", total / articles,
                workers / articles, jit / articles, (total - workers - jit) / articles);
    }
}
