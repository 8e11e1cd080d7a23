package dev.newswire.deploy.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's class-data sharing rules, run as bash on the functions of {@code ./newswire}
 * itself: a JVM is given an archive only when the archive is newer than everything it was made from
 * and was written by this JVM (otherwise the rehearsal writes it again), and an archive the JVM
 * cannot use does not stop it from starting. The whole path ({@code ./newswire up} writing the
 * archives and mapping them, and starting on corrupt ones) is in {@link NewswireUpTest} and
 * {@link NewswireSupervisionTest}.
 */
class ClassDataSharingTest {

    private static final Path ROOT = Path.of(System.getProperty("newswire.repo.root", "..")).toAbsolutePath().normalize();

    @TempDir
    Path repo;
    Path cds;
    Path apiJar;
    Path apiLib;

    @BeforeEach
    void fakeBuild() throws IOException {
        apiJar = repo.resolve("api-service/target/quarkus-app/quarkus-run.jar");
        apiLib = repo.resolve("api-service/target/quarkus-app/lib/main/some-dependency.jar");
        Files.createDirectories(apiLib.getParent());
        Files.writeString(apiJar, "jar");
        Files.writeString(apiLib, "lib");
        cds = repo.resolve("target/cds");
        Files.createDirectories(cds);
        ageBuild(Instant.now().minusSeconds(600));
    }

    @Test
    void aJvmGetsNoArchiveBeforeTheRehearsalHasWrittenOne() throws Exception {
        assertThat(cdsOf("api", Map.of())).isEmpty();
    }

    @Test
    void aFreshArchiveFromThisJvmIsUsedWithSharingOnAuto() throws Exception {
        writeArchive("api", jvmId());
        assertThat(cdsOf("api", Map.of()))
                .isEqualTo("-Xshare:auto -XX:SharedArchiveFile=" + cds.resolve("api.jsa"));
        assertThat(cdsOf("api", Map.of("NEWSWIRE_CDS", "off"))).as("NEWSWIRE_CDS=off: the old start").isEmpty();
    }

    @Test
    void aRebuiltJarOrDependencyMakesTheArchiveStale() throws Exception {
        writeArchive("api", jvmId());
        Files.setLastModifiedTime(apiLib, FileTime.from(Instant.now().plusSeconds(5)));
        assertThat(cdsOf("api", Map.of())).as("a dependency jar rebuilt after the archive").isEmpty();
        ageBuild(Instant.now().minusSeconds(600));
        Files.setLastModifiedTime(apiJar, FileTime.from(Instant.now().plusSeconds(5)));
        assertThat(cdsOf("api", Map.of())).as("the runner jar rebuilt after the archive").isEmpty();
    }

    @Test
    void anArchiveWrittenByAnotherJvmIsNotUsed() throws Exception {
        writeArchive("api", "/usr/lib/jvm/some-other-jdk/bin/java openjdk version \"17.0.1\"");
        assertThat(cdsOf("api", Map.of())).isEmpty();
    }

    /**
     * The JVM's own check is the last line of defence (a file damaged after it was written, options
     * that do not fit it): with the launcher's options a corrupt archive is skipped and the JVM runs
     * without it; the same file with -Xshare:on is refused, so the JVM did read it.
     */
    @Test
    void aCorruptArchiveStillStartsTheJvm() throws Exception {
        writeArchive("api", jvmId());
        byte[] garbage = new byte[256 * 1024];
        new Random(15).nextBytes(garbage);
        Files.write(cds.resolve("api.jsa"), garbage);
        ageBuild(Instant.now().minusSeconds(600));
        String options = cdsOf("api", Map.of());
        assertThat(options).contains("-Xshare:auto");

        List<String> runs = new ArrayList<>(List.of(options.split(" ")));
        Path kafkaJar = ROOT.resolve("kafka-local/target/kafka-local-" + System.getProperty("newswire.version", "0.1.0-SNAPSHOT") + "-runner.jar");
        runs.addAll(List.of("-jar", kafkaJar.toString(), "--help"));
        Result help = java(runs);
        assertThat(help.exit).as("kafka-local --help on a corrupt archive:%n%s", help.output).isZero();
        assertThat(help.output).contains("usage: kafka-local");

        Result strict = java(List.of("-Xshare:on", "-XX:SharedArchiveFile=" + cds.resolve("api.jsa"), "-version"));
        assertThat(strict.exit).as("the same archive with -Xshare:on").isNotZero();
    }

