package dev.newswire.enrich.pipeline;

import java.util.List;

/** A sentence of prose, offsets into {@link Document#text()}. */
public record Sentence(int start, int end, String text, List<Token> tokens) {

    public Sentence {
        tokens = tokens == null ? List.of() : List.copyOf(tokens);
    }
}
