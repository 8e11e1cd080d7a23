package dev.newswire.enrich.pipeline.entities;

/**
 * One recognised name: {@code [start, end)} character offsets into {@code Document.text()}, or into
 * {@code Document.title()} when {@code inTitle} (the title is a field of its own, not part of the
 * text), the surface form found there, and the NER type.
 */
public record Mention(int start, int end, String surface, String type, boolean inTitle) {

    /** A mention in the text. */
    public Mention(int start, int end, String surface, String type) {
        this(start, end, surface, type, false);
    }
}
