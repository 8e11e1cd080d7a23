package dev.newswire.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** Where the repository's files are, and what the services' real configuration says. */
final class RepoPaths {

    private RepoPaths() {
    }

    /** The repository root: set by surefire, else found by walking up to the folder holding deploy/. */
    static Path root() {
        String configured = System.getProperty("newswire.repo.root");
        if (configured != null && !configured.isBlank() && Files.isDirectory(Path.of(configured, "deploy"))) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isDirectory(dir.resolve("deploy/k8s")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("cannot find the repository root (no deploy/k8s above " + Path.of("").toAbsolutePath() + ")");
    }

    static Path deploy() {
        return root().resolve("deploy");
    }

    static Path k8s() {
        return deploy().resolve("k8s");
    }

    static Path docker() {
        return deploy().resolve("docker");
    }

    /** A service's src/main/resources/application.properties (empty when the file does not exist yet). */
    static Properties applicationProperties(String service) {
        Properties properties = new Properties();
        Path file = root().resolve(service).resolve("src/main/resources/application.properties");
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                properties.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return properties;
    }

    /**
     * The HTTP port a service really listens on in the prod profile: {@code %prod.quarkus.http.port},
     * else {@code quarkus.http.port}, else Quarkus' default 8080.
     */
    static int httpPort(String service) {
        Properties p = applicationProperties(service);
        String port = p.getProperty("%prod.quarkus.http.port", p.getProperty("quarkus.http.port", "8080"));
        return Integer.parseInt(resolveDefault(port.trim()));
    }

    /** The health endpoints' base path: Quarkus' non-application root (default q) plus the health root path. */
    static String healthRoot(String service) {
        Properties p = applicationProperties(service);
        String nonApp = resolveDefault(p.getProperty("quarkus.http.non-application-root-path", "q")).replaceAll("^/|/$", "");
        String health = resolveDefault(p.getProperty("quarkus.smallrye-health.root-path", "health")).replaceAll("^/|/$", "");
        return "/" + nonApp + "/" + health;
    }

    /** {@code ${ENV:default}} → default; plain values unchanged. */
    private static String resolveDefault(String value) {
        if (value.startsWith("${") && value.endsWith("}") && value.contains(":")) {
            return value.substring(value.indexOf(':') + 1, value.length() - 1);
        }
        return value;
    }
}
