package dev.newswire.enrich.pipeline.entities;

import dev.newswire.enrich.pipeline.models.LibraryVersion;
import dev.newswire.enrich.pipeline.text.WordTypeCache;
import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ie.NERFeatureFactory;
import edu.stanford.nlp.sequences.FeatureFactory;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Stanford CoreNLP's CRF tagger called directly on our own (OpenNLP) tokens: no CoreNLP pipeline,
 * tokenizer or POS tagger, which is where most of CoreNLP's per-article time goes. The model
 * (english.conll.4class.distsim, trained on CoNLL-2003 eng.train) is unpacked from the CoreNLP
 * models jar at build time and loaded once (~2 s, ~300 MB heap).
 *
 * <p>Thread safety: a loaded {@link CRFClassifier} keeps no per-call state in {@code classify}
 * (CoreNLP's own multi-threaded NER annotator shares one instance across threads), and every call
 * here builds its own {@link CoreLabel} lists, so one instance serves all workers;
 * {@code CoreNlpEntityRecognizerTest} checks concurrent results against sequential ones.
 *
 * <p>Cost (issue 15), with labels identical to a stock classifier (checked token by token by
 * {@code CrfLabelIdentityTest} on the seeds and the NER quality slice; on all of CoNLL eng.testa and
 * 300 Reuters stories by {@code NerCostBench}; CRF CPU per article −28 to −30 %, docs/benchmarks/enrich-ner.md):
 * <ul>
 *   <li>CoreNLP's own per-word-type n-gram cache ({@code cacheNGrams}, off in the shipped model's
 *       settings) is switched on, in a {@link WordTypeCache} (thread-safe, at most
 *       {@value #NGRAM_CACHE_WORDS} word types) instead of the factory's plain {@code HashMap}: the
 *       prefix/suffix strings of a word are built once per word type, not once per token;</li>
 *   <li>the model's word function (Americanize), applied on every read of a word, is cached per word
 *       type;</li>
 *   <li>the feature index answers by 64-bit fingerprint ({@link FeatureFingerprints});</li>
 *   <li>a sentence that occurs twice in one call (one article) is classified once.</li>
 * </ul>
 */
public final class CoreNlpEntityRecognizer implements EntityRecognizer {

    public static final String MODEL = "edu/stanford/nlp/models/ner/english.conll.4class.distsim.crf.ser.gz";

    /** Word types kept in the n-gram cache; each holds ~10 short strings (~1 KB), so ~20 MB at most. */
    static final int NGRAM_CACHE_WORDS = 20_000;

    /** Word types kept in the word-function cache: a word and its normalised form, ~100 bytes. */
    static final int WORD_FUNCTION_CACHE_WORDS = 50_000;

    private final CRFClassifier<CoreLabel> crf;
    private final String component;

    public CoreNlpEntityRecognizer() {
        this(MODEL);
    }

    public CoreNlpEntityRecognizer(String model) {
        try {
            this.crf = CRFClassifier.getClassifier(model);
        } catch (Exception e) {
            throw new IllegalStateException("cannot load CoreNLP NER model " + model, e);
        }
        cacheNGramsPerWordType(crf);
        cacheWordFunction(crf);
        indexFeaturesByFingerprint(crf);
        String name = model.substring(model.lastIndexOf('/') + 1).replace(".crf.ser.gz", "");
        this.component = "corenlp-" + LibraryVersion.of("edu.stanford.nlp", "stanford-corenlp", CRFClassifier.class) + "/" + name;
    }

    /**
     * Turns on NERFeatureFactory's n-gram cache with a thread-safe bounded map in place of its
     * private {@code HashMap} (CoreNLP offers the cache as a flag but not the map; reflection is the
     * only way in, and the version is pinned). The cache holds exactly what the factory would compute,
     * so labels cannot change; if the field is not there the classifier simply runs uncached.
     */
    static boolean cacheNGramsPerWordType(CRFClassifier<CoreLabel> crf) {
        boolean installed = false;
        for (FeatureFactory<CoreLabel> factory : crf.featureFactories) {
            if (factory instanceof NERFeatureFactory) {
                try {
                    Field cache = NERFeatureFactory.class.getDeclaredField("wordToSubstrings");
                    cache.setAccessible(true);
                    cache.set(factory, new WordTypeCache<>(NGRAM_CACHE_WORDS));
                    installed = true;
                } catch (ReflectiveOperationException | RuntimeException e) {
                    return false;
                }
            }
        }
        if (installed) {
            crf.flags.cacheNGrams = true;
        }
        return installed;
    }

    /**
     * The model normalises every word it reads through its {@code wordFunction} (CoreNLP's
     * Americanize: a few map lookups and regular expressions), and the feature factory reads each
     * word many times: as the current word, as a neighbour, in the four-word windows either side, and
     * in the occurrence-pattern scan up to 150 words away for a capitalised word. The function is a pure
     * function of the word, so its answers are kept per word type ({@value #WORD_FUNCTION_CACHE_WORDS}
     * at most, ~100 bytes each).
     */
    static boolean cacheWordFunction(CRFClassifier<CoreLabel> crf) {
        Function<String, String> original = crf.flags.wordFunction;
        if (original == null || original instanceof CachedWordFunction) {
            return false;
        }
        crf.flags.wordFunction = new CachedWordFunction(original, WORD_FUNCTION_CACHE_WORDS);
        return true;
    }

    /** A pure word-to-word function with its answers kept per word type. */
    private static final class CachedWordFunction implements Function<String, String> {
        private final Function<String, String> original;
        private final WordTypeCache<String> answers;

        CachedWordFunction(Function<String, String> original, int maxWords) {
            this.original = original;
            this.answers = new WordTypeCache<>(maxWords);
        }

        @Override
        public String apply(String word) {
            if (word == null) {
                return original.apply(null);
            }
            String answer = answers.get(word);
            if (answer == null) {
                answer = original.apply(word);
                if (answer != null) {
                    answers.put(word, answer);
                }
            }
            return answer;
        }
    }

    /**
     * Puts a {@link FeatureFingerprints} in place of the classifier's feature index (a package-private
     * field: reflection again). Left as it is if the field is missing or two features collide.
     */
    @SuppressWarnings("unchecked")
    static boolean indexFeaturesByFingerprint(CRFClassifier<CoreLabel> crf) {
        try {
            Field field = CRFClassifier.class.getDeclaredField("featureIndex");
            field.setAccessible(true);
            FeatureFingerprints index = FeatureFingerprints.of((edu.stanford.nlp.util.Index<String>) field.get(crf));
            if (index == null) {
                return false;
            }
            field.set(crf, index);
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public List<List<String>> label(List<List<String>> sentences) {
        List<List<String>> out = new ArrayList<>(sentences.size());
        // The CRF labels each sentence on its own, so a repeat within the article gets the same labels.
        Map<List<String>, List<String>> done = new HashMap<>();
        for (List<String> words : sentences) {
            out.add(done.computeIfAbsent(words, this::labelSentence));
        }
        return out;
    }

    private List<String> labelSentence(List<String> words) {
        if (words.isEmpty()) {
            return List.of();
        }
        List<CoreLabel> tokens = new ArrayList<>(words.size());
        for (String w : words) {
            CoreLabel label = new CoreLabel();
            label.setWord(w);
            label.setValue(w);
            label.setOriginalText(w);
            tokens.add(label);
        }
        List<CoreLabel> tagged = crf.classifySentence(tokens);
        List<String> labels = new ArrayList<>(tagged.size());
        for (CoreLabel t : tagged) {
            String answer = t.get(CoreAnnotations.AnswerAnnotation.class);
            labels.add(answer == null || answer.equals(crf.backgroundSymbol()) ? OTHER : answer);
        }
        return labels;
    }

    @Override
    public String component() {
        return component;
    }
}
