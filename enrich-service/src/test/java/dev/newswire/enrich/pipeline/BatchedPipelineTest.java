package dev.newswire.enrich.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newswire.enrich.pipeline.models.ComputeSlots;
import dev.newswire.enrich.pipeline.models.SentenceEmbedder;
import dev.newswire.enrich.pipeline.tags.TopicTagger;
import dev.newswire.model.RawArticle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The standard pipeline as the service runs it: one MiniLM embedding per article, and articles
 * enriched concurrently with shared MiniLM batches in two compute slots come out exactly as
 * enriched one at a time without batching.
 */
class BatchedPipelineTest {

    private static SentenceEmbedder embedder;
    private static Pipeline pipeline;
    private static List<RawArticle> articles;

    @BeforeAll
    static void load() throws Exception {
        embedder = new SentenceEmbedder();
        pipeline = Pipeline.standard(embedder, Pipeline.Settings.DEFAULTS);
        articles = new ArrayList<>();
        for (Path seed : Seeds.all()) {
            articles.add(raw(Files.readString(seed), null));
        }
        articles.add(raw("Wheat futures rose 3 cents on the Chicago Board of Trade as export demand from Egypt picked up, "
                + "traders said. Corn and soybeans ended mixed after the USDA crop report.", "Wheat rises on Egypt demand"));
        articles.add(raw("The Bank of England kept its key rate unchanged on Thursday, saying inflation was still too high "
                + "to cut borrowing costs.", "BANK OF ENGLAND LEAVES RATES UNCHANGED"));
        articles.add(raw("Der Bundestag hat am Donnerstag das neue Gesetz beschlossen, teilte die Regierung in Berlin mit.", null));
    }

    @Test
    void eachEnglishArticleCostsOneEmbedding() {
        for (RawArticle article : articles) {
            long before = embedder.calls();
            Document out = pipeline.run(article);
            assertThat(embedder.calls() - before).as("embeddings for %s", out.title())
                    .isEqualTo(out.isEnglish() ? 1 : 0);
        }
    }

    @Test
    void concurrentArticlesWithSharedBatchesComeOutAsOneAtATime() throws Exception {
        List<Document> alone = articles.stream().map(pipeline::run).toList();

        ComputeSlots slots = new ComputeSlots(2);
        SentenceEmbedder batching = embedder.batching(8, Duration.ofMillis(50), slots);
        List<Stage> stages = new ArrayList<>();
        for (Stage s : pipeline.stages()) {
            stages.add(s instanceof TopicTagger ? new TopicTagger(batching, TopicTagger.DEFAULT_THRESHOLD, 5) : s);
        }
        Pipeline batched = new Pipeline(stages);
        ExecutorService pool = Executors.newFixedThreadPool(articles.size());
        try {
            List<Future<Document>> together = new ArrayList<>();
            for (RawArticle article : articles) {
                together.add(pool.submit(() -> slots.compute(() -> batched.run(article))));
            }
            for (int i = 0; i < articles.size(); i++) {
                Document b = together.get(i).get();
                Document a = alone.get(i);
                // int8 activations are quantised per batch (MiniLmBatchTest): tag scores move by up
                // to ~0.07, so tags near the threshold may come or go; the best tag stays.
                if (!a.tags().isEmpty()) {
                    assertThat(b.tags()).as("tags of article %d", i).isNotEmpty();
                    assertThat(b.tags().get(0).id()).as("best tag of article %d", i).isEqualTo(a.tags().get(0).id());
                }
                assertThat(b.entities()).as("entities of article %d", i).isEqualTo(a.entities());
                assertThat(b.keyphrases()).as("keyphrases of article %d", i).isEqualTo(a.keyphrases());
                assertThat(b.summary()).as("summary of article %d", i).isEqualTo(a.summary());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(slots.available()).isEqualTo(2);
    }

    private static RawArticle raw(String body, String title) {
        return new RawArticle(dev.newswire.model.ArticleIds.of(null, body), "test", null, title, body, RawArticle.TEXT_PLAIN,
                null, Instant.EPOCH, null);
    }
}
