package dev.newswire.enrich.pipeline;

/** A token with its offsets into {@link Document#text()} and its part-of-speech tag (Penn Treebank). */
public record Token(String text, int start, int end, String pos) {
}
