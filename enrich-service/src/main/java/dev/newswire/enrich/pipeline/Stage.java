package dev.newswire.enrich.pipeline;

/**
 * One enrichment step. A stage reads the fields earlier stages filled in and returns a new
 * {@link Document} with its own fields added; it keeps no state between articles, so one instance
 * may serve many threads unless it says otherwise.
 */
public interface Stage {

    /** Short name used in metrics, logs, provenance and DLQ headers, e.g. {@code clean}. */
    String name();

    /** Component and model this stage uses, for {@code pipeline.components}, e.g. {@code corenlp-4.5.10/conll.4class}. */
    String component();

    Document apply(Document document);
}
