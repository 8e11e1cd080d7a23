package dev.newswire.enrich.pipeline.entities;

import java.util.List;

/**
 * Named-entity tagging of tokenised sentences, one label per token: {@code PERSON},
 * {@code ORGANIZATION}, {@code LOCATION}, {@code MISC} or {@link #OTHER}. Kept as an interface so
 * the GPL-licensed CoreNLP implementation can be swapped for another tagger without touching the
 * rest of the entity stage. Implementations load their model in the constructor and must be safe
 * for concurrent calls.
 */
public interface EntityRecognizer {

    String OTHER = "O";

    /** Labels for each token of each sentence; the result has the same shape as the input. */
    List<List<String>> label(List<List<String>> sentences);

    /** Library and model, for provenance, e.g. {@code corenlp-4.5.10/english.conll.4class.distsim}. */
    String component();

    /** Runs one tiny classification so lazy initialisation is done before readiness goes UP. */
    default void warmUp() {
        label(List.of(List.of("Angela", "Merkel", "visited", "Paris", ".")));
    }
}
