package dev.newswire.enrich.pipeline.entities;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newswire.enrich.pipeline.Pipeline;
import dev.newswire.enrich.pipeline.Stage;
import dev.newswire.model.NewsJson;
import dev.newswire.model.RawArticle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the entity stage hands its {@link EntityRecognizer} for each article: every {@code label}
 * call (the sentences as the CRF sees them, and the Title Case lines as written), in order. Lets a
 * test or bench run two recognizers on exactly the service's input without the rest of stage 5.
 */
public final class NerInputs {

    /** One article: the token lists of each {@code label} call the entity stage made. */
    public record Article(List<List<List<String>>> calls) {
        public int sentences() {
            return calls.stream().mapToInt(List::size).sum();
        }

        public int tokens() {
            return calls.stream().flatMap(List::stream).mapToInt(List::size).sum();
        }
    }

    private NerInputs() {
    }

    /** Runs stages 1-5 on each article with a recording recognizer in front of {@code recognizer}. */
    public static List<Article> of(List<RawArticle> articles, EntityRecognizer recognizer) {
        Recording recording = new Recording(recognizer);
        List<Stage> stages = new ArrayList<>(EnglishStages.stages().subList(0, 4));
        stages.add(new EntityExtractor(recording, AliasTable.defaults()));
        Pipeline pipeline = new Pipeline(stages);
        List<Article> out = new ArrayList<>();
        for (RawArticle raw : articles) {
            recording.calls = new ArrayList<>();
            pipeline.run(raw);
            out.add(new Article(List.copyOf(recording.calls)));
        }
        return out;
    }

    /**
     * CoNLL-2003 documents from the quality harness's {@code conll-<split>.jsonl}
     * ({@code {"id","lines":[...]}}), posted as the harness posts them: text/plain, one line each.
     */
    public static List<RawArticle> conll(Path jsonl) throws IOException {
        List<RawArticle> out = new ArrayList<>();
        for (String line : Files.readAllLines(jsonl)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode doc = NewsJson.mapper().readTree(line);
            List<String> lines = new ArrayList<>();
            doc.get("lines").forEach(l -> lines.add(l.asText()));
            out.add(plain(doc.get("id").asText(), null, String.join("\n", lines)));
        }
        return out;
    }

    /** The harness's NER slice of {@code QualityGateTest} ({@code {"title","body",...}} lines). */
    public static List<RawArticle> slice(Path jsonl) throws IOException {
        List<RawArticle> out = new ArrayList<>();
        int i = 0;
        for (String line : Files.readAllLines(jsonl)) {
            if (!line.isBlank()) {
                JsonNode doc = NewsJson.mapper().readTree(line);
                String title = doc.hasNonNull("title") ? doc.get("title").asText() : null;
                out.add(plain("slice-" + i++, title, doc.get("body").asText()));
            }
        }
        return out;
    }

    public static RawArticle plain(String id, String title, String body) {
        return new RawArticle(id, "ner-inputs", null, title, body, RawArticle.TEXT_PLAIN, null, Instant.EPOCH, null);
    }

    private static final class Recording implements EntityRecognizer {
        private final EntityRecognizer delegate;
        private List<List<List<String>>> calls = new ArrayList<>();

        Recording(EntityRecognizer delegate) {
            this.delegate = delegate;
        }

        @Override
        public List<List<String>> label(List<List<String>> sentences) {
            calls.add(sentences.stream().map(List::copyOf).toList());
            return delegate.label(sentences);
        }

        @Override
        public String component() {
            return delegate.component();
        }
    }
}
