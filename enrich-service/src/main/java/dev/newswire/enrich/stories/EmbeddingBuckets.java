package dev.newswire.enrich.stories;

import java.util.Random;

/**
 * Locality-sensitive buckets for embeddings (random hyperplanes, Charikar 2002): {@value #TABLES}
 * tables of {@value #BITS} sign bits. Two vectors at cosine c share a table's bucket with probability
 * (1 - acos(c)/π)^{@value #BITS}: at c = 0.5 they share at least one of the tables 89 % of the time,
 * at 0.7 99 %, at 0.2 (unrelated news) about 60 % but in few tables, which is what ranks candidates.
 * So a story that shares no entity or keyphrase with an article can still be compared with it,
 * without scoring every open story. The hyperplanes come from a fixed seed through
 * {@link Random#nextGaussian()}, whose algorithm the JDK specifies: the same buckets on every JVM.
 */
final class EmbeddingBuckets {

    static final int TABLES = 20;
    static final int BITS = 6;
    private static final long SEED = 20261202L;
    private static volatile float[][] planes;

    private EmbeddingBuckets() {
    }

    /** One bucket id per table ({@code table << BITS | bits}); empty for a missing vector. */
    static int[] of(byte[] v) {
        if (v == null) {
            return new int[0];
        }
        float[][] p = planes(v.length);
        int[] out = new int[TABLES];
        for (int t = 0; t < TABLES; t++) {
            int bits = 0;
            for (int b = 0; b < BITS; b++) {
                float[] plane = p[t * BITS + b];
                double dot = 0;
                for (int i = 0; i < v.length; i++) {
                    dot += plane[i] * v[i];
                }
                bits = (bits << 1) | (dot >= 0 ? 1 : 0);
            }
            out[t] = (t << BITS) | bits;
        }
        return out;
    }

    private static float[][] planes(int dimensions) {
        float[][] p = planes;
        if (p == null || p[0].length != dimensions) {
            Random random = new Random(SEED);
            p = new float[TABLES * BITS][dimensions];
            for (float[] plane : p) {
                for (int i = 0; i < dimensions; i++) {
                    plane[i] = (float) random.nextGaussian();
                }
            }
            planes = p;
        }
        return p;
    }
}
