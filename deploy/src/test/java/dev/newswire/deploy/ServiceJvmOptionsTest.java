package dev.newswire.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newswire.kafka.LauncherScript;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * ingest and api start with their JIT options (compile thresholds x4 and x2: ~1 CPU s less each until
 * ready, docs/benchmarks/deploy.md "Compile later at start") from one java @argument file per
 * service, which ./newswire up, its class-data sharing rehearsal and the container image all pass.
 * The file must be one this JVM accepts: a typo would stop the service from starting.
 */
class ServiceJvmOptionsTest {

    @ParameterizedTest
    @ValueSource(strings = {"api", "ingest"})
    void theOptionsFileIsOneThisJvmAccepts(String service) throws Exception {
        Path args = argsFile(service);
        assertThat(Files.readString(args)).containsPattern("(?m)^-XX:CompileThresholdScaling=[2-9]$")
                .as("heap and collector stay on the command line").doesNotContain("GC", "-Xmx");
        assertThat(LauncherScript.javaAccepts("@" + args)).as("java @%s -version", args).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"api", "ingest"})
    void newswireUpAndItsRehearsalStartTheServiceWithIt(String service) throws Exception {
        String script = Files.readString(RepoPaths.root().resolve("newswire"));
        String options = String.join("", LauncherScript.function(script, "opts_of"), LauncherScript.function(script, "heap_of"),
                LauncherScript.function(script, "gc_of"), LauncherScript.function(script, "jvm_args_of"),
                LauncherScript.function(script, "java_options_of"));
        assertThat(LauncherScript.bash(options + "\nROOT=/repo\njava_options_of " + service))
                .endsWith(" @/repo/" + service + "-service/src/main/jvm/" + service + ".jvmargs");
        assertThat(LauncherScript.function(script, "start_service")).contains("java $(java_options_of \"$name\")");
        assertThat(LauncherScript.function(script, "cds_launch_service")).contains("$(java_options_of \"$name\")");
    }

    @ParameterizedTest
    @ValueSource(strings = {"api", "ingest"})
    void theImagePassesTheSameFile(String service) throws IOException {
        Path module = RepoPaths.root().resolve(service + "-service");
        String inImage = "/deployments/" + service + ".jvmargs";
        String dockerfile = Files.readString(module.resolve("src/main/docker/Dockerfile.jvm"));
        assertThat(dockerfile).contains("COPY src/main/jvm/" + service + ".jvmargs " + inImage)
                .containsPattern("ENTRYPOINT .*exec java (-D\\S+ )?@" + inImage + " \\$\\{JAVA_OPTS} \\$\\{JAVA_OPTS_APPEND} ");
        assertThat(Files.readString(module.resolve(".dockerignore"))).contains("!src/main/jvm/" + service + ".jvmargs");
    }

    private static Path argsFile(String service) {
        return RepoPaths.root().resolve(service + "-service/src/main/jvm/" + service + ".jvmargs");
    }
}
