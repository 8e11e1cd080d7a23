package dev.newswire.model;

import java.util.Map;

/**
 * Provenance of an enriched article: which pipeline version and components made it. Serialised as
 * the article's {@code pipeline} field (the JSON name predates this class name and stays).
 *
 * @param version    Newswire enrich pipeline version
 * @param components component name → version or model, e.g. {@code "ner" → "corenlp-4.5.10/english.conll.4class"}
 * @param skipped    stage name → why it did not run, e.g. {@code "entities" → "language de: no model"}
 */
public record Provenance(String version, Map<String, String> components, Map<String, String> skipped) {

    public Provenance {
        components = components == null ? Map.of() : Map.copyOf(components);
        skipped = skipped == null || skipped.isEmpty() ? null : Map.copyOf(skipped);
    }
}
