package dev.newswire.enrich.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * ROUGE-1, ROUGE-2 and ROUGE-L F1 (Lin 2004) on lower-cased alphanumeric tokens, no stemming and no
 * stop-word removal. Hand-written because no maintained Java ROUGE library is on Maven Central;
 * absolute values are a little below the Perl ROUGE-1.5.5 with stemming, comparisons are fair.
 */
final class Rouge {

    record Scores(double r1, double r2, double rl) {
    }

    private Rouge() {
    }

    static Scores score(String candidate, String reference) {
        List<String> c = tokens(candidate);
        List<String> r = tokens(reference);
        return new Scores(ngramF1(c, r, 1), ngramF1(c, r, 2), lcsF1(c, r));
    }

    static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        for (String t : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }

    private static double ngramF1(List<String> c, List<String> r, int n) {
        Map<String, Integer> rc = ngrams(r, n);
        Map<String, Integer> cc = ngrams(c, n);
        int overlap = 0;
        for (var e : cc.entrySet()) {
            overlap += Math.min(e.getValue(), rc.getOrDefault(e.getKey(), 0));
        }
        int cTotal = Math.max(0, c.size() - n + 1);
        int rTotal = Math.max(0, r.size() - n + 1);
        return f1(overlap, cTotal, rTotal);
    }

    private static Map<String, Integer> ngrams(List<String> t, int n) {
        Map<String, Integer> out = new HashMap<>();
        for (int i = 0; i + n <= t.size(); i++) {
            out.merge(String.join(" ", t.subList(i, i + n)), 1, Integer::sum);
        }
        return out;
    }

    private static double lcsF1(List<String> c, List<String> r) {
        int[] prev = new int[r.size() + 1];
        int[] cur = new int[r.size() + 1];
        for (int i = 1; i <= c.size(); i++) {
            for (int j = 1; j <= r.size(); j++) {
                cur[j] = c.get(i - 1).equals(r.get(j - 1)) ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return f1(prev[r.size()], c.size(), r.size());
    }

    private static double f1(int overlap, int cTotal, int rTotal) {
        if (overlap == 0 || cTotal == 0 || rTotal == 0) {
            return 0;
        }
        double p = (double) overlap / cTotal;
        double rec = (double) overlap / rTotal;
        return 2 * p * rec / (p + rec);
    }
}
