package dev.newswire.ingest;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Entry point of the packaged service. It exists for one setting that must be a system property
 * before Quarkus creates its HTTP handler: with Vert.x's own URI validation on, a malformed
 * request target ({@code %zz}) gets a bare 400 before any route runs; with it off,
 * {@code http/RequestLimits} answers it as problem+json. Set here so every way of starting the jar
 * (./newswire up, the fault suite, containers, Kubernetes) gets it; tests set it in the pom.
 */
@QuarkusMain
public final class IngestMain {

    private IngestMain() {
    }

    public static void main(String... args) {
        System.setProperty("vertx.disableURIValidation", "true");
        Quarkus.run(args);
    }
}
