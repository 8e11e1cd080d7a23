package dev.newswire.enrich.pipeline.entities;

import dev.newswire.enrich.pipeline.Document;
import dev.newswire.enrich.pipeline.Pipeline;
import dev.newswire.enrich.pipeline.Stage;
import dev.newswire.enrich.pipeline.byline.TitleAndAuthorExtractor;
import dev.newswire.enrich.pipeline.clean.TextCleaner;
import dev.newswire.enrich.pipeline.language.LanguageDetector;
import dev.newswire.enrich.pipeline.sentences.SentenceSplitter;
import dev.newswire.model.RawArticle;
import java.util.List;

/** Stages 1-5 built once per test JVM: the models take seconds to load and are thread-safe. */
public final class EnglishStages {

    private static List<Stage> stages;

    private EnglishStages() {
    }

    public static synchronized List<Stage> stages() {
        if (stages == null) {
            stages = List.of(new TextCleaner(), new TitleAndAuthorExtractor(), new LanguageDetector(), new SentenceSplitter(), new EntityExtractor());
        }
        return stages;
    }

    public static Document run(RawArticle raw) {
        // through Pipeline, which applies the English-only guard of stages 4-5
        return new Pipeline(stages()).run(raw);
    }
}
