package dev.newswire.enrich.pipeline.entities;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newswire.enrich.pipeline.Document;
import dev.newswire.enrich.pipeline.Sentence;
import dev.newswire.enrich.pipeline.Token;
import dev.newswire.enrich.pipeline.clean.SeedArticles;
import dev.newswire.model.RawArticle;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class CoreNlpEntityRecognizerTest {

    @Test
    void labelsNamesOnGivenTokens() {
        EntityRecognizer crf = new CoreNlpEntityRecognizer();
        List<List<String>> labels = crf.label(List.of(List.of("Angela", "Merkel", "visited", "Paris", "with", "officials", "of", "Siemens", ".")));
        assertThat(labels.get(0)).containsExactly("PERSON", "PERSON", "O", "LOCATION", "O", "O", "O", "ORGANIZATION", "O");
        assertThat(crf.component()).startsWith("corenlp-").contains("english.conll.4class.distsim");
    }

    /** One shared classifier used from several threads gives the same labels as one thread. */
    @Test
    void oneInstanceIsSafeAcrossThreads() throws Exception {
        EntityRecognizer crf = new CoreNlpEntityRecognizer();
        List<List<List<String>>> articles = new ArrayList<>();
        for (RawArticle raw : SeedArticles.all()) {
            Document d = EnglishStages.run(raw);
            articles.add(d.sentences().stream().map(Sentence::tokens).map(ts -> ts.stream().map(Token::text).toList()).toList());
        }
        List<List<List<String>>> sequential = new ArrayList<>();
        for (List<List<String>> a : articles) {
            sequential.add(crf.label(a));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<List<String>>>> futures = new ArrayList<>();
            for (int round = 0; round < 4; round++) {
                for (List<List<String>> a : articles) {
                    futures.add(pool.submit(() -> crf.label(a)));
                }
            }
            for (int i = 0; i < futures.size(); i++) {
                assertThat(futures.get(i).get()).isEqualTo(sequential.get(i % articles.size()));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
