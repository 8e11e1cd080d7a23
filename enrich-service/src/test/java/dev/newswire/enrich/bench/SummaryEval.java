package dev.newswire.enrich.bench;

import dev.newswire.enrich.pipeline.summary.Summarizer;
import dev.newswire.enrich.pipeline.summary.SummaryCandidates;
import dev.newswire.enrich.pipeline.Document;
import dev.newswire.enrich.pipeline.Sentence;
import dev.newswire.enrich.pipeline.byline.TitleAndAuthorExtractor;
import dev.newswire.enrich.pipeline.clean.TextCleaner;
import dev.newswire.enrich.pipeline.models.BackgroundCorpus;
import dev.newswire.enrich.pipeline.language.LanguageDetector;
import dev.newswire.enrich.pipeline.sentences.SentenceSplitter;
import dev.newswire.model.RawArticle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Summary quality against Lead-3 on the public "BBC News Summary" set (2,225 BBC articles, each with
 * a reference summary of sentences chosen from it), copied under /work/data (never committed).
 * Articles are split by a stable hash of their path into DEV (weights are tuned there with
 * {@code --fit}) and TEST (reported). Both systems see the same cleaned sentences from stages 1-4.
 * Run with bench/enrich/summary-eval.sh.
 */
public final class SummaryEval {

    record Item(String title, List<Sentence> candidates, List<Sentence> all, String reference, boolean test) {
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 && !args[0].startsWith("--") ? args[0] : "/work/data/bbc-summary/BBC News Summary");
        boolean fit = List.of(args).contains("--fit");
        TextCleaner clean = new TextCleaner();
        TitleAndAuthorExtractor byline = new TitleAndAuthorExtractor();
        LanguageDetector language = new LanguageDetector();
        SentenceSplitter sentences = new SentenceSplitter();
        List<Item> items = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.walk(root.resolve("News Articles"))) {
            files = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        for (Path file : files) {
            String rel = root.resolve("News Articles").relativize(file).toString();
            String[] lines = Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1).split("\n", 2);
            String reference = Files.readString(root.resolve("Summaries").resolve(rel), java.nio.charset.StandardCharsets.ISO_8859_1);
            RawArticle raw = new RawArticle(rel, "bbc", null, lines[0].strip(), lines.length > 1 ? lines[1] : "", RawArticle.TEXT_PLAIN,
                    null, Instant.EPOCH, null);
            Document d = sentences.apply(language.apply(byline.apply(clean.apply(Document.of(raw)))));
            if (d.sentences().size() < 4) {
                continue;
            }
            List<Sentence> candidates = SummaryCandidates.select(d.text(), d.blocks(), d.sentences(), d.title());
            items.add(new Item(d.title(), candidates, d.sentences(), reference, Math.floorMod(rel.hashCode(), 2) == 1));
        }
        long test = items.stream().filter(Item::test).count();
        System.out.printf("corpus %s: %d articles, %d dev, %d test%n", root, items.size(), items.size() - test, test);

        Summarizer.Weights weights = Summarizer.Weights.DEFAULT;
        if (fit) {
            double best = -1;
            // The issue asks for a lead-position prior: decay 0 (none) is left out of the grid.
            for (double decay : new double[] {0.1, 0.2, 0.35, 0.5}) {
                for (double title : new double[] {0, 1}) {
                    // 0.7 scored 0.1 ROUGE-1 higher on DEV but let near-duplicate sentences into seed 004's summary
                    for (double sim : new double[] {0.5}) {
                        Summarizer.Weights w = new Summarizer.Weights(decay, title, sim, Summarizer.Weights.DEFAULT.overflow());
                        Rouge.Scores dev = run(items, false, w)[1];
                        double r = dev.r1() + dev.r2();
                        System.out.printf("  DEV %s: R1 %.2f R2 %.2f%n", w, 100 * dev.r1(), 100 * dev.r2());
                        if (r > best) {
                            best = r;
                            weights = w;
                            System.out.printf("  DEV best so far %s: R1+R2 %.4f%n", w, r);
                        }
                    }
                }
            }
        }
        Rouge.Scores[] result = run(items, true, weights);
        System.out.printf("TEST (%d articles), weights %s%n", test, weights);
        print("Lead-3", result[0]);
        print("Summarizer", result[1]);
        quickTake(Path.of("../seeds/004_8bbeadb7ac7fca71.txt"), clean, byline, language, sentences, weights);
    }

    /** Seed 004 has editor-style "Quick Take" bullets: score against them with that block removed from the input. */
    private static void quickTake(Path seed, TextCleaner clean, TitleAndAuthorExtractor byline, LanguageDetector language,
                                  SentenceSplitter sentences, Summarizer.Weights weights) throws IOException {
        if (!Files.exists(seed)) {
            return;
        }
        StringBuilder body = new StringBuilder();
        StringBuilder reference = new StringBuilder();
        for (String line : Files.readAllLines(seed)) {
            String t = line.strip();
            if (t.startsWith("•")) {
                reference.append(t.substring(1).strip()).append(' ');
            } else if (!t.equals("Quick Take") && !t.startsWith("Summary is AI generated")) {
                body.append(line).append('\n');
            }
        }
        RawArticle raw = new RawArticle("004", "seed", null, null, body.toString(), RawArticle.TEXT_PLAIN, null, Instant.EPOCH, null);
        Document d = sentences.apply(language.apply(byline.apply(clean.apply(Document.of(raw)))));
        String lead3 = String.join(" ", d.sentences().stream().limit(3).map(Sentence::text).toList());
        String summary = new Summarizer(3, Summarizer.DEFAULT_WORDS, weights, BackgroundCorpus.defaults())
                .summarize(d.title(), SummaryCandidates.select(d.text(), d.blocks(), d.sentences(), d.title()));
        System.out.println("Seed 004 against its Quick Take bullets (block removed from the input):");
        print("Lead-3", Rouge.score(lead3, reference.toString()));
        print("Summarizer", Rouge.score(summary, reference.toString()));
        System.out.println("  summary: " + summary);
    }

    private static void print(String name, Rouge.Scores s) {
        System.out.printf("  %-11s ROUGE-1 F %.2f  ROUGE-2 F %.2f  ROUGE-L F %.2f%n", name, 100 * s.r1(), 100 * s.r2(), 100 * s.rl());
    }

    /** Mean ROUGE of Lead-3 and of the summarizer over one split. */
    static Rouge.Scores[] run(List<Item> items, boolean test, Summarizer.Weights weights) {
        Summarizer summarizer = new Summarizer(3, Summarizer.DEFAULT_WORDS, weights, BackgroundCorpus.defaults());
        double[] lead = new double[3];
        double[] ours = new double[3];
        int n = 0;
        for (Item item : items) {
            if (item.test() != test) {
                continue;
            }
            n++;
            String lead3 = String.join(" ", item.all().stream().limit(3).map(Sentence::text).toList());
            String summary = summarizer.summarize(item.title(), item.candidates());
            add(lead, Rouge.score(lead3, item.reference()));
            add(ours, Rouge.score(summary == null ? "" : summary, item.reference()));
        }
        return new Rouge.Scores[] {new Rouge.Scores(lead[0] / n, lead[1] / n, lead[2] / n), new Rouge.Scores(ours[0] / n, ours[1] / n, ours[2] / n)};
    }

    private static void add(double[] acc, Rouge.Scores s) {
        acc[0] += s.r1();
        acc[1] += s.r2();
        acc[2] += s.rl();
    }
}
