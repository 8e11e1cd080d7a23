package dev.newswire.enrich.stories;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * MinHash signatures over word shingles, and the LSH bands that find candidate near-copies without
 * comparing every pair. Written here rather than taken from a library: it is ~80 lines, the Java
 * MinHash/LSH libraries (e.g. tdebatty java-LSH) are unmaintained, and the signature must be
 * identical on every instance and release (fixed seeds, own 64-bit string hash, never
 * {@code String.hashCode} or a library's random seeding), because signatures live in a state store
 * and are compared across restarts.
 *
 * <p>Shingles are {@value #SHINGLE_WORDS} consecutive lower-cased words of the clean text (the
 * title is left out: a re-post with a new headline is still a copy). {@value #HASHES} hashes in
 * {@value #BANDS} bands of {@value #ROWS} rows: two texts with Jaccard similarity J share a band
 * with probability 1 - (1 - J^3)^20, 0.99 at J = 0.6 and 0.42 at J = 0.3; candidates are then
 * checked against the full signature.
 */
final class MinHash {

    static final int SHINGLE_WORDS = 3;
    static final int ROWS = 3;
    static final int BANDS = 20;
    static final int HASHES = ROWS * BANDS;
    /** Fewer shingles than this and a text is too short to call anything a copy of it. */
    static final int MIN_SHINGLES = 8;

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    private static final long[] SEEDS = new SplittableRandom(0x5EED_11L).longs(HASHES).toArray();

    private MinHash() {
    }

    /** The signature of a text, or null when it is too short to have one. */
    static int[] signature(String text) {
        List<String> words = words(text);
        int shingles = words.size() - SHINGLE_WORDS + 1;
        if (shingles < MIN_SHINGLES) {
            return null;
        }
        int[] signature = new int[HASHES];
        java.util.Arrays.fill(signature, Integer.MAX_VALUE);
        for (int i = 0; i < shingles; i++) {
            // FNV-1a of "w1 w2 w3 " (each word followed by a space), hashed word by word without building the string.
            long hash = FNV_OFFSET;
            for (int w = 0; w < SHINGLE_WORDS; w++) {
                hash = fnv1a64(hash, words.get(i + w));
                hash = (hash ^ ' ') * FNV_PRIME;
            }
            for (int h = 0; h < HASHES; h++) {
                int value = (int) (mix64(hash ^ SEEDS[h]) >>> 33);
                if (value < signature[h]) {
                    signature[h] = value;
                }
            }
        }
        return signature;
    }

    /** Estimated Jaccard similarity of the two shingle sets: the fraction of equal minima. */
    static double similarity(int[] a, int[] b) {
        int equal = 0;
        for (int h = 0; h < HASHES; h++) {
            if (a[h] == b[h]) {
                equal++;
            }
        }
        return (double) equal / HASHES;
    }

    /** One key per band: texts that share any band key are candidate near-copies. */
    static List<String> bands(int[] signature) {
        long[] hashes = bandHashes(signature);
        List<String> keys = new ArrayList<>(BANDS);
        for (int band = 0; band < BANDS; band++) {
            keys.add(band + ":" + Long.toHexString(hashes[band]));
        }
        return keys;
    }

    /** The band keys as numbers: band {@code b}'s key is {@code b} and {@code bandHashes[b]}. */
    static long[] bandHashes(int[] signature) {
        long[] hashes = new long[BANDS];
        for (int band = 0; band < BANDS; band++) {
            long hash = band;
            for (int row = 0; row < ROWS; row++) {
                hash = mix64(hash * 31 + signature[band * ROWS + row]);
            }
            hashes[band] = hash;
        }
        return hashes;
    }

    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        if (text == null) {
            return words;
        }
        StringBuilder word = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (Character.isLetterOrDigit(c)) {
                word.appendCodePoint(c);
            } else if (word.length() > 0) {
                words.add(word.toString().toLowerCase(Locale.ROOT));
                word.setLength(0);
            }
        });
        if (word.length() > 0) {
            words.add(word.toString().toLowerCase(Locale.ROOT));
        }
        return words;
    }

    /** FNV-1a over the string's UTF-16 chars, continuing from {@code hash}. */
    private static long fnv1a64(long hash, String s) {
        long h = hash;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= FNV_PRIME;
        }
        return h;
    }

    /** SplitMix64's finaliser: spreads every input bit over the output. */
    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
