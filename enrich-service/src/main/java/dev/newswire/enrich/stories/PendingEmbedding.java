package dev.newswire.enrich.stories;

import dev.newswire.enrich.messaging.EmbeddingHeader;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The tags stage's document embedding as it travels from enrich to the story step: a header on the
 * internal pending record, never part of the public enriched event (the story step removes it
 * before forwarding). One signed byte per dimension, scaled so that the largest component is ±127:
 * 384 bytes instead of 1,536 for floats or ~4 KB as JSON numbers. Cosines only need the direction,
 * so no scale is stored; the error this adds to a cosine is about 0.005 (measured in
 * {@code PendingEmbeddingTest}), far below the differences the story step decides on. A header, not
 * a JSON field, so that the article's JSON (its bytes and schema) is exactly what enrich wrote.
 */
public final class PendingEmbedding {

    /** Header name on {@code news.articles.enriched.pending} (written by {@link EmbeddingHeader}). */
    public static final String HEADER = EmbeddingHeader.HEADER;
    /** Shortest and longest accepted vector: anything else is not an embedding enrich wrote. */
    static final int MIN_DIMENSIONS = 8;
    static final int MAX_DIMENSIONS = 4096;

    private PendingEmbedding() {
    }

    /** The int8 form of a vector, as enrich writes it ({@link EmbeddingHeader#encode}). */
    public static byte[] encode(float[] vector) {
        return EmbeddingHeader.encode(vector);
    }

    /** The embedding a pending record carries, or null when it has none (or not a plausible one). */
    static byte[] read(Headers headers) {
        Header header = headers.lastHeader(HEADER);
        if (header == null || header.value() == null) {
            return null;
        }
        byte[] value = header.value();
        return value.length < MIN_DIMENSIONS || value.length > MAX_DIMENSIONS ? null : value;
    }

    /** Cosine of two int8 vectors; 0 when either is missing, all zero or of another length. */
    static double cosine(byte[] a, byte[] b) {
        if (a == null || b == null || a.length != b.length) {
            return 0;
        }
        long dot = 0;
        long na = 0;
        long nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return cosine(dot, na, nb);
    }

    /** The cosine from a dot product and the two sums of squares (all exact integers): 0 when either vector is all zero. */
    static double cosine(long dot, long na, long nb) {
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt((double) na * nb);
    }

    /** Sum of squares of an int8 vector. */
    static long squares(byte[] v) {
        long sum = 0;
        for (byte x : v) {
            sum += x * x;
        }
        return sum;
    }
}