    @Test
    void noServingJvmRecordsAnArchiveAtExit() throws IOException {
        String script = Files.readString(ROOT.resolve("newswire"));
        // Only the rehearsal's cds_launch records; up's processes (start_process) get cds_of's options.
        assertThat(script.lines().filter(line -> !line.strip().startsWith("#") && line.contains("ArchiveClassesAtExit")))
                .as("code lines that record an archive").hasSize(1);
        assertThat(function(script, "cds_launch")).contains("ArchiveClassesAtExit");
        assertThat(function(script, "launch_kafka")).contains("$(cds_of kafka)").doesNotContain("ArchiveClassesAtExit");
        assertThat(function(script, "start_service")).contains("$(cds_of \"$name\")").doesNotContain("ArchiveClassesAtExit");
    }

    private void writeArchive(String name, String jvm) throws IOException {
        Files.write(cds.resolve(name + ".jsa"), new byte[] {1, 2, 3});
        Files.writeString(cds.resolve(name + ".jsa.jvm"), jvm);
    }

    /** The build's files older than the archive (an archive is written after the build). */
    private void ageBuild(Instant when) throws IOException {
        Files.setLastModifiedTime(apiJar, FileTime.from(when));
        Files.setLastModifiedTime(apiLib, FileTime.from(when));
        Files.setLastModifiedTime(apiLib.getParent(), FileTime.from(when));
        Files.setLastModifiedTime(apiLib.getParent().getParent(), FileTime.from(when));
        Files.setLastModifiedTime(apiJar.getParent(), FileTime.from(when));
    }

    private String jvmId() throws Exception {
        return bash("JVM_ID=$(jvm_id); printf '%s' \"$JVM_ID\"", Map.of());
    }

    private String cdsOf(String service, Map<String, String> env) throws Exception {
        return bash("JVM_ID=$(jvm_id); cds_of " + service, env).trim();
    }

    /** Runs COMMAND after the launcher's own CDS functions, in the fake repository. */
    private String bash(String command, Map<String, String> env) throws Exception {
        String script = Files.readString(ROOT.resolve("newswire"));
        Matcher settings = Pattern.compile("(?m)^CDS_MODE=.*\\n^CDS_DIR=.*\\n").matcher(script);
        assertThat(settings.find()).as("CDS_MODE and CDS_DIR in ./newswire").isTrue();
        String prelude = "ROOT='" + repo + "'\nVERSION=x\nKAFKA_JAR=$ROOT/kafka-local/target/kafka-local-x-runner.jar\n"
                + settings.group() + function(script, "jar_of") + function(script, "cds_archive")
                + function(script, "cds_inputs") + function(script, "jvm_id") + function(script, "cds_fresh")
                + function(script, "cds_of");
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", prelude + "\n" + command).redirectErrorStream(true);
        builder.environment().remove("NEWSWIRE_CDS");
        builder.environment().remove("NEWSWIRE_CDS_DIR");
        builder.environment().putAll(env);
        Process bash = builder.start();
        bash.getOutputStream().close();
        String out = new String(bash.getInputStream().readAllBytes());
        assertThat(bash.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(bash.exitValue()).as("bash exit, output:%n%s", out).isZero();
        return out;
    }

    private static String function(String script, String name) {
        return CorruptArchives.function(script, name);
    }

    private record Result(int exit, String output) {
    }

    private static Result java(List<String> args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(args);
        Process java = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(java.getInputStream().readAllBytes());
        assertThat(java.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(java.exitValue(), out);
    }
}
