package dev.newswire.deploy.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Class-data sharing archives the launcher takes for good ones (newer than the jars, stamped with
 * this JVM, as {@code ./newswire}'s own {@code jvm_id} prints it) but whose content is random bytes:
 * what a disk error, or an archive written under other JVM options, looks like to the JVM.
 */
final class CorruptArchives {

    private CorruptArchives() {
    }

    /** Writes kafka/ingest/enrich/api .jsa files of random bytes, and their stamps, into {@code dir}. */
    static Path write(Path dir) throws Exception {
        Files.createDirectories(dir);
        String jvmId = launcherJvmId();
        Random random = new Random(15);
        for (String name : List.of("kafka", "ingest", "enrich", "api")) {
            byte[] garbage = new byte[256 * 1024];
            random.nextBytes(garbage);
            Files.write(dir.resolve(name + ".jsa"), garbage);
            Files.writeString(dir.resolve(name + ".jsa.jvm"), jvmId);
        }
        return dir;
    }

    /** What {@code jvm_id} in ./newswire prints for the java on the PATH. */
    static String launcherJvmId() throws IOException, InterruptedException {
        Path root = Path.of(System.getProperty("newswire.repo.root", "..")).toAbsolutePath().normalize();
        String script = Files.readString(root.resolve("newswire"));
        String function = function(script, "jvm_id");
        Process bash = new ProcessBuilder("bash", "-c", function + "\nprintf '%s' \"$(jvm_id)\"").start();
        bash.getOutputStream().close();
        String out = new String(bash.getInputStream().readAllBytes());
        assertThat(bash.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(out).contains("version");
        return out;
    }

    /** The text of one bash function of the launcher ({@code name() \{ … \}} at line starts). */
    static String function(String script, String name) {
        Matcher m = Pattern.compile("(?ms)^" + name + "\\(\\) \\{\\n.*?^\\}\\n").matcher(script);
        assertThat(m.find()).as("%s() in ./newswire", name).isTrue();
        return m.group() + "\n";
    }
}
