package dev.newswire.enrich.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newswire.kafka.LauncherScript;
import edu.stanford.nlp.ie.NERFeatureFactory;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * enrich runs with the Parallel collector wherever it is started: `./newswire up`, the container
 * image (compose, Kubernetes) and bench/enrich/run.sh. Measured (docs/benchmarks/enrich.md, "Where
 * the ~12 ms go"): its GC threads cost 0.3-0.6 ms less CPU per article than G1's and the RSS is
 * smaller, with the total within noise; enrich is a throughput service whose per-article latency
 * budget is seconds, so Parallel's stop-the-world collections cost it nothing a reader sees. The
 * options must be ones this JVM accepts (a typo or two collectors would stop the service from
 * starting).
 */
class JvmOptionsTest {

    private static final String GC = "-XX:+UseParallelGC";

    @Test
    void newswireUpStartsEnrichWithTheParallelCollector() throws Exception {
        assertThat(gcOf("enrich", "")).isEqualTo(GC);
        assertThat(gcOf("api", "")).as("the other services keep the JVM default").isEmpty();
        String script = Files.readString(Path.of("../newswire"));
        assertThat(LauncherScript.function(script, "java_options_of")).contains("$(gc_of \"$1\")");
        assertThat(LauncherScript.function(script, "start_service")).contains("start_process \"$name\" java $(java_options_of \"$name\")");
    }

    @Test
    void aCollectorChosenInEnrichOptsWinsInsteadOfClashing() throws Exception {
        // -XX:+UseG1GC and -XX:+UseParallelGC together: "Conflicting collector combinations", no start.
        assertThat(gcOf("enrich", "-Xss1m -XX:+UseG1GC")).isEmpty();
        assertThat(gcOf("enrich", "-XX:+UseSerialGC")).isEmpty();
    }

    /** What ./newswire's gc_of prints for a service, with ENRICH_OPTS set as given. */
    private static String gcOf(String service, String enrichOpts) throws Exception {
        String script = Files.readString(Path.of("../newswire"));
        String functions = LauncherScript.function(script, "opts_of") + LauncherScript.function(script, "gc_of");
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", functions + "\ngc_of " + service).redirectErrorStream(true);
        builder.environment().put("ENRICH_OPTS", enrichOpts);
        Process bash = builder.start();
        bash.getOutputStream().close();
        String out = new String(bash.getInputStream().readAllBytes()).trim();
        assertThat(bash.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return out;
    }


    @Test
    void theImageStartsEnrichWithTheParallelCollectorWhateverJavaOptsSays() throws IOException {
        // Compose and Kubernetes replace JAVA_OPTS (heap percentage); JAVA_OPTS_APPEND is the image's own.
        String dockerfile = Files.readString(Path.of("src/main/docker/Dockerfile.jvm"));
        Matcher append = Pattern.compile("JAVA_OPTS_APPEND=\"([^\"]*)\"").matcher(dockerfile);
        assertThat(append.find()).isTrue();
        assertThat(append.group(1)).contains(GC);
        assertThat(LauncherScript.javaAccepts(append.group(1))).as("java %s -version", append.group(1)).isTrue();
    }

    @Test
    void theBenchmarkMeasuresWhatIsShipped() throws IOException {
        assertThat(Files.readString(Path.of("../bench/enrich/run.sh"))).contains("BENCH_SERVICE_OPTS:--Xmx768m " + GC + " @");
    }

    private static final String ARGS = "src/main/jvm/enrich.jvmargs";

    @Test
    void theJitOptionsLiveInOneFileThatThisJvmAcceptsAndThatLauncherImageAndBenchAllPass() throws Exception {
        // One place: the launcher, the image and the bench pass the same @argument file, so an A/B of
        // the options is one edit, and none of the three can drift from the others.
        String args = Files.readString(Path.of(ARGS));
        assertThat(args).contains("-XX:MaxInlineLevel=9", "-XX:InlineSmallCode=1000", "-XX:FreqInlineSize=100").doesNotContain("GC ");
        assertThat(LauncherScript.javaAccepts("@" + Path.of(ARGS).toAbsolutePath())).as("java @%s -version", ARGS).isTrue();

        String script = Files.readString(Path.of("../newswire"));
        String launcherArgs = LauncherScript.bash(LauncherScript.function(script, "jvm_args_of") + "\nROOT=/repo\njvm_args_of enrich");
        assertThat(launcherArgs).isEqualTo("@/repo/enrich-service/" + ARGS);
        assertThat(LauncherScript.function(script, "java_options_of")).contains("$(gc_of \"$1\") $(jvm_args_of \"$1\")");

        String dockerfile = Files.readString(Path.of("src/main/docker/Dockerfile.jvm"));
        assertThat(dockerfile).contains("COPY " + ARGS + " /deployments/enrich.jvmargs")
                .containsPattern("ENTRYPOINT .*exec java @/deployments/enrich.jvmargs \\$\\{JAVA_OPTS} \\$\\{JAVA_OPTS_APPEND} ");
        assertThat(Files.readString(Path.of(".dockerignore"))).contains("!" + ARGS);

        assertThat(Files.readString(Path.of("../bench/enrich/run.sh"))).contains("@$ROOT/enrich-service/" + ARGS);
    }

    /** HotSpot's HugeMethodLimit: with DontCompileHugeMethods on (the default) longer methods are only interpreted. */
    private static final int HUGE_METHOD_BYTES = 8000;

    @Test
    void theCrfFeatureBuilderIsHugeSoHugeMethodsAreCompiled() throws Exception {
        // CoreNLP's featuresC builds every token's features; if a CoreNLP upgrade ever shrinks it
        // under the limit the option can go, and this test says so.
        assertThat(bytecodeLength(NERFeatureFactory.class, "featuresC")).isGreaterThan(HUGE_METHOD_BYTES);
        assertThat(Files.readAllLines(Path.of(ARGS))).contains("-XX:-DontCompileHugeMethods");
    }

    /** Bytecode length of the longest method of that name, from javap's disassembly: a lower bound (the last instruction's offset + 1). */
    private static int bytecodeLength(Class<?> type, String method) {
        ToolProvider javap = ToolProvider.findFirst("javap").orElseThrow();
        StringWriter out = new StringWriter();
        String classpath = Path.of(type.getProtectionDomain().getCodeSource().getLocation().getPath()).toString();
        int rc = javap.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "-c", "-p", "-cp", classpath, type.getName());
        assertThat(rc).isZero();
        int longest = 0;
        boolean inside = false;
        Pattern instruction = Pattern.compile("^\\s+(\\d+): ");
        for (String line : out.toString().split("\n")) {
            if (line.startsWith("  ") && !line.startsWith("   ") && line.contains("(")) {
                inside = line.contains(" " + method + "(");
            } else if (inside) {
                Matcher m = instruction.matcher(line);
                if (m.find()) {
                    longest = Math.max(longest, Integer.parseInt(m.group(1)) + 1);
                }
            }
        }
        return longest;
    }


}
