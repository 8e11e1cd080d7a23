package dev.newswire.enrich.bench;

import dev.newswire.enrich.pipeline.clean.SeedArticles;
import dev.newswire.enrich.pipeline.entities.CoreNlpEntityRecognizer;
import dev.newswire.enrich.pipeline.entities.EntityRecognizer;
import dev.newswire.enrich.pipeline.entities.NerInputs;
import dev.newswire.enrich.pipeline.entities.ReferenceCrf;
import dev.newswire.model.RawArticle;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * NER cost, old path against new, on the same sentences in the same minute: the token lists the
 * entity stage hands its recognizer (recorded once through stages 1-5), labelled by the old path
 * ({@link ReferenceCrf}: a stock CRFClassifier, one sentence at a time) and by
 * {@link CoreNlpEntityRecognizer}, in alternating rounds on one thread. Prints CPU ms per article
 * for each, and how many labels differ (must be 0). {@code -Dbench.variant=ngrams|fingerprints|wordfunction} times
 * the old path with only that one change instead of the whole new recognizer; {@code =none} is an A/A
 * run (both sides the old path) that shows the bench's own bias.
 *
 * <p>Usage: {@code NerCostBench CORPUS [rounds]}, CORPUS one of {@code seeds},
 * {@code reuters:DIR:COUNT} (Reuters-21578 JSON, as PipelineBench), {@code conll:FILE} (the quality
 * harness's conll-dev.jsonl), {@code slice:FILE}, {@code txt:DIR}.
 */
public final class NerCostBench {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 6;
        List<RawArticle> raw = corpus(args[0]);
        ReferenceCrf old = new ReferenceCrf();
        String variant = System.getProperty("bench.variant", "all");
        EntityRecognizer now = switch (variant) {
            case "all" -> new CoreNlpEntityRecognizer();
            case "none" -> new ReferenceCrf();
            case "ngrams" -> new ReferenceCrf(true, false);
            case "fingerprints" -> new ReferenceCrf(false, true);
            case "wordfunction" -> new ReferenceCrf(false, false, true);
            default -> throw new IllegalArgumentException("bench.variant " + variant);
        };
        System.out.println("new side: " + variant);
        List<NerInputs.Article> articles = NerInputs.of(raw, old);
        long sentences = articles.stream().mapToLong(NerInputs.Article::sentences).sum();
        long tokens = articles.stream().mapToLong(NerInputs.Article::tokens).sum();
        System.out.printf(Locale.ROOT, "%s: %d articles, %d sentences, %d tokens to the recognizer (%.0f per article)%n",
                args[0], articles.size(), sentences, tokens, tokens / (double) articles.size());
        stats(articles);
        long[] differing = {0, 0};
        double[] cpu = {0, 0};
        int measured = 0;
        for (int round = 0; round < rounds; round++) {
            boolean warm = round >= 2;
            // alternate which goes first so neither always runs on the other's warm caches
            EntityRecognizer[] order = round % 2 == 0 ? new EntityRecognizer[] {old, now} : new EntityRecognizer[] {now, old};
            for (EntityRecognizer r : order) {
                long c0 = THREADS.getCurrentThreadCpuTime();
                List<List<List<List<String>>>> labels = run(r, articles);
                long c = THREADS.getCurrentThreadCpuTime() - c0;
                if (warm) {
                    cpu[r == old ? 0 : 1] += c;
                }
                if (r == now) {
                    long[] d = compare(run(old, articles), labels);
                    differing[0] += d[0];
                    differing[1] += d[1];
                }
            }
            if (warm) {
                measured++;
            }
        }
        double oldMs = cpu[0] / 1e6 / measured / articles.size();
        double newMs = cpu[1] / 1e6 / measured / articles.size();
        System.out.printf(Locale.ROOT, "CRF CPU ms/article (1 thread, %d measured rounds after 2): old %.2f, new %.2f (%+.1f %%); "
                + "labels differing %d of %d [load average %s]%n",
                measured, oldMs, newMs, 100 * (newMs - oldMs) / oldMs, differing[0], differing[1], ProcessCpu.loadAverage());
    }

    /** Where repeats and name-free sentences are: what a sentence cache or a skip rule could save. */
    private static void stats(List<NerInputs.Article> articles) {
        java.util.Set<List<String>> seen = new java.util.HashSet<>();
        long second = 0;
        long secondTokens = 0;
        long withinRepeats = 0;
        long acrossRepeats = 0;
        long acrossTokens = 0;
        long noUpper = 0;
        long noUpperTokens = 0;
        long all = 0;
        long allTokens = 0;
        for (NerInputs.Article a : articles) {
            java.util.Set<List<String>> here = new java.util.HashSet<>();
            for (int c = 0; c < a.calls().size(); c++) {
                for (List<String> s : a.calls().get(c)) {
                    all++;
                    allTokens += s.size();
                    if (c > 0) {
                        second++;
                        secondTokens += s.size();
                    }
                    if (!here.add(s)) {
                        withinRepeats++;
                    } else if (seen.contains(s)) {
                        acrossRepeats++;
                        acrossTokens += s.size();
                    }
                    if (s.stream().noneMatch(w -> w.chars().anyMatch(Character::isUpperCase))) {
                        noUpper++;
                        noUpperTokens += s.size();
                    }
                }
            }
            seen.addAll(here);
        }
        System.out.printf(Locale.ROOT, "sentences %d (%d tokens): in the as-written call %d (%d tokens); repeated within an article %d; "
                + "seen in an earlier article %d (%d tokens); without an upper-case letter %d (%d tokens)%n",
                all, allTokens, second, secondTokens, withinRepeats, acrossRepeats, acrossTokens, noUpper, noUpperTokens);
    }

    private static List<List<List<List<String>>>> run(EntityRecognizer r, List<NerInputs.Article> articles) {
        List<List<List<List<String>>>> out = new ArrayList<>(articles.size());
        for (NerInputs.Article a : articles) {
            List<List<List<String>>> calls = new ArrayList<>(a.calls().size());
            for (List<List<String>> call : a.calls()) {
                calls.add(r.label(call));
            }
            out.add(calls);
        }
        return out;
    }

    /** {differing labels, all labels}. */
    static long[] compare(List<List<List<List<String>>>> expected, List<List<List<List<String>>>> actual) {
        long diff = 0;
        long all = 0;
        for (int a = 0; a < expected.size(); a++) {
            for (int c = 0; c < expected.get(a).size(); c++) {
                for (int s = 0; s < expected.get(a).get(c).size(); s++) {
                    List<String> e = expected.get(a).get(c).get(s);
                    List<String> g = actual.get(a).get(c).get(s);
                    for (int t = 0; t < e.size(); t++) {
                        all++;
                        if (t >= g.size() || !e.get(t).equals(g.get(t))) {
                            diff++;
                        }
                    }
                }
            }
        }
        return new long[] {diff, all};
    }

    static List<RawArticle> corpus(String spec) throws Exception {
        String[] p = spec.split(":");
        return switch (p[0]) {
            case "seeds" -> SeedArticles.all();
            case "reuters" -> PipelineBench.reuters(Path.of(p[1]), Integer.parseInt(p[2]));
            case "conll" -> NerInputs.conll(Path.of(p[1]));
            case "slice" -> NerInputs.slice(Path.of(p[1]));
            case "txt" -> {
                try (Stream<Path> files = Files.list(Path.of(p[1]))) {
                    List<RawArticle> out = new ArrayList<>();
                    for (Path f : files.sorted().toList()) {
                        out.add(NerInputs.plain(f.getFileName().toString(), null, Files.readString(f)));
                    }
                    yield out;
                }
            }
            default -> throw new IllegalArgumentException("unknown corpus " + spec);
        };
    }
}
