package dev.newswire.enrich.pipeline.entities;

/**
 * One recognised name in the clean text: {@code [start, end)} character offsets into
 * {@code Document.text()}, the surface form found there, and the NER type.
 */
public record Mention(int start, int end, String surface, String type) {
}
