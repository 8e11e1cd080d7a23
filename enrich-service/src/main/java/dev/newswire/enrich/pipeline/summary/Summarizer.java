package dev.newswire.enrich.pipeline.summary;

import dev.newswire.enrich.pipeline.Block;
import dev.newswire.enrich.pipeline.Document;
import dev.newswire.enrich.pipeline.Sentence;
import dev.newswire.enrich.pipeline.Stage;
import dev.newswire.enrich.pipeline.models.BackgroundCorpus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Stage 8, summary: extractive, about {@code words} words (default {@value #DEFAULT_WORDS}), never
 * longer than the text. Candidates are complete sentences of paragraphs only (never headings, list
 * items, table rows, a repeat of the headline, or a quotation torn from its speaker; see
 * {@link SummaryCandidates}). Each is scored by TF-IDF centrality (cosine with the rest of the
 * article) times a lead prior {@code 1/(1+i)^positionDecay}: in news the lead is the strongest
 * single signal, centrality mostly decides between later sentences and skips an off-topic opener.
 * Sentences are picked best first while they fit the word budget (the first always fits), skipping
 * any too similar to one already picked, and printed in article order. Weights were tuned on DEV
 * splits (bench/quality, docs/benchmarks.md). TF-IDF rather than sentence embeddings: embedding
 * every sentence cost ~15 ms per sentence here, TF-IDF costs well under 1 ms per article.
 */
public final class Summarizer implements Stage {

    public static final int DEFAULT_WORDS = 60;

    /**
     * Tuned on DEV splits; reported on TEST. {@code overflow}: a sentence may take the summary this
     * share past the word budget (a 70-word summary of whole sentences beats a 45-word one).
     */
    public record Weights(double positionDecay, double titleWeight, double maxSimilarity, double overflow) {
        public static final Weights DEFAULT = new Weights(0.5, 0.0, 0.5, 0.25);
    }

    private final int maxSentences;
    private final int words;
    private final Weights weights;
    private final TfIdfVectors vectors;

    /** At most {@code maxSentences} sentences of about {@value #DEFAULT_WORDS} words. */
    public Summarizer(int maxSentences) {
        this(maxSentences, DEFAULT_WORDS);
    }

    public Summarizer(int maxSentences, int words) {
        this(maxSentences, words, Weights.DEFAULT, BackgroundCorpus.defaults());
    }

    public Summarizer(int maxSentences, int words, Weights weights, BackgroundCorpus background) {
        this.maxSentences = Math.max(1, maxSentences);
        this.words = Math.max(10, words);
        this.weights = weights;
        this.vectors = new TfIdfVectors(background);
    }

    @Override
    public String name() {
        return "summary";
    }

    @Override
    public String component() {
        return "tfidf-centrality+lead-prior+word-budget";
    }

    @Override
    public Document apply(Document document) {
        if (document.proseSentences().isEmpty()) {
            return document.withSkipped(name(), document.isEnglish() ? "no prose sentences" : "language '" + document.language() + "': no sentence model");
        }
        List<Sentence> candidates = SummaryCandidates.select(document.text(), document.blocks(), document.proseSentences(), document.title());
        String summary = summarize(document.title(), candidates);
        return summary == null ? document.withSkipped(name(), "no complete prose sentence")
                : document.withSummary(summary).withComponent(name(), component());
    }

    /** Joins the chosen sentences in article order; null when there is nothing worth saying. */
    public String summarize(String title, List<Sentence> candidates) {
        List<Integer> chosen = choose(title, candidates.stream().map(Sentence::text).toList());
        if (chosen.isEmpty()) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (int i : chosen) {
            out.append(out.length() == 0 ? "" : " ").append(candidates.get(i).text().strip());
        }
        return out.toString();
    }

    /** Indexes of the chosen sentences, ascending. */
    public List<Integer> choose(String title, List<String> texts) {
        int n = texts.size();
        if (n == 0) {
            return List.of();
        }
        List<double[]> sentenceVectors = new ArrayList<>();
        TfIdfVectors.Vocabulary vocabulary = vectors.vocabulary(texts, title);
        for (String t : texts) {
            sentenceVectors.add(vocabulary.vector(t));
        }
        double[] centroid = vocabulary.sum(sentenceVectors);
        if (title != null && !title.isBlank() && weights.titleWeight() > 0) {
            double[] titleVector = vocabulary.vector(title);
            for (int k = 0; k < centroid.length; k++) {
                centroid[k] += weights.titleWeight() * titleVector[k] * Math.max(1, n / 4.0);
            }
        }
        double[] score = new double[n];
        for (int i = 0; i < n; i++) {
            // leave-one-out: a sentence is central when the REST of the article says the same;
            // otherwise an off-topic sentence scores on its own words (they are in the centroid)
            double[] rest = centroid.clone();
            double[] own = sentenceVectors.get(i);
            for (int k = 0; k < rest.length; k++) {
                rest[k] -= own[k];
            }
            double centrality = n == 1 ? 1 : TfIdfVectors.cosine(own, rest);
            double position = 1 / Math.pow(1 + i, weights.positionDecay());
            score[i] = centrality * position;
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble((Integer i) -> -score[i]).thenComparing(i -> i));
        List<Integer> chosen = new ArrayList<>();
        int used = 0;
        int limit = (int) Math.round(words * (1 + weights.overflow()));
        for (int i : order) {
            if (chosen.size() == maxSentences || used >= words) {
                break;
            }
            int length = wordCount(texts.get(i));
            if (!chosen.isEmpty() && used + length > limit) {
                continue;
            }
            boolean redundant = false;
            for (int j : chosen) {
                redundant |= TfIdfVectors.cosine(sentenceVectors.get(i), sentenceVectors.get(j)) > weights.maxSimilarity();
            }
            if (!redundant) {
                chosen.add(i);
                used += length;
            }
        }
        chosen.sort(Integer::compare);
        return chosen;
    }

    static int wordCount(String text) {
        String t = text.strip();
        return t.isEmpty() ? 0 : t.split("\\s+").length;
    }
}
