package dev.newswire.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The JVM options {@code ./newswire up} starts a process with (heap, collector, C2 options file), read
 * from the launcher itself ({@code ./newswire java-options NAME}) so the suite's JVMs behave as users'
 * do and no copy of the launcher's settings here can drift from it.
 */
final class LaunchOptions {

    private LaunchOptions() {
    }

    static List<String> of(Path root, String name) {
        try {
            Process launcher = new ProcessBuilder("bash", root.resolve("newswire").toString(), "java-options", name)
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            String out = new String(launcher.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!launcher.waitFor(30, TimeUnit.SECONDS) || launcher.exitValue() != 0) {
                launcher.destroyForcibly();
                throw new IllegalStateException("./newswire java-options " + name + " failed");
            }
            List<String> options = out.lines().filter(line -> !line.isBlank()).toList();
            if (options.stream().noneMatch(option -> option.startsWith("-Xmx"))) {
                throw new IllegalStateException("./newswire java-options " + name + " gave no heap size: " + options);
            }
            return options;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
