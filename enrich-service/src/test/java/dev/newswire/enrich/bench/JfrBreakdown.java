package dev.newswire.enrich.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a service's Java CPU and allocation go, from a JFR recording (bench/enrich/run.sh BENCH_JFR=1),
 * over its last N seconds (the measured articles, not start-up and warm-up): execution samples by
 * thread group and, per group, by "owner" (the first frame in a package that says whose work it is:
 * Jackson, Kafka clients, Kafka Streams, SmallRye/Mutiny/Vert.x, the pipeline, the story step...);
 * allocation (sampled bytes) by thread group; GC pauses; JIT compilation time.
 * Args: recording.jfr lastSeconds
 */
public final class JfrBreakdown {

    private static final List<String[]> OWNERS = List.of(
            new String[] {"com.fasterxml.jackson", "JSON (Jackson)"},
            new String[] {"dev.newswire.enrich.stories", "story step (scoring/stores)"},
            new String[] {"org.apache.kafka.streams", "Kafka Streams"},
            new String[] {"org.apache.kafka", "Kafka clients"},
            new String[] {"io.smallrye.reactive.messaging", "SmallRye messaging"},
            new String[] {"io.smallrye.mutiny", "Mutiny"},
            new String[] {"io.vertx", "Vert.x"},
            new String[] {"io.netty", "Netty"},
            new String[] {"io.micrometer", "Micrometer"},
            new String[] {"dev.newswire.enrich.pipeline", "pipeline"},
            new String[] {"edu.stanford", "pipeline"},
            new String[] {"opennlp", "pipeline"},
            new String[] {"ai.onnxruntime", "pipeline"},
            new String[] {"dev.langchain4j", "pipeline"},
            new String[] {"ai.djl", "pipeline"},
            new String[] {"org.jsoup", "pipeline"},
            new String[] {"dev.newswire", "newswire other"});

    public static void main(String[] args) throws Exception {
        List<RecordedEvent> events = RecordingFile.readAllEvents(Path.of(args[0]));
        Instant end = events.stream().map(RecordedEvent::getEndTime).max(Instant::compareTo).orElseThrow();
        Instant from = end.minusSeconds(Long.parseLong(args[1]));
        Map<String, Integer> samples = new HashMap<>();
        Map<String, Map<String, Integer>> owners = new HashMap<>();
        Map<String, Map<String, Integer>> topFrames = new HashMap<>();
        Map<String, Double> allocated = new HashMap<>();
        Duration gcPause = Duration.ZERO;
        Duration compile = Duration.ZERO;
        int gcs = 0;
        int compilations = 0;
        for (RecordedEvent e : events) {
            if (e.getStartTime().isBefore(from)) {
                continue;
            }
            switch (e.getEventType().getName()) {
                case "jdk.ExecutionSample" -> {
                    String group = group(e.getThread("sampledThread"));
                    samples.merge(group, 1, Integer::sum);
                    owners.computeIfAbsent(group, g -> new HashMap<>()).merge(owner(e.getStackTrace()), 1, Integer::sum);
                    RecordedStackTrace st = e.getStackTrace();
                    if (st != null && !st.getFrames().isEmpty()) {
                        RecordedFrame top = st.getFrames().get(0);
                        topFrames.computeIfAbsent(group, g -> new HashMap<>())
                                .merge(top.getMethod().getType().getName() + "." + top.getMethod().getName(), 1, Integer::sum);
                    }
                }
                case "jdk.ObjectAllocationSample" -> allocated.merge(group(e.getThread("eventThread")), (double) e.getLong("weight"), Double::sum);
                case "jdk.GarbageCollection" -> {
                    gcPause = gcPause.plus(e.getDuration("sumOfPauses"));
                    gcs++;
                }
                case "jdk.Compilation" -> {
                    compile = compile.plus(e.getDuration());
                    compilations++;
                }
                default -> {
                }
            }
        }
        int total = samples.values().stream().mapToInt(Integer::intValue).sum();
        System.out.printf("# %s, last %s s: %d Java execution samples%n", args[0], args[1], total);
        samples.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).forEach(s -> {
            System.out.printf("%-28s %6d samples %5.1f %%%n", s.getKey(), s.getValue(), 100.0 * s.getValue() / total);
            owners.get(s.getKey()).entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(6)
                    .forEach(o -> System.out.printf("    %-30s %5.1f %%%n", o.getKey(), 100.0 * o.getValue() / s.getValue()));
            topFrames.get(s.getKey()).entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(4)
                    .forEach(o -> System.out.printf("      top frame %-70s %4d%n", o.getKey(), o.getValue()));
        });
        double bytes = allocated.values().stream().mapToDouble(Double::doubleValue).sum();
        System.out.printf("allocation (sampled weight) %.0f MB in %s s, by thread group:%n", bytes / (1 << 20), args[1]);
        allocated.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(8)
                .forEach(a -> System.out.printf("    %-28s %8.0f MB %5.1f %%%n", a.getKey(), a.getValue() / (1 << 20), 100 * a.getValue() / bytes));
        System.out.printf("GC: %d collections, %d ms of pauses; JIT: %d compilations, %d ms of compiler time%n",
                gcs, gcPause.toMillis(), compilations, compile.toMillis());
    }

    private static String group(RecordedThread t) {
        return t == null || t.getJavaName() == null ? "?" : t.getJavaName().replaceAll("[0-9]+", "#")
                .replaceAll("-[0-9a-f]{8}-[0-9a-f-]{27}", "-<uuid>");
    }

    private static String owner(RecordedStackTrace st) {
        if (st == null) {
            return "?";
        }
        for (RecordedFrame f : st.getFrames()) {
            String type = f.getMethod().getType().getName();
            for (String[] o : OWNERS) {
                if (type.startsWith(o[0])) {
                    return o[1];
                }
            }
        }
        return "JDK/other";
    }
}
