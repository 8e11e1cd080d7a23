package dev.newswire.enrich.pipeline.keyphrases;

import dev.newswire.enrich.pipeline.Document;
import dev.newswire.enrich.pipeline.Sentence;
import dev.newswire.enrich.pipeline.Stage;
import dev.newswire.enrich.pipeline.Token;
import dev.newswire.enrich.pipeline.models.BackgroundCorpus;
import dev.newswire.model.Entity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Stage 6, keyphrases: noun phrases found by part-of-speech pattern (adjectives/nouns ending in a
 * noun), ranked by TF-IDF against a background news corpus with a bonus for the title and the lead,
 * then picked greedily with maximal marginal relevance so that near-duplicates ("ceasefire",
 * "Gaza ceasefire") do not crowd the list. Phrases that are just an entity's name are left out:
 * entities already carry them. Cased as written mid-sentence; a capital that only comes from
 * starting the sentence is lowered for common nouns.
 */
public final class KeyphraseExtractor implements Stage {

    static final int MIN_PHRASES = 5;
    static final int MAX_WORDS = 4;
    /** MMR trade-off: 1 = relevance only, 0 = diversity only. */
    static final double LAMBDA = 0.7;

    private final BackgroundCorpus background;
    private final NounPhraseFinder finder = new NounPhraseFinder();
    private final int maxPhrases;

    public KeyphraseExtractor(int maxPhrases) {
        this(BackgroundCorpus.defaults(), maxPhrases);
    }

    public KeyphraseExtractor(BackgroundCorpus background, int maxPhrases) {
        this.background = background;
        this.maxPhrases = Math.max(MIN_PHRASES, maxPhrases);
    }

    @Override
    public String name() {
        return "keyphrases";
    }

    @Override
    public String component() {
        return "pos-noun-phrases+tfidf-reuters21578+mmr";
    }

    @Override
    public boolean englishOnly() {
        return true;
    }

    @Override
    public String englishOnlyReason() {
        return "needs English part-of-speech tags";
    }

    @Override
    public Document apply(Document document) {
        return document.withKeyphrases(extract(document.title(), document.proseSentences(), document.entities()))
                .withComponent(name(), component());
    }

    public List<String> extract(String title, List<Sentence> sentences, List<Entity> entities) {
        Map<String, Candidate> candidates = new LinkedHashMap<>();
        String titleKey = title == null ? "" : " " + title.toLowerCase(Locale.ROOT) + " ";
        for (int index = 0; index < sentences.size(); index++) {
            final int i = index;
            List<Token> tokens = sentences.get(i).tokens();
            for (List<Token> phrase : finder.find(tokens, MAX_WORDS)) {
                NounPhraseFinder.Phrase p = finder.describe(phrase, !tokens.isEmpty() && phrase.get(0) == tokens.get(0));
                if (p.properNounsOnly() && p.words().size() == 1) {
                    continue; // a lone name is an entity's business
                }
                Candidate c = candidates.computeIfAbsent(p.key(), k -> new Candidate(p.key(), p.words(), i, p.properNounsOnly()));
                c.count++;
                c.surfaces.merge(p.surface(), 1, Integer::sum);
            }
        }
        List<Candidate> ranked = new ArrayList<>();
        List<String> paddedNames = paddedNames(entities);
        for (Candidate c : candidates.values()) {
            if (isEntityName(c, entities, paddedNames)) {
                continue;
            }
            c.score = relevance(c, titleKey, sentences.size());
            ranked.add(c);
        }
        ranked.sort(Comparator.comparingDouble((Candidate c) -> -c.score).thenComparing(c -> c.key));
        return diverse(ranked).stream().map(Candidate::bestSurface).toList();
    }

    private double relevance(Candidate c, String titleKey, int sentenceCount) {
        double idf = 0;
        for (String w : c.words) {
            idf += background.isCommon(w) ? 0 : background.idf(w);
        }
        // Longer phrases are more specific but rarer: sqrt keeps 2-3 word phrases competitive.
        double specificity = idf / Math.sqrt(c.words.size());
        double tf = 1 + Math.log(c.count);
        double inTitle = titleKey.contains(" " + c.key + " ") || titleKey.contains(" " + String.join(" ", c.words) + " ") ? 1.5 : 1.0;
        double position = 1 + 1.0 / (1 + c.firstSentence); // news puts what matters first
        return tf * specificity * inTitle * position;
    }

