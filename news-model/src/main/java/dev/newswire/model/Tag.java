package dev.newswire.model;

/**
 * A topic tag from the taxonomy (IPTC Media Topics top level plus selected children).
 *
 * @param id    stable taxonomy id, e.g. {@code politics} or {@code politics/diplomacy}
 * @param label human label, e.g. "Diplomacy"
 * @param score confidence 0..1
 */
public record Tag(String id, String label, double score) {
}
