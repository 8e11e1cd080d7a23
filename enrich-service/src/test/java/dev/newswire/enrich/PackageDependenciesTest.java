package dev.newswire.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package rules of enrich-service, read from the source tree (plain text, no ArchUnit: the rules
 * are about imports and fully qualified names, which a regex sees as well as bytecode would):
 * <ul>
 *   <li>{@code pipeline/**} is plain Java: no Quarkus, Micrometer, SmallRye, CDI or MicroProfile, so
 *       benchmarks and unit tests build a pipeline with {@code new};</li>
 *   <li>stage packages ({@code pipeline/clean}, {@code pipeline/entities}, ...) are siblings: none uses
 *       another; what several stages share lives in {@link #SHARED} packages below them;</li>
 *   <li>packages use each other in one direction: {@code health}, {@code http} → {@code messaging} →
 *       {@code pipeline}; {@code config} is read by the service layers, never by {@code pipeline}.</li>
 * </ul>
 */
class PackageDependenciesTest {

    private static final Path SOURCES = Path.of("src/main/java/dev/newswire/enrich");
    private static final String ROOT = "dev.newswire.enrich.";

    /** Packages under pipeline/ that stages share; they use no stage package themselves. */
    static final Set<String> SHARED = Set.of("models", "text");

    /** Adapters at the edge (health checks, HTTP): nothing inside the service uses them. */
    private static final Set<String> OUTER = Set.of("health", "http");

    private static final Pattern FRAMEWORK = Pattern.compile(
            "\\b(io\\.quarkus|io\\.micrometer|io\\.smallrye|io\\.vertx|jakarta\\.enterprise|jakarta\\.inject"
                    + "|jakarta\\.annotation|org\\.eclipse\\.microprofile)\\.");
    private static final Pattern ENRICH_REFERENCE = Pattern.compile("\\bdev\\.newswire\\.enrich\\.([a-z0-9_.]*[a-z0-9_])\\.[A-Z*]");

    @Test
    void pipelineUsesNoFramework() {
        List<String> offenders = new ArrayList<>();
        for (Path file : javaFiles(SOURCES.resolve("pipeline"))) {
            Matcher m = FRAMEWORK.matcher(code(file));
            while (m.find()) {
                offenders.add(relative(file) + " uses " + m.group(1));
            }
        }
        assertThat(offenders).as("framework use under pipeline/").isEmpty();
    }

    @Test
    void stagePackagesAreSiblingsThatDoNotUseEachOther() {
        List<String> offenders = new ArrayList<>();
        for (Path file : javaFiles(SOURCES.resolve("pipeline"))) {
            String own = subpackageOfPipeline(packageOf(file));
            if (own == null) {
                continue; // pipeline/ itself lists the stages in order: it may use every one
            }
            for (String used : enrichPackagesUsed(file)) {
                String other = subpackageOfPipeline(used);
                if (other == null || other.equals(own)) {
                    continue;
                }
                if (!SHARED.contains(other)) {
                    offenders.add(relative(file) + " (pipeline." + own + ") uses pipeline." + other);
                }
            }
        }
        assertThat(offenders).as("sideways use between stage packages").isEmpty();
    }

    @Test
    void packagesUseEachOtherInOneDirection() {
        // Each top-level package may use only the packages listed for it (and its own).
        var allowed = java.util.Map.of(
                "pipeline", Set.of("pipeline"),
                "config", Set.of("config"),
                "messaging", Set.of("messaging", "pipeline", "config"),
                "health", Set.of("health", "messaging", "config"),
                "http", Set.of("http", "config"));
        List<String> offenders = new ArrayList<>();
        for (Path file : javaFiles(SOURCES)) {
            String own = topLevel(packageOf(file));
            Set<String> mayUse = allowed.get(own);
            for (String used : enrichPackagesUsed(file)) {
                // A package with no rule yet (a new feature package) may use anything but the outer
                // adapters; pipeline and config, whose rules are listed, still may not use it.
                boolean ok = mayUse != null ? mayUse.contains(topLevel(used)) : !OUTER.contains(topLevel(used));
                if (!ok) {
                    offenders.add(relative(file) + " (" + own + ") uses " + used);
                }
            }
        }
        assertThat(offenders).as("package use against the direction").isEmpty();
    }

    /** "dev.newswire.enrich.pipeline.clean" -> "clean"; pipeline itself or another package -> null. */
    private static String subpackageOfPipeline(String pkg) {
        String prefix = ROOT + "pipeline.";
        if (!pkg.startsWith(prefix)) {
            return null;
        }
        String rest = pkg.substring(prefix.length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    private static String topLevel(String pkg) {
        String rest = pkg.substring(ROOT.length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    /** Every enrich package this file names in an import or a fully qualified reference. */
    private static Set<String> enrichPackagesUsed(Path file) {
        Set<String> used = new java.util.TreeSet<>();
        Matcher m = ENRICH_REFERENCE.matcher(code(file));
        while (m.find()) {
            // "pipeline.Pipeline.Settings" style references stop at the first capitalised segment.
            used.add(ROOT + m.group(1));
        }
        used.remove(packageOf(file));
        return used;
    }

    private static String packageOf(Path file) {
        Matcher m = Pattern.compile("(?m)^package\\s+([\\w.]+);").matcher(read(file));
        assertThat(m.find()).as("package line in " + file).isTrue();
        return m.group(1);
    }

    /** The source without its package line and comments, so Javadoc that names a class is no use. */
    private static String code(Path file) {
        return read(file)
                .replaceAll("(?m)^package\\s+[\\w.]+;", "")
                .replaceAll("(?s)/\\*.*?\\*/", "")
                .replaceAll("//[^\\n]*", "");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> javaFiles(Path dir) {
        assertThat(dir).as("run from the enrich-service module directory").isDirectory();
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String relative(Path file) {
        return SOURCES.relativize(file).toString();
    }
}
