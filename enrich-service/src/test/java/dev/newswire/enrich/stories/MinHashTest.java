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
}
