package dev.newswire.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Figures the Docker tests measure: printed and written to deploy/target/docker-measurements.txt. */
final class Measurements {

    private static final Map<String, String> FIGURES = new LinkedHashMap<>();

    private Measurements() {
    }

    static synchronized void record(String what, long millis) {
        FIGURES.put(what, String.format("%.1f s", millis / 1000.0));
        System.out.printf("[deploy] %s: %.1f s%n", what, millis / 1000.0);
    }

    static synchronized void write() {
        StringBuilder text = new StringBuilder();
        FIGURES.forEach((k, v) -> text.append(k).append(": ").append(v).append('\n'));
        try {
            String sizes = DockerEnvironment.run(List.of("docker", "image", "ls", "--format", "{{.Repository}}:{{.Tag}} {{.Size}}",
                    "--filter", "reference=newswire/*"), 60);
            text.append("images:\n").append(sizes.lines().map(l -> "  " + l).reduce("", (a, b) -> a + b + "\n"));
        } catch (Exception | AssertionError e) {
            text.append("images: unknown (").append(e.getMessage()).append(")\n");
        }
        System.out.println("[deploy] measurements:\n" + text);
        try {
            Path out = RepoPaths.deploy().resolve("target/docker-measurements.txt");
            Files.createDirectories(out.getParent());
            Files.writeString(out, text);
        } catch (IOException e) {
            System.err.println("[deploy] cannot write measurements: " + e);
        }
    }
}
