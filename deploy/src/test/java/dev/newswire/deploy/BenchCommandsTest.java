package dev.newswire.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every benchmark command that builds part of the reactor ({@code ./mvnw ... -pl X}) also builds
 * what X depends on ({@code -am}): without it the command fails on a fresh clone, where the sibling
 * modules are in no local repository. Reads the scripts and docs only; runs no benchmark.
 */
class BenchCommandsTest {

    /** One {@code ./mvnw} command: up to a shell separator, a closing backtick or the end of the line. */
    private static final Pattern MVNW = Pattern.compile("\\./mvnw\\b[^`;|&\\n]*");

    @Test
    void everyPartialBuildAlsoMakesItsDependencies() throws IOException {
        List<Path> files = benchFiles();
        assertThat(files).as("bench scripts and docs/benchmarks.md").hasSizeGreaterThan(5);
        List<String> commands = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Path file : files) {
            for (String command : commands(file)) {
                commands.add(command);
                if (command.matches(".*\\s-pl\\s.*") && !command.matches(".*\\s(-am|--also-make)(\\s.*|$)")) {
                    missing.add(RepoPaths.root().relativize(file) + ": " + command);
                }
            }
        }
        assertThat(commands).as("./mvnw commands found").isNotEmpty();
        assertThat(missing).as("./mvnw -pl without -am").isEmpty();
    }

    @Test
    void everyClassABenchCommandNamesIsInTheSourceTree() throws IOException {
        // The evaluation and benchmark programs moved packages once (issue 14): a script left naming
        // the old package would fail only when someone runs it, long after the move.
        Pattern className = Pattern.compile("\\bdev\\.newswire(?:\\.[a-z]\\w*)+\\.[A-Z]\\w*");
        List<String> named = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Path file : benchFiles()) {
            Matcher m = className.matcher(Files.readString(file));
            while (m.find()) {
                named.add(m.group());
                if (!inSourceTree(m.group())) {
                    missing.add(RepoPaths.root().relativize(file) + ": " + m.group());
                }
            }
        }
        assertThat(named).as("classes named by bench commands").contains("dev.newswire.enrich.bench.PipelineBench");
        assertThat(missing).as("classes named in bench scripts and docs but absent").isEmpty();
    }

    private static boolean inSourceTree(String className) throws IOException {
        String file = className.replace('.', '/') + ".java";
        try (Stream<Path> modules = Files.list(RepoPaths.root())) {
            return modules.filter(Files::isDirectory).anyMatch(module ->
                    Files.exists(module.resolve("src/main/java").resolve(file))
                            || Files.exists(module.resolve("src/test/java").resolve(file)));
        }
    }

    @Test
    void findsACommandWithoutAlsoMake() {
        // The check itself: a command of the old bench/enrich/run.sh is caught, continuation lines joined.
        List<String> found = commands("./mvnw -B -q -o -pl enrich-service \\\n  test-compile\necho done\n");
        assertThat(found).containsExactly("./mvnw -B -q -o -pl enrich-service test-compile");
        assertThat(commands("run `./mvnw -pl kafka-local -am test` (logs)")).containsExactly("./mvnw -pl kafka-local -am test");
    }

    private static List<Path> benchFiles() throws IOException {
        Path root = RepoPaths.root();
        List<Path> files = new ArrayList<>();
        try (Stream<Path> bench = Files.walk(root.resolve("bench"))) {
            bench.filter(p -> p.toString().endsWith(".sh")).sorted().forEach(files::add);
        }
        files.add(root.resolve("docs/benchmarks.md"));
        try (Stream<Path> docs = Files.list(root.resolve("docs/benchmarks"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        return files;
    }

    private static List<String> commands(Path file) {
        try {
            return commands(Files.readString(file));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static List<String> commands(String text) {
        String joined = text.replaceAll("\\\\\\r?\\n\\s*", " ");
        List<String> commands = new ArrayList<>();
        Matcher m = MVNW.matcher(joined);
        while (m.find()) {
            commands.add(m.group().replaceAll("\\s+", " ").trim());
        }
        return commands;
    }
}
