package dev.newswire.enrich.bench;

import dev.newswire.enrich.pipeline.entities.AliasTable;
import dev.newswire.enrich.pipeline.entities.CoreNlpEntityRecognizer;
import dev.newswire.enrich.pipeline.entities.EntityRecognizer;
import dev.newswire.enrich.pipeline.entities.LabelConsistency;
import dev.newswire.enrich.pipeline.entities.TokenSpans;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Entity-level precision/recall/F1 on a CoNLL-2003 file (e.g. the dev split eng.testa), comparing
 * the CoreNLP CRF alone with the CRF plus our document-level post-processing
 * ({@link LabelConsistency}). The data is never committed: see bench/enrich/ner-eval.sh.
 *
 * <p>Usage: {@code NerEvaluation /work/data/conll2003/eng.testa}
 */
public final class NerEvaluation {

    private static final List<String> TYPES = List.of("PER", "ORG", "LOC", "MISC");

    record Span(int sentence, int start, int end, String type) {
    }

    record Doc(List<List<String>> words, List<List<String>> gold) {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args.length > 0 ? args[0] : "/work/data/conll2003/eng.testa");
        List<Doc> docs = read(file);
        long loadStart = System.nanoTime();
        EntityRecognizer crf = new CoreNlpEntityRecognizer();
        long loadMs = (System.nanoTime() - loadStart) / 1_000_000;
        LabelConsistency consistency = new LabelConsistency(AliasTable.defaults());
        Counts base = new Counts();
        Counts ours = new Counts();
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        int tokens = 0;
        long tagNanos = 0;
        long postNanos = 0;
        for (Doc doc : docs) {
            long t0 = cpu.getCurrentThreadCpuTime();
            List<List<String>> predicted = crf.label(doc.words());
            long t1 = cpu.getCurrentThreadCpuTime();
            List<List<String>> fixed = consistency.apply(doc.words(), predicted);
            long t2 = cpu.getCurrentThreadCpuTime();
            tagNanos += t1 - t0;
            postNanos += t2 - t1;
            Set<Span> gold = goldSpans(doc.gold());
            base.add(gold, predictedSpans(predicted));
            ours.add(gold, predictedSpans(fixed));
            tokens += doc.words().stream().mapToInt(List::size).sum();
        }
        System.out.printf(Locale.ROOT, "file %s: %d documents, %d tokens; model %s loaded in %d ms%n",
                file, docs.size(), tokens, crf.component(), loadMs);
        System.out.printf(Locale.ROOT, "CPU time: CRF tagging %.1f ms per 1,000 tokens, post-processing %.2f ms per 1,000 tokens (first pass, includes JIT warm-up)%n",
                tagNanos / 1e6 / tokens * 1000, postNanos / 1e6 / tokens * 1000);
        print("CoreNLP CRF alone (gold CoNLL tokens)", base);
        print("CRF + document consistency (gold CoNLL tokens)", ours);
        if (!Boolean.getBoolean("ner.goldTokensOnly")) {
            textPath(docs, crf, consistency);
        }
    }

    /**
     * The service's own path: each CoNLL sentence is detokenised into plain text, split and
     * tokenised by our {@link SentenceSplitter} (OpenNLP + {@code TokenAdjuster}), tagged, and the
     * predicted character spans are compared with the gold tokens' character spans.
     */
    static void textPath(List<Doc> docs, EntityRecognizer crf, LabelConsistency consistency) {
        dev.newswire.enrich.pipeline.sentences.SentenceSplitter splitter = new dev.newswire.enrich.pipeline.sentences.SentenceSplitter();
        Counts base = new Counts();
        Counts ours = new Counts();
        for (Doc doc : docs) {
            StringBuilder text = new StringBuilder();
            Set<Span> gold = new HashSet<>();
            List<dev.newswire.enrich.pipeline.Sentence> sentences = new ArrayList<>();
            for (int s = 0; s < doc.words().size(); s++) {
                int sentenceStart = text.length();
                List<int[]> offsets = Detokenizer.append(text, doc.words().get(s));
                for (Span g : goldSpans(List.of(doc.gold().get(s)))) {
                    gold.add(new Span(0, offsets.get(g.start())[0], offsets.get(g.end() - 1)[1], g.type()));
                }
                sentences.addAll(splitter.split(text.toString(), sentenceStart, text.length()));
                text.append('\n');
            }
            List<List<String>> words = new ArrayList<>();
            for (dev.newswire.enrich.pipeline.Sentence sentence : sentences) {
                words.add(sentence.tokens().stream().map(dev.newswire.enrich.pipeline.Token::text).toList());
            }
            List<List<String>> predicted = crf.label(words);
            base.add(gold, charSpans(sentences, predicted));
            Set<Span> fixed = charSpans(sentences, consistency.apply(words, predicted));
            ours.add(gold, fixed);
            if (Boolean.getBoolean("ner.debug")) {
                for (Span g : gold) {
                    if (!fixed.contains(g)) {
                        String found = fixed.stream().filter(p -> p.start() < g.end() && p.end() > g.start())
                                .map(p -> text.substring(p.start(), p.end()) + "/" + p.type()).toList().toString();
                        System.out.println("missed " + g.type() + " [" + text.substring(g.start(), g.end()) + "] got " + found
                                + " in: " + text.substring(Math.max(0, g.start() - 40), Math.min(text.length(), g.end() + 40)).replace('\n', ' '));
                    }
                }
            }
        }
        print("CoreNLP CRF alone (our text path: detokenised text, OpenNLP tokens + adjustments)", base);
        print("CRF + document consistency (our text path)", ours);
    }

    private static Set<Span> charSpans(List<dev.newswire.enrich.pipeline.Sentence> sentences, List<List<String>> labels) {
        Set<Span> spans = new HashSet<>();
        for (int s = 0; s < sentences.size(); s++) {
            List<dev.newswire.enrich.pipeline.Token> tokens = sentences.get(s).tokens();
            for (TokenSpans.Run run : TokenSpans.runs(labels.get(s))) {
                spans.add(new Span(0, tokens.get(run.start()).start(), tokens.get(run.end() - 1).end(), conll(run.type())));
            }
        }
        return spans;
    }

    static void print(String title, Counts c) {
        System.out.println();
        System.out.println(title);
        System.out.printf(Locale.ROOT, "  %-12s %7s %7s %7s %6s %6s %6s%n", "type", "gold", "pred", "correct", "P", "R", "F1");
        for (String type : TYPES) {
            c.line(type, Set.of(type));
        }
        c.line("PER+ORG+LOC", Set.of("PER", "ORG", "LOC"));
        c.line("all four", Set.copyOf(TYPES));
    }

    static final class Counts {
        final Map<String, int[]> byType = new LinkedHashMap<>();

        void add(Set<Span> gold, Set<Span> predicted) {
            for (Span g : gold) {
                counts(g.type())[0]++;
            }
            for (Span p : predicted) {
                counts(p.type())[1]++;
                if (gold.contains(p)) {
                    counts(p.type())[2]++;
                }
            }
        }

        int[] counts(String type) {
            return byType.computeIfAbsent(type, t -> new int[3]);
        }

        void line(String label, Set<String> types) {
            int gold = 0;
            int pred = 0;
            int correct = 0;
            for (String t : types) {
                int[] c = counts(t);
                gold += c[0];
                pred += c[1];
                correct += c[2];
            }
            double p = pred == 0 ? 0 : (double) correct / pred;
            double r = gold == 0 ? 0 : (double) correct / gold;
            double f = p + r == 0 ? 0 : 2 * p * r / (p + r);
            System.out.printf(Locale.ROOT, "  %-12s %7d %7d %7d %6.4f %6.4f %6.4f%n", label, gold, pred, correct, p, r, f);
        }
    }

    /** CoNLL IOB1/IOB2 gold tags to spans. */
    static Set<Span> goldSpans(List<List<String>> tags) {
        Set<Span> spans = new HashSet<>();
        for (int s = 0; s < tags.size(); s++) {
            List<String> sent = tags.get(s);
            int start = -1;
            String type = null;
            for (int i = 0; i <= sent.size(); i++) {
                String tag = i < sent.size() ? sent.get(i) : "O";
                String t = tag.equals("O") ? null : tag.substring(2);
                boolean begins = t != null && (tag.startsWith("B-") || !t.equals(type));
                if (type != null && (t == null || begins)) {
                    spans.add(new Span(s, start, i, type));
                    type = null;
                }
                if (t != null && type == null) {
                    start = i;
                    type = t;
                }
            }
        }
        return spans;
    }

    /** Our labels (PERSON, ORGANIZATION, ... with optional B-/I- prefixes) to CoNLL-typed spans. */
    static Set<Span> predictedSpans(List<List<String>> labels) {
        Set<Span> spans = new HashSet<>();
        for (int s = 0; s < labels.size(); s++) {
            for (TokenSpans.Run run : TokenSpans.runs(labels.get(s))) {
                spans.add(new Span(s, run.start(), run.end(), conll(run.type())));
            }
        }
        return spans;
    }

    static String conll(String type) {
        return switch (type) {
            case "PERSON", "PER" -> "PER";
            case "ORGANIZATION", "ORG" -> "ORG";
            case "LOCATION", "LOC" -> "LOC";
            default -> "MISC";
        };
    }

    static List<Doc> read(Path file) throws IOException {
        List<Doc> docs = new ArrayList<>();
        List<List<String>> words = new ArrayList<>();
        List<List<String>> gold = new ArrayList<>();
        List<String> w = new ArrayList<>();
        List<String> g = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String t = line.strip();
            if (t.startsWith("-DOCSTART-")) {
                flushSentence(words, gold, w, g);
                if (!words.isEmpty()) {
                    docs.add(new Doc(words, gold));
                }
                words = new ArrayList<>();
                gold = new ArrayList<>();
            } else if (t.isEmpty()) {
                flushSentence(words, gold, w, g);
            } else {
                String[] cols = t.split("\\s+");
                w.add(cols[0]);
                g.add(cols[cols.length - 1]);
            }
        }
        flushSentence(words, gold, w, g);
        if (!words.isEmpty()) {
            docs.add(new Doc(words, gold));
        }
        return docs;
    }

    private static void flushSentence(List<List<String>> words, List<List<String>> gold, List<String> w, List<String> g) {
        if (!w.isEmpty()) {
            words.add(new ArrayList<>(w));
            gold.add(new ArrayList<>(g));
            w.clear();
            g.clear();
        }
    }
}