    /** Greedy maximal marginal relevance with word-overlap similarity; a phrase inside a chosen one is skipped. */
    private List<Candidate> diverse(List<Candidate> ranked) {
        List<Candidate> chosen = new ArrayList<>();
        List<Candidate> pool = new ArrayList<>(ranked.subList(0, Math.min(ranked.size(), 40)));
        double top = pool.isEmpty() ? 1 : pool.get(0).score;
        while (chosen.size() < maxPhrases && !pool.isEmpty()) {
            Candidate best = null;
            double bestValue = Double.NEGATIVE_INFINITY;
            for (Candidate c : pool) {
                double redundancy = 0;
                for (Candidate s : chosen) {
                    redundancy = Math.max(redundancy, overlap(c, s));
                }
                double value = LAMBDA * c.score / top - (1 - LAMBDA) * redundancy;
                if (redundancy < 1 && value > bestValue) {
                    bestValue = value;
                    best = c;
                }
            }
            if (best == null) {
                break;
            }
            pool.remove(best);
            boolean contained = false;
            for (Candidate s : chosen) {
                contained |= s.wordSet().containsAll(best.wordSet()) || best.wordSet().containsAll(s.wordSet());
            }
            if (!contained) {
                chosen.add(best);
            }
        }
        return chosen;
    }

    /** Jaccard similarity of the two phrases' word sets. */
    private static double overlap(Candidate a, Candidate b) {
        int common = 0;
        for (String w : a.wordSet()) {
            if (b.wordSet().contains(w)) {
                common++;
            }
        }
        int union = a.wordSet().size() + b.wordSet().size() - common;
        return union == 0 ? 0 : (double) common / union;
    }

    /**
     * True for an entity's name or alias, and for a run of proper nouns that contains one
     * ("US President Donald Trump"): a title plus a name is still just the name.
     */
    private static boolean isEntityName(Candidate c, List<Entity> entities, List<String> paddedNames) {
        String phrase = c.bestSurface();
        String words = String.join(" ", c.words);
        for (Entity e : entities) {
            if (e.isNamed(phrase) || e.isNamed(words)) {
                return true;
            }
        }
        if (c.properNounsOnly || isTitleCase(phrase)) {
            String padded = " " + phrase.toLowerCase(Locale.ROOT) + " ";
            for (String name : paddedNames) {
                if (padded.contains(name)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Every entity's names and aliases, lower case, between spaces: computed once per article, not once per candidate. */
    private static List<String> paddedNames(List<Entity> entities) {
        List<String> out = new ArrayList<>();
        for (Entity e : entities) {
            for (String name : names(e)) {
                out.add(" " + name.toLowerCase(Locale.ROOT) + " ");
            }
        }
        return out;
    }

    private static boolean isTitleCase(String phrase) {
        for (String w : phrase.split("[\\s-]+")) {
            if (!w.isEmpty() && !Character.isUpperCase(w.charAt(0))) {
                return false;
            }
        }
        return true;
    }

    private static List<String> names(Entity e) {
        List<String> out = new ArrayList<>(e.aliases());
        out.add(e.name());
        return out;
    }

    private static final class Candidate {
        final String key;
        final List<String> words;
        final int firstSentence;
        final Map<String, Integer> surfaces = new LinkedHashMap<>();
        int count;
        double score;
        private Set<String> wordSet;

        final boolean properNounsOnly;

        Candidate(String key, List<String> words, int firstSentence, boolean properNounsOnly) {
            this.properNounsOnly = properNounsOnly;
            this.key = key;
            this.words = words;
            this.firstSentence = firstSentence;
        }

        /** The phrase's distinct words (built once: the diversity pass compares every pair). */
        Set<String> wordSet() {
            if (wordSet == null) {
                wordSet = new HashSet<>(words);
            }
            return wordSet;
        }

        String bestSurface() {
            return surfaces.entrySet().stream()
                    .max(Comparator.comparing((Map.Entry<String, Integer> e) -> e.getValue()).thenComparing(Map.Entry::getKey))
                    .map(Map.Entry::getKey).orElse(key);
        }
    }
}
