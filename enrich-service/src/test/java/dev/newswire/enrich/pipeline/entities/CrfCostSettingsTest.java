package dev.newswire.enrich.pipeline.entities;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newswire.enrich.pipeline.text.WordTypeCache;
import edu.stanford.nlp.ie.NERFeatureFactory;
import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.ling.CoreLabel;
import java.lang.reflect.Field;
import org.junit.jupiter.api.Test;

/**
 * The three classifier changes are really in place after loading (each falls back silently to the
 * stock behaviour if CoreNLP's internals move, which this test would catch on an upgrade), and the
 * caches stay within their bounds.
 */
class CrfCostSettingsTest {

    @Test
    void theLoadedClassifierCachesPerWordTypeAndLooksUpFeaturesByFingerprint() throws Exception {
        CRFClassifier<CoreLabel> crf = CRFClassifier.getClassifier(CoreNlpEntityRecognizer.MODEL);
        assertThat(crf.flags.cacheNGrams).isFalse();

        assertThat(CoreNlpEntityRecognizer.cacheNGramsPerWordType(crf)).isTrue();
        assertThat(CoreNlpEntityRecognizer.cacheWordFunction(crf)).isTrue();
        assertThat(CoreNlpEntityRecognizer.indexFeaturesByFingerprint(crf)).isTrue();

        assertThat(crf.flags.cacheNGrams).isTrue();
        Field ngrams = NERFeatureFactory.class.getDeclaredField("wordToSubstrings");
        ngrams.setAccessible(true);
        assertThat(ngrams.get(crf.featureFactories.get(0))).isInstanceOf(WordTypeCache.class);
        Field index = CRFClassifier.class.getDeclaredField("featureIndex");
        index.setAccessible(true);
        assertThat(index.get(crf)).isInstanceOf(FeatureFingerprints.class);
        // the cached word function answers as CoreNLP's Americanize does
        assertThat(crf.flags.wordFunction.apply("colour")).isEqualTo("color");
        assertThat(crf.flags.wordFunction.apply("colour")).isEqualTo("color");
        assertThat(crf.flags.wordFunction.apply("Paris")).isEqualTo("Paris");
        // installing twice changes nothing
        assertThat(CoreNlpEntityRecognizer.cacheWordFunction(crf)).isFalse();
    }

    @Test
    void aWordTypeCacheNeverHoldsMoreThanItsBound() {
        WordTypeCache<Integer> cache = new WordTypeCache<>(100);
        for (int i = 0; i < 1_000; i++) {
            cache.put("w" + i, i);
            assertThat(cache.size()).isLessThanOrEqualTo(100);
        }
        assertThat(cache.get("w999")).isEqualTo(999);
    }
}
