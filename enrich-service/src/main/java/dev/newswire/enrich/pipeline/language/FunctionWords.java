package dev.newswire.enrich.pipeline.language;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Counts of each language's function words in a text ({@code function-words.tsv}), and the share of
 * letters in Latin script: the cheap evidence that {@link LanguageDetector} weighs beside the
 * character n-gram model, which is unreliable on short, all-caps and tabular news.
 */
final class FunctionWords {

    static final String RESOURCE = "/dev/newswire/enrich/pipeline/language/function-words.tsv";

    /** What the text says about its language without any model. */
    record Evidence(Map<String, Integer> hits, int words, int letters, double latinShare) {

        int hits(String language) {
            return hits.getOrDefault(language, 0);
        }

        /** The best non-English language by function words, or null when none has a hit. */
        String bestOther() {
            String best = null;
            for (var e : hits.entrySet()) {
                if (!e.getKey().equals("en") && e.getValue() > 0 && (best == null || e.getValue() > hits.get(best))) {
                    best = e.getKey();
                }
            }
            return best;
        }
    }

    private final Map<String, Set<String>> byLanguage;

    private FunctionWords(Map<String, Set<String>> byLanguage) {
        this.byLanguage = byLanguage;
    }

    static FunctionWords defaults() {
        try (InputStream in = FunctionWords.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            Map<String, Set<String>> map = new LinkedHashMap<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t", 2);
                map.put(cols[0].strip(), new HashSet<>(java.util.List.of(cols[1].strip().split("\\s+"))));
            }
            return new FunctionWords(map);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Evidence of(CharSequence text) {
        Map<String, Integer> hits = new HashMap<>();
        byLanguage.keySet().forEach(l -> hits.put(l, 0));
        int words = 0;
        int letters = 0;
        int latin = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
                if (Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN) {
                    latin++;
                }
            }
        }
        for (String w : text.toString().toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
            if (w.isEmpty()) {
                continue;
            }
            words++;
            for (var e : byLanguage.entrySet()) {
                if (e.getValue().contains(w)) {
                    hits.merge(e.getKey(), 1, Integer::sum);
                }
            }
        }
        return new Evidence(hits, words, letters, letters == 0 ? 0 : (double) latin / letters);
    }
}
