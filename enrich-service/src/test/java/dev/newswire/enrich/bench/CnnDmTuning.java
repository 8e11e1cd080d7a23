package dev.newswire.enrich.bench;

import dev.newswire.enrich.pipeline.summary.Summarizer;
import dev.newswire.enrich.pipeline.summary.SummaryCandidates;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newswire.enrich.pipeline.Document;
import dev.newswire.enrich.pipeline.Sentence;
import dev.newswire.enrich.pipeline.byline.TitleAndAuthorExtractor;
import dev.newswire.enrich.pipeline.clean.TextCleaner;
import dev.newswire.enrich.pipeline.models.BackgroundCorpus;
import dev.newswire.enrich.pipeline.language.LanguageDetector;
import dev.newswire.enrich.pipeline.sentences.SentenceSplitter;
import dev.newswire.model.RawArticle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Grid over the summarizer's weights on the DEV split of the CNN/DailyMail sample prepared by
 * {@code bench/quality/quality.py prepare} (bench-data/quality/cnndm.jsonl; never committed). TEST is
 * not read. Usage: java ... CnnDmTuning bench-data/quality/cnndm.jsonl
 */
public final class CnnDmTuning {

    private CnnDmTuning() {
    }

    public static void main(String[] args) throws Exception {
        ObjectMapper json = new ObjectMapper();
        TextCleaner clean = new TextCleaner();
        TitleAndAuthorExtractor byline = new TitleAndAuthorExtractor();
        LanguageDetector language = new LanguageDetector();
        SentenceSplitter sentences = new SentenceSplitter();
        List<Document> docs = new ArrayList<>();
        List<String> refs = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[0]))) {
            JsonNode n = json.readTree(line);
            if (!n.get("split").asText().equals("dev")) {
                continue;
            }
            RawArticle raw = new RawArticle(n.get("id").asText(), "bench", null, null, n.get("article").asText(),
                    RawArticle.TEXT_PLAIN, null, Instant.EPOCH, null);
            docs.add(sentences.apply(language.apply(byline.apply(clean.apply(Document.of(raw))))));
            refs.add(n.get("highlights").asText().replace('\n', ' '));
        }
        if (args.length > 1) {
            Summarizer s = new Summarizer(3, 60);
            for (int i = 0; i < Integer.parseInt(args[1]); i++) {
                Document d = docs.get(i);
                System.out.println("== blocks " + d.blocks().size() + " sentences " + d.sentences().size() + " prose " + d.proseSentences().size() + " title " + d.title());
                d.proseSentences().stream().limit(5).forEach(x -> System.out.println("  S: " + x.text()));
                System.out.println("  SUM: " + s.summarize(d.title(), SummaryCandidates.select(d.text(), d.blocks(), d.proseSentences(), d.title())));
                System.out.println("  REF: " + refs.get(i));
            }
            return;
        }
        for (int words : new int[] {45, 60, 75}) {
            for (double decay : new double[] {0.1, 0.5, 1.0, 2.0}) {
                for (double overflow : new double[] {0.0, 0.25, 0.5}) {
                    Summarizer.Weights w = new Summarizer.Weights(decay, 0, 0.5, overflow);
                    Summarizer s = new Summarizer(3, words, w, BackgroundCorpus.defaults());
                    double r1 = 0;
                    double lead = 0;
                    double len = 0;
                    for (int i = 0; i < docs.size(); i++) {
                        Document d = docs.get(i);
                        String summary = s.summarize(d.title(), SummaryCandidates.select(d.text(), d.blocks(), d.proseSentences(), d.title()));
                        summary = summary == null ? "" : summary;
                        r1 += Rouge.score(summary, refs.get(i)).r1();
                        len += summary.split("\\s+").length;
                        lead += Rouge.score(String.join(" ", d.proseSentences().stream().limit(3).map(Sentence::text).toList()), refs.get(i)).r1();
                    }
                    System.out.printf("words %d decay %.1f overflow %.2f: R1 %.4f (lead-3 of our sentences %.4f) mean %.0f words%n",
                            words, decay, overflow, r1 / docs.size(), lead / docs.size(), len / docs.size());
                }
            }
        }
    }
}
