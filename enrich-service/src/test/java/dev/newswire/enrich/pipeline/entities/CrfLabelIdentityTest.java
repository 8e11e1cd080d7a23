package dev.newswire.enrich.pipeline.entities;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newswire.enrich.pipeline.clean.SeedArticles;
import dev.newswire.model.RawArticle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The cheaper NER path (n-gram and word-function caches, fingerprint feature lookups, repeats
 * classified once) must give exactly the labels of a stock CRFClassifier, token by token, on what
 * the entity stage really sends it: the seeds and the NER quality slice of {@code QualityGateTest}.
 * (All of CoNLL eng.testa DEV and 300 Reuters stories: {@code NerCostBench}, 0 labels differing.)
 */
class CrfLabelIdentityTest {

    private static final Path SLICE = Path.of("src/test/resources/quality/ner.jsonl");

    @Test
    void everyLabelIsTheStockClassifiersOnTheSeedsAndTheQualitySlice() throws Exception {
        List<RawArticle> corpus = new ArrayList<>(SeedArticles.all());
        corpus.addAll(NerInputs.slice(SLICE));
        ReferenceCrf stock = new ReferenceCrf();
        CoreNlpEntityRecognizer cheaper = new CoreNlpEntityRecognizer();
        List<NerInputs.Article> articles = NerInputs.of(corpus, stock);
        assertThat(articles.stream().mapToInt(NerInputs.Article::tokens).sum()).isGreaterThan(4_000);

        // twice: the second pass runs on warm caches, where a wrong cached value would show
        for (int pass = 0; pass < 2; pass++) {
            int labels = 0;
            for (NerInputs.Article article : articles) {
                for (List<List<String>> call : article.calls()) {
                    List<List<String>> expected = stock.label(call);
                    assertThat(cheaper.label(call)).isEqualTo(expected);
                    labels += expected.stream().mapToInt(List::size).sum();
                }
            }
            assertThat(labels).isEqualTo(articles.stream().mapToInt(NerInputs.Article::tokens).sum());
        }
        assertThat(Files.exists(SLICE)).isTrue();
    }

    @Test
    void aSentenceRepeatedInOneCallGetsTheSameLabelsAsAlone() {
        CoreNlpEntityRecognizer cheaper = new CoreNlpEntityRecognizer();
        List<String> s = List.of("Reuters", "reported", "from", "Paris", ".");
        List<String> t = List.of("Angela", "Merkel", "met", "Siemens", "staff", ".");
        List<List<String>> labels = cheaper.label(List.of(s, t, s));
        assertThat(labels.get(0)).isEqualTo(labels.get(2)).isEqualTo(cheaper.label(List.of(s)).get(0));
        assertThat(labels.get(1)).isEqualTo(new ReferenceCrf().label(List.of(t)).get(0));
    }
}
