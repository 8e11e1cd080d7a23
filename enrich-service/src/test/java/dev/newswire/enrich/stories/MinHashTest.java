package dev.newswire.enrich.stories;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The near-copy threshold on constructed pairs: every seed against copies of itself with k sentences
 * rewritten (a re-post, wire copy with edits) and against the other four seeds (five reports of the
 * same event: related, but not copies). Measured (3-shingles, 60 hashes): copies with 0-2 edited
 * sentences and the re-post estimate 0.85-1.00, other reports of the same event 0.00-0.03; the
 * threshold 0.5 sits between them with room on both sides (shorter texts lose more per edit).
 */
class MinHashTest {

    private static final double THRESHOLD = 0.5;
    private static final String EDIT = "This sentence was rewritten by another outlet with entirely different words number ";

    @Test
    void copiesWithUpToTwoEditedSentencesAreNearCopiesAndOtherReportsOfTheSameEventAreNot() throws Exception {
        List<String> seeds = new ArrayList<>();
        for (Path seed : StoryTestClients.seeds()) {
            seeds.add(Files.readString(seed));
        }
        List<Double> copies = new ArrayList<>();
        List<Double> others = new ArrayList<>();
        for (int i = 0; i < seeds.size(); i++) {
            int[] original = MinHash.signature(seeds.get(i));
            for (int edits = 0; edits <= 2; edits++) {
                copies.add(MinHash.similarity(original, MinHash.signature(edited(seeds.get(i), edits))));
            }
            copies.add(MinHash.similarity(original, MinHash.signature(StoryTestClients.reposted(seeds.get(i)))));
            for (int j = 0; j < seeds.size(); j++) {
                if (i != j) {
                    others.add(MinHash.similarity(original, MinHash.signature(seeds.get(j))));
                }
            }
        }
        System.out.printf("near copies: %s%nother reports: %s%n", copies, others);
        assertThat(copies).allSatisfy(s -> assertThat(s).isGreaterThanOrEqualTo(THRESHOLD + 0.1));
        assertThat(others).allSatisfy(s -> assertThat(s).isLessThan(THRESHOLD - 0.3));
    }

    @Test
    void theSignatureIgnoresCaseAndPunctuationAndIsStable() {
        String text = "The ministers met in Geneva on Monday for talks on a ceasefire, officials said.";
        assertThat(MinHash.signature(text.toUpperCase().replace(",", " ;")))
                .isEqualTo(MinHash.signature(text));
        // Fixed seeds: the same text has the same signature in every JVM and release (state stores keep them).
        assertThat(MinHash.signature(text)[0]).isEqualTo(MinHash.signature(new String(text))[0]);
        assertThat(MinHash.bands(MinHash.signature(text))).hasSize(MinHash.BANDS).doesNotHaveDuplicates();
    }

    @Test
    void tooShortTextsHaveNoSignature() {
        assertThat(MinHash.signature("Breaking news.")).isNull();
        assertThat(MinHash.signature(null)).isNull();
        assertThat(MinHash.signature("")).isNull();
    }

    @Test
    void sharingABandIsLikelyForNearCopiesOnly() {
        String a = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
                + "seventeen eighteen nineteen twenty twentyone twentytwo twentythree twentyfour";
        String b = a.replace("twelve", "dozen");
        String c = "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma tau";
        assertThat(MinHash.bands(MinHash.signature(a))).containsAnyElementsOf(MinHash.bands(MinHash.signature(b)));
        assertThat(MinHash.bands(MinHash.signature(a))).doesNotContainAnyElementsOf(MinHash.bands(MinHash.signature(c)));
    }

    /** The text with its first {@code edits} sentences after the lead replaced. */
    private static String edited(String text, int edits) {
        String[] sentences = text.split("(?<=[.!?])\\s+");
        for (int k = 0; k < edits; k++) {
            sentences[2 + 3 * k] = EDIT + k + ".";
        }
        return String.join(" ", sentences);
    }
    /** The signature is stored and compared across releases: it must stay FNV-1a of "w1 w2 w3 " per shingle. */
    @Test
    void signatureHashesEachShingleAsTheThreeWordsEachFollowedByASpace() throws Exception {
        for (Path seed : StoryTestClients.seeds()) {
            String text = Files.readString(seed);
            assertThat(MinHash.signature(text)).as(seed.toString()).isEqualTo(definitionSignature(text));
        }
        String accents = "Zürich café élan: the naïve façade of São Paulo's Ωmega index fell 3.5 % on Tuesday, "
                + "traders said, as the ĸ-ratio and the 東京 index rose again in late trading.";
        assertThat(MinHash.signature(accents)).isEqualTo(definitionSignature(accents));
    }

    private static int[] definitionSignature(String text) {
        List<String> words = MinHash.words(text);
        int[] signature = new int[MinHash.HASHES];
        java.util.Arrays.fill(signature, Integer.MAX_VALUE);
        long[] seeds = new java.util.SplittableRandom(0x5EED_11L).longs(MinHash.HASHES).toArray();
        for (int i = 0; i + MinHash.SHINGLE_WORDS <= words.size(); i++) {
            String shingle = String.join(" ", words.subList(i, i + MinHash.SHINGLE_WORDS)) + " ";
            long hash = 0xcbf29ce484222325L;
            for (int c = 0; c < shingle.length(); c++) {
                hash ^= shingle.charAt(c);
                hash *= 0x100000001b3L;
            }
            for (int h = 0; h < MinHash.HASHES; h++) {
                long z = hash ^ seeds[h];
                z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
                z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
                signature[h] = Math.min(signature[h], (int) ((z ^ (z >>> 31)) >>> 33));
            }
        }
        return signature;
    }
}
