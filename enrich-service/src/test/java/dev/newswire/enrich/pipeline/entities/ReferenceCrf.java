package dev.newswire.enrich.pipeline.entities;

import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import java.util.ArrayList;
import java.util.List;

/**
 * The old NER path kept as the oracle of the label-identity checks: a CRFClassifier loaded with
 * the model's own settings, every sentence classified on its own, exactly as
 * {@code CoreNlpEntityRecognizer} did before its per-article and per-word caches.
 */
public final class ReferenceCrf implements EntityRecognizer {

    private final CRFClassifier<CoreLabel> crf;

    public ReferenceCrf() {
        this(false, false);
    }

    /** The old path with one or both of the new recognizer's classifier changes, for the bench. */
    public ReferenceCrf(boolean ngramCache, boolean fingerprints) {
        this(ngramCache, fingerprints, false);
    }

    public ReferenceCrf(boolean ngramCache, boolean fingerprints, boolean wordFunctionCache) {
        try {
            this.crf = CRFClassifier.getClassifier(CoreNlpEntityRecognizer.MODEL);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        if (ngramCache && !CoreNlpEntityRecognizer.cacheNGramsPerWordType(crf)
                || fingerprints && !CoreNlpEntityRecognizer.indexFeaturesByFingerprint(crf)
                || wordFunctionCache && !CoreNlpEntityRecognizer.cacheWordFunction(crf)) {
            throw new IllegalStateException("could not install the change");
        }
    }

    @Override
    public List<List<String>> label(List<List<String>> sentences) {
        List<List<String>> out = new ArrayList<>(sentences.size());
        for (List<String> words : sentences) {
            out.add(labelSentence(words));
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
        return "reference";
    }
}
