package dev.newswire.enrich.stories;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The buckets are part of the stored state's meaning (which stories an article is compared with), so
 * a faster way to compute them must give the same bits: here against the definition, one hyperplane
 * at a time, each dot product summed in double over the components in order.
 */
class EmbeddingBucketsTest {

    @Test
    void givesTheBucketsOfThePlaneByPlaneDefinition() {
        SplittableRandom random = new SplittableRandom(11);
        for (int dimensions : new int[] {8, 64, 384, 385}) {
            float[][] planes = definitionPlanes(dimensions);
            for (int n = 0; n < 300; n++) {
                byte[] v = new byte[dimensions];
                // Mostly small components, as int8 embeddings are, so that many dot products sit near 0.
                int spread = n % 3 == 0 ? 256 : 5;
                for (int i = 0; i < dimensions; i++) {
                    v[i] = (byte) (random.nextInt(spread) - spread / 2);
                }
                assertThat(EmbeddingBuckets.of(v)).as("%d dimensions, vector %d", dimensions, n).isEqualTo(definition(planes, v));
            }
            assertThat(EmbeddingBuckets.of(new byte[dimensions])).isEqualTo(definition(planes, new byte[dimensions]));
        }
        assertThat(EmbeddingBuckets.of(null)).isEmpty();
    }

    private static int[] definition(float[][] planes, byte[] v) {
        int[] out = new int[EmbeddingBuckets.TABLES];
        for (int t = 0; t < EmbeddingBuckets.TABLES; t++) {
            int bits = 0;
            for (int b = 0; b < EmbeddingBuckets.BITS; b++) {
                float[] plane = planes[t * EmbeddingBuckets.BITS + b];
                double dot = 0;
                for (int i = 0; i < v.length; i++) {
                    dot += plane[i] * v[i];
                }
                bits = (bits << 1) | (dot >= 0 ? 1 : 0);
            }
            out[t] = (t << EmbeddingBuckets.BITS) | bits;
        }
        return out;
    }

    /** The hyperplanes as the class documents them: seed 20261202, plane after plane, nextGaussian as float. */
    private static float[][] definitionPlanes(int dimensions) {
        Random random = new Random(20261202L);
        float[][] planes = new float[EmbeddingBuckets.TABLES * EmbeddingBuckets.BITS][dimensions];
        for (float[] plane : planes) {
            for (int i = 0; i < dimensions; i++) {
                plane[i] = (float) random.nextGaussian();
            }
        }
        return planes;
    }
}
