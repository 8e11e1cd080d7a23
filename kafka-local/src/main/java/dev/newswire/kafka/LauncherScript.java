package dev.newswire.kafka;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Test support for the checks that the {@code ./newswire} launcher, the images and the benchmarks
 * start each JVM with the same option files: cut one bash function out of the launcher, run a bash
 * snippet, ask this JVM whether it accepts a set of options. Here (kafka-local is the module every
 * service's tests already depend on) so that the broker's and enrich's option tests share one copy.
 */
public final class LauncherScript {

    private LauncherScript() {
    }

    /** The text of one bash function of the launcher ({@code name() \{ … \}} at line starts). */
    public static String function(String script, String name) {
        Matcher m = Pattern.compile("(?ms)^" + name + "\\(\\) \\{\\n.*?^\\}\\n").matcher(script);
        if (!m.find()) {
            throw new AssertionError(name + "() not found in ./newswire");
        }
        return m.group() + "\n";
    }

    /** Standard output and error of {@code bash -c snippet}, trimmed; at most 30 s. */
    public static String bash(String snippet) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("bash", "-c", snippet).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes()).trim();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("bash -c did not finish in 30 s: " + snippet);
        }
        return out;
    }

    /** Whether {@code java <options> -version} of this JVM exits 0 (a typo in an option file would not). */
    public static boolean javaAccepts(String options) {
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
