package dev.newswire.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
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
        assertThat(LauncherScript.javaAccepts("@" + Path.of(ARGS).toAbsolutePath())).as("java @%s -version", ARGS).isTrue();
    }

    @Test
    void newswireUpItsRehearsalAndTheBenchmarkAllStartTheBrokerWithIt() throws Exception {
        String script = Files.readString(Path.of("../newswire"));
        assertThat(LauncherScript.bash(LauncherScript.function(script, "jvm_args_of") + "\nROOT=/repo\njvm_args_of kafka"))
                .isEqualTo("@/repo/kafka-local/" + ARGS);
        String options = String.join("", LauncherScript.function(script, "opts_of"), LauncherScript.function(script, "heap_of"),
                LauncherScript.function(script, "gc_of"), LauncherScript.function(script, "jvm_args_of"),
                LauncherScript.function(script, "java_options_of"));
        assertThat(LauncherScript.bash(options + "\nROOT=/repo\njava_options_of kafka"))
                .isEqualTo("-Xmx512m -Xms32m -XX:+UseSerialGC @/repo/kafka-local/" + ARGS);
        assertThat(LauncherScript.function(script, "launch_kafka")).contains("$(java_options_of kafka) $(cds_of kafka)");
        assertThat(LauncherScript.function(script, "cds_prepare")).contains("cds_launch kafka \"$dir\" $(java_options_of kafka) ");
        assertThat(Files.readString(Path.of("../bench/enrich/run.sh")))
                .contains("BENCH_BROKER_OPTS:--Xmx512m -Xms32m -XX:+UseSerialGC @$ROOT/kafka-local/" + ARGS + "}");
    }



}
