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

    /**
     * True when the stage needs English models or vocabularies. {@link Pipeline} then runs it only on
     * documents the language stage judged English and records the skip otherwise, so no stage repeats
     * the guard. {@code why} says what would have run.
     */
    default boolean englishOnly() {
        return false;
    }

    /** What an English-only stage would have done, for the {@code pipeline.skipped} reason. */
    default String englishOnlyReason() {
        return "English models not run";
    }
}
