package dev.newswire.enrich.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * enrich runs with the Parallel collector wherever it is started: `./newswire up`, the container
 * image (compose, Kubernetes) and bench/enrich/run.sh. Measured (docs/benchmarks/enrich.md, "Where
 * the ~12 ms go"): G1's concurrent and refinement work and its write barriers cost the NLP workers
 * more CPU per article than Parallel's stop-the-world young collections, and enrich is a throughput
 * service whose per-article latency budget is seconds, not milliseconds. The options must also be
 * ones this JVM accepts: a typo would stop the service from starting.
 */
class JvmOptionsTest {

    private static final String GC = "-XX:+UseParallelGC";

    @Test
    void newswireUpStartsEnrichWithTheParallelCollector() throws IOException {
        String script = Files.readString(Path.of("../newswire"));
        Matcher gc = Pattern.compile("(?m)^gc_of\\(\\) \\{\\n\\s*case \\$1 in ([^\\n]*)").matcher(script);
        assertThat(gc.find()).as("gc_of() in ./newswire").isTrue();
        assertThat(gc.group(1)).contains("enrich) echo " + GC);
        assertThat(script).containsPattern("start_process \"\\$name\" java -Xmx\"\\$\\(heap_of \"\\$name\"\\)\" \\$\\(gc_of \"\\$name\"\\)");
    }

    @Test
    void theImageStartsEnrichWithTheParallelCollectorWhateverJavaOptsSays() throws IOException {
        // Compose and Kubernetes replace JAVA_OPTS (heap percentage); JAVA_OPTS_APPEND is the image's own.
        String dockerfile = Files.readString(Path.of("src/main/docker/Dockerfile.jvm"));
        Matcher append = Pattern.compile("JAVA_OPTS_APPEND=\"([^\"]*)\"").matcher(dockerfile);
        assertThat(append.find()).isTrue();
        assertThat(append.group(1)).contains(GC);
        assertThat(javaAccepts(append.group(1))).as("java %s -version", append.group(1)).isTrue();
    }

    @Test
    void theBenchmarkMeasuresWhatIsShipped() throws IOException {
        assertThat(Files.readString(Path.of("../bench/enrich/run.sh"))).contains("BENCH_SERVICE_OPTS:--Xmx768m " + GC);
    }

    private static boolean javaAccepts(String options) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(options.trim().split("\\s+")));
        command.add("-version");
        try {
            Process java = new ProcessBuilder(command).redirectErrorStream(true).start();
            java.getInputStream().readAllBytes();
            return java.waitFor(60, TimeUnit.SECONDS) && java.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
