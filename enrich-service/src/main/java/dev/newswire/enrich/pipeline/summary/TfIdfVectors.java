package dev.newswire.enrich.pipeline.summary;

import dev.newswire.enrich.pipeline.models.BackgroundCorpus;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sentence vectors over one article's vocabulary, weighted by background idf. */
final class TfIdfVectors {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’\\-]*");

    private final BackgroundCorpus background;

    TfIdfVectors(BackgroundCorpus background) {
        this.background = background;
    }

    Vocabulary vocabulary(List<String> texts, String title) {
        Map<String, Integer> index = new HashMap<>();
        for (String t : texts) {
            words(t, index);
        }
        if (title != null) {
            words(title, index);
        }
        double[] idf = new double[index.size()];
        index.forEach((w, i) -> idf[i] = background.isCommon(w) ? 0 : background.idf(w));
        return new Vocabulary(index, idf);
    }

    private static void words(String text, Map<String, Integer> index) {
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            index.putIfAbsent(m.group(), index.size());
        }
    }

    static double cosine(double[] a, double[] b) {
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }

    record Vocabulary(Map<String, Integer> index, double[] idf) {

        double[] vector(String text) {
            double[] v = new double[idf.length];
            Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
            while (m.find()) {
                Integer i = index.get(m.group());
                if (i != null) {
                    v[i] += idf[i];
                }
            }
            return v;
        }

        double[] sum(List<double[]> vectors) {
            double[] out = new double[idf.length];
            for (double[] v : vectors) {
                for (int i = 0; i < out.length; i++) {
                    out[i] += v[i];
                }
            }
            return out;
        }
    }
}
