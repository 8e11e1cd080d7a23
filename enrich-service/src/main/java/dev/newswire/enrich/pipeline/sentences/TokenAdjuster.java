package dev.newswire.enrich.pipeline.sentences;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import opennlp.tools.util.Span;

/**
 * Brings OpenNLP's UD tokens closer to the Penn Treebank / CoNLL-2003 convention that the CoreNLP
 * NER model was trained on. The UD EWT tokenizer keeps clitics attached ("Trump's", "didn't") and
 * splits hyphenated words ("Al", "-", "Ansari"; "Israel", "-Hamas") and some initials ("H", ".");
 * all hurt NER: a possessive glued to a name is an unknown word, a split hyphenated name becomes
 * two people, a lone initial drops out of the name. Hand-written
 * because no OpenNLP option does this; it only moves token boundaries, never changes text.
 */
final class TokenAdjuster {

    private static final String[] CLITICS = {"n't", "'s", "'re", "'ve", "'ll", "'d", "'m"};

    private TokenAdjuster() {
    }

    static Span[] adjust(String sentence, Span[] tokens) {
        return mergeHyphenated(sentence, joinInitials(sentence, splitClitics(sentence, tokens)));
    }

    /** An initial ("H") or dotted initials the tokenizer cut before their last period ("U.N", "U.S"). */
    private static final java.util.regex.Pattern INITIALS = java.util.regex.Pattern.compile("(?:\\p{Lu}\\.)*\\p{Lu}");

    /**
     * "H", "." to "H." (an initial, as in "H. Morris") and "U.N", "." to "U.N." (as CoNLL writes it;
     * the CRF does not know "U.N") unless the period ends the sentence.
     */
    private static List<Span> joinInitials(String text, List<Span> tokens) {
        List<Span> out = new ArrayList<>(tokens.size());
        for (int i = 0; i < tokens.size(); i++) {
            Span t = tokens.get(i);
            boolean initial = INITIALS.matcher(text.substring(t.getStart(), t.getEnd())).matches();
            if (initial && i + 2 < tokens.size() && tokens.get(i + 1).getStart() == t.getEnd()
                    && text.substring(tokens.get(i + 1).getStart(), tokens.get(i + 1).getEnd()).equals(".")) {
                out.add(new Span(t.getStart(), tokens.get(i + 1).getEnd()));
                i++;
            } else {
                out.add(t);
            }
        }
        return out;
    }

    private static List<Span> splitClitics(String text, Span[] tokens) {
        List<Span> out = new ArrayList<>(tokens.length + 4);
        for (Span t : tokens) {
            String word = text.substring(t.getStart(), t.getEnd());
            int cut = cliticStart(word);
            if (cut > 0) {
                out.add(new Span(t.getStart(), t.getStart() + cut));
                out.add(new Span(t.getStart() + cut, t.getEnd()));
            } else {
                out.add(t);
            }
        }
        return out;
    }

    /** Where a clitic starts in {@code word}, or -1: "Trump's" 5, "didn't" 3, "Hamas'" 5. */
    static int cliticStart(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        for (String clitic : CLITICS) {
            if (lower.endsWith(clitic) && lower.length() > clitic.length()) {
                return word.length() - clitic.length();
            }
        }
        if (lower.length() > 2 && lower.endsWith("s'")) {
            return word.length() - 1;
        }
        return -1;
    }

    /**
     * Joins "X", "-", "Y", "X", "-Y" and "X-", "Y" when nothing separates them in the text and the result is
     * one word, as in CoNLL-2003 ("Al-Ansari", "Anne-Gaelle", "60-day", "Israel-Hamas"). Compounds
     * of two names are split again after NER by {@code EntityExtractor}, which knows both names.
     */
    private static Span[] mergeHyphenated(String text, List<Span> tokens) {
        List<Span> out = new ArrayList<>(tokens.size());
        int i = 0;
        while (i < tokens.size()) {
            Span t = tokens.get(i);
            Span previous = out.isEmpty() ? null : out.get(out.size() - 1);
            String word = text.substring(t.getStart(), t.getEnd());
            if (previous != null && previous.getEnd() == t.getStart()) {
                String left = text.substring(previous.getStart(), previous.getEnd());
                if (word.equals("-") && i + 1 < tokens.size() && tokens.get(i + 1).getStart() == t.getEnd()) {
                    Span next = tokens.get(i + 1);
                    if (joinable(left, text.substring(next.getStart(), next.getEnd()))) {
                        out.set(out.size() - 1, new Span(previous.getStart(), next.getEnd()));
                        i += 2;
                        continue;
                    }
                } else if (word.length() > 1 && word.startsWith("-") && joinable(left, word.substring(1))) {
                    out.set(out.size() - 1, new Span(previous.getStart(), t.getEnd()));
                    i++;
                    continue;
                } else if (left.length() > 1 && left.endsWith("-") && joinable(left.substring(0, left.length() - 1), word)) {
                    // "Ata-", "ur-", "Rehman" and "Chun-", "yeh": the hyphen left on the first part
                    out.set(out.size() - 1, new Span(previous.getStart(), t.getEnd()));
                    i++;
                    continue;
                }
            }
            out.add(t);
            i++;
        }
        return out.toArray(new Span[0]);
    }

    /** Letters or digits touch the hyphen on both sides. */
    static boolean joinable(String left, String right) {
        return !left.isEmpty() && !right.isEmpty() && Character.isLetterOrDigit(left.charAt(left.length() - 1))
                && Character.isLetterOrDigit(right.charAt(0));
    }
}
