package dev.newswire.enrich.pipeline.models;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** A library's version from its {@code META-INF/maven/.../pom.properties}, for provenance. */
public final class LibraryVersion {

    private LibraryVersion() {
    }

    /** The version on the classpath, or "unknown" when the jar carries no Maven metadata. */
    public static String of(String groupId, String artifactId, Class<?> anyClassOfTheJar) {
        String version = of(groupId, artifactId);
        if (!version.equals("unknown")) {
            return version;
        }
        // Some jars (CoreNLP) ship no pom.properties, only a manifest Implementation-Version.
        Package p = anyClassOfTheJar.getPackage();
        return p != null && p.getImplementationVersion() != null ? p.getImplementationVersion() : "unknown";
    }

    /** The version on the classpath, or "unknown" when the jar carries no Maven metadata. */
    public static String of(String groupId, String artifactId) {
        String path = "/META-INF/maven/" + groupId + "/" + artifactId + "/pom.properties";
        try (InputStream in = LibraryVersion.class.getResourceAsStream(path)) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
