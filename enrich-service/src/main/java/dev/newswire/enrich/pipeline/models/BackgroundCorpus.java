package dev.newswire.enrich.pipeline.models;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Document frequencies of words in a background news corpus (Reuters-21578, built by
 * bench/enrich/make-background-df.py into {@code background-df.tsv}), for inverse document frequency:
 * words every story uses ("said", "year") weigh little, words that mark this story weigh a lot.
 * Words missing from the table count as rare (df = 1).
 */
public final class BackgroundCorpus {

    public static final String RESOURCE = "background-df.tsv";

    private static volatile BackgroundCorpus defaults;

    private final Map<String, Integer> df;
    private final int documents;

    BackgroundCorpus(Map<String, Integer> df, int documents) {
        this.df = df;
        this.documents = documents;
    }

    public static BackgroundCorpus defaults() {
        BackgroundCorpus local = defaults;
        if (local == null) {
            synchronized (BackgroundCorpus.class) {
                if (defaults == null) {
                    defaults = load();
                }
                local = defaults;
            }
        }
        return local;
    }

    private static BackgroundCorpus load() {
        try (InputStream in = BackgroundCorpus.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, Integer> df = new HashMap<>(40_000);
            int documents = 1;
            String line;
            while ((line = reader.readLine()) != null) {
                int tab = line.indexOf('\t');
                if (tab < 0) {
                    continue;
                }
                int n = Integer.parseInt(line.substring(tab + 1).trim());
                if (line.startsWith("#docs")) {
                    documents = n;
                } else {
                    df.put(line.substring(0, tab), n);
                }
            }
            return new BackgroundCorpus(df, documents);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Smoothed inverse document frequency of a word (any case). */
    public double idf(String word) {
        int n = df.getOrDefault(word.toLowerCase(Locale.ROOT), 0);
        return Math.log((documents + 1.0) / (n + 1.0));
    }

    /** The idf of a word seen in no background document: the ceiling of {@link #idf}. */
    public double maxIdf() {
        return Math.log(documents + 1.0);
    }

    /** True for words in more than a quarter of background stories: function words and news filler. */
    public boolean isCommon(String word) {
        return df.getOrDefault(word.toLowerCase(Locale.ROOT), 0) > documents / 4;
    }
}
