package dev.newswire.enrich.pipeline.entities;

import dev.newswire.enrich.pipeline.models.LibraryVersion;
import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import java.util.ArrayList;
import java.util.List;

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
 */
public final class CoreNlpEntityRecognizer implements EntityRecognizer {

    public static final String MODEL = "edu/stanford/nlp/models/ner/english.conll.4class.distsim.crf.ser.gz";

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
        String name = model.substring(model.lastIndexOf('/') + 1).replace(".crf.ser.gz", "");
        this.component = "corenlp-" + LibraryVersion.of("edu.stanford.nlp", "stanford-corenlp", CRFClassifier.class) + "/" + name;
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
        return component;
    }
}
