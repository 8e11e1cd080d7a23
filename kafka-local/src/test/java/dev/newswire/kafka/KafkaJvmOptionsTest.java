package dev.newswire.kafka;

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
 * The broker's JVM options beyond heap, collector and CDS live in one java @argument file that
 * ./newswire up (and its class-data sharing rehearsal) and bench/enrich/run.sh both pass: shallower
 * C2 inlining, which took the broker's CPU per enriched article from 5.1-7.1 ms to 2.8-3.0 ms
 * (docs/benchmarks/enrich.md, "What the broker and the Kafka plumbing cost"). The file must be one
 * this JVM accepts: a typo would stop the broker from starting.
 */
class KafkaJvmOptionsTest {

    private static final String ARGS = "src/main/jvm/kafka.jvmargs";

    @Test
    void theBrokerJitOptionsAreInOneFileThatThisJvmAccepts() throws Exception {
        String args = Files.readString(Path.of(ARGS));
        assertThat(args).contains("-XX:MaxInlineLevel=9", "-XX:InlineSmallCode=1000")
                .as("heap and collector stay on the launcher's command line").doesNotContain("GC", "-Xmx");
        assertThat(javaAccepts("@" + Path.of(ARGS).toAbsolutePath())).as("java @%s -version", ARGS).isTrue();
    }

    @Test
    void newswireUpItsRehearsalAndTheBenchmarkAllStartTheBrokerWithIt() throws Exception {
        String script = Files.readString(Path.of("../newswire"));
        assertThat(run(function(script, "jvm_args_of") + "\nROOT=/repo\njvm_args_of kafka"))
                .isEqualTo("@/repo/kafka-local/" + ARGS);
        assertThat(function(script, "launch_kafka")).contains("-XX:+UseSerialGC $(jvm_args_of kafka) $(cds_of kafka)");
        assertThat(function(script, "cds_prepare")).contains("cds_launch kafka \"$dir\" -Xmx\"$(heap_of kafka)\" -Xms32m -XX:+UseSerialGC $(jvm_args_of kafka) ");
        assertThat(Files.readString(Path.of("../bench/enrich/run.sh")))
                .contains("BENCH_BROKER_OPTS:--Xmx512m -Xms32m -XX:+UseSerialGC @$ROOT/kafka-local/" + ARGS + "}");
    }

    private static String function(String script, String name) {
        Matcher m = Pattern.compile("(?ms)^" + name + "\\(\\) \\{\\n.*?^\\}\\n").matcher(script);
        assertThat(m.find()).as("%s() in ./newswire", name).isTrue();
        return m.group() + "\n";
    }

    private static String run(String bash) throws Exception {
        Process process = new ProcessBuilder("bash", "-c", bash).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes()).trim();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return out;
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
