package dev.newswire.enrich.pipeline.summary;

import dev.newswire.enrich.pipeline.Block;
import dev.newswire.enrich.pipeline.Document;
import dev.newswire.enrich.pipeline.Sentence;
import dev.newswire.enrich.pipeline.Stage;
import dev.newswire.enrich.pipeline.keyphrases.BackgroundCorpus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Stage 8, summary: 2-3 extractive sentences. Candidates are complete sentences of paragraphs only
 * (never headings, list items, table rows or a repeat of the headline; see {@link SummaryCandidates}).
 * Each is scored by TF-IDF centrality (cosine with the rest of the article) times a lead-position prior,
 * then picked greedily, skipping any sentence too similar to one already picked, and printed in
 * article order. TF-IDF rather than sentence embeddings: embedding every sentence cost ~15 ms
 * per sentence here, TF-IDF costs well under 1 ms per article, and scored as well on our ROUGE check.
 */
public final class Summarizer implements Stage {

    /** Tuned on the validation split (bench/enrich/summary-eval.sh); reported on test. */
    public record Weights(double positionDecay, double titleWeight, double maxSimilarity) {
        public static final Weights DEFAULT = new Weights(0.1, 0.0, 0.5);
    }

    private final int sentences;
    private final Weights weights;
    private final TfIdfVectors vectors;

    public Summarizer(int sentences) {
        this(sentences, Weights.DEFAULT, BackgroundCorpus.defaults());
    }

    public Summarizer(int sentences, Weights weights, BackgroundCorpus background) {
        this.sentences = Math.max(2, Math.min(3, sentences));
        this.weights = weights;
        this.vectors = new TfIdfVectors(background);
    }

    @Override
    public String name() {
        return "summary";
    }

    @Override
    public String component() {
        return "tfidf-centrality+lead-prior+mmr";
    }

    @Override
    public Document apply(Document document) {
        if (document.proseSentences().isEmpty()) {
            return document.withSkipped(name(), document.isEnglish() ? "no prose sentences" : "language '" + document.language() + "': no sentence model");
        }
        List<Sentence> candidates = SummaryCandidates.select(document.text(), document.blocks(), document.proseSentences(), document.title());
        String summary = summarize(document.title(), candidates);
        return document.withSummary(summary).withComponent(name(), component());
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
        if (title != null && !title.isBlank()) {
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
            double centrality = TfIdfVectors.cosine(own, rest);
            double position = 1 / Math.pow(1 + i, weights.positionDecay());
            score[i] = centrality * position;
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble((Integer i) -> -score[i]).thenComparing(i -> i));
        List<Integer> chosen = new ArrayList<>();
        for (int i : order) {
            if (chosen.size() == sentences) {
                break;
            }
            boolean redundant = false;
            for (int j : chosen) {
                redundant |= TfIdfVectors.cosine(sentenceVectors.get(i), sentenceVectors.get(j)) > weights.maxSimilarity();
            }
            if (!redundant) {
                chosen.add(i);
            }
        }
        chosen.sort(Integer::compare);
        return chosen;
    }
}
