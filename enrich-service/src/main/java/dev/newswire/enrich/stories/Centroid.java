package dev.newswire.enrich.stories;

/**
 * A story's bounded embedding centroid: the direction of its members' document embeddings (int8, as
 * {@link PendingEmbedding} carries them) and how many went into it, capped at {@value #MAX_WEIGHT} so
 * that a long story follows its recent reports rather than freezing on its first ones. A fixed 384
 * bytes per story however large the story grows. Every update is computed in the same order with
 * the same arithmetic on every instance, so replay gives the same bytes.
 */
final class Centroid {

    /** A story's centroid counts at most this many articles against a new one. */
    static final int MAX_WEIGHT = 20;

    private Centroid() {
    }

    /** {@code centroid} (of {@code weight} articles) plus one more embedding, as an int8 direction. */
    static byte[] add(byte[] centroid, int weight, byte[] embedding, int embeddingWeight) {
        if (embedding == null) {
            return centroid;
        }
        if (centroid == null || centroid.length != embedding.length || weight <= 0) {
            return embedding.clone();
        }
        double[] a = unit(centroid);
        double[] b = unit(embedding);
        int wa = Math.min(weight, MAX_WEIGHT);
        int wb = Math.min(Math.max(embeddingWeight, 1), MAX_WEIGHT);
        float[] sum = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            sum[i] = (float) (a[i] * wa + b[i] * wb);
        }
        return PendingEmbedding.encode(sum);
    }

    /** Weight after adding {@code more} articles (capped). */
    static int weight(int weight, int more) {
        return Math.min(MAX_WEIGHT, Math.max(weight, 0) + more);
    }

    private static double[] unit(byte[] v) {
        double norm = 0;
        for (byte x : v) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = norm == 0 ? 0 : v[i] / norm;
        }
        return out;
    }
}
