package dev.newswire.enrich.messaging;

/**
 * Writes the tags stage's document embedding as a header of the internal pending record, for the
 * story step (which reads it back and removes it: {@code stories.PendingEmbedding}). Here, not in
 * {@code stories}, because messaging writes it and must not depend on the story step. One signed
 * byte per dimension, scaled so that the largest component is ±127: cosines need only the direction.
 */
public final class EmbeddingHeader {

    /** Header name on {@code news.articles.enriched.pending}. */
    public static final String HEADER = "newswire-embedding";

    private EmbeddingHeader() {
    }

    /** The int8 form of a vector (any length; all-zero stays all-zero). */
    public static byte[] encode(float[] vector) {
        double max = 0;
        for (float x : vector) {
            max = Math.max(max, Math.abs(x));
        }
        byte[] out = new byte[vector.length];
        if (max == 0) {
            return out;
        }
        for (int i = 0; i < vector.length; i++) {
            out[i] = (byte) Math.round(vector[i] * 127 / max);
        }
        return out;
    }
}
