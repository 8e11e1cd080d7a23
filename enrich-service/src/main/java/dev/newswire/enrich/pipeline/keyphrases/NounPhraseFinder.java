package dev.newswire.enrich.pipeline.keyphrases;

import dev.newswire.enrich.pipeline.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds candidate noun phrases in POS-tagged tokens (Penn Treebank tags): maximal runs of
 * adjectives and nouns that end in a noun, at most a few words long. A chunker model would be
 * heavier and OpenNLP ships none for current versions; this pattern is the classic one for keyphrases.
 */
final class NounPhraseFinder {

    private static final Set<String> NOUNS = Set.of("NN", "NNS", "NNP", "NNPS");
    private static final Set<String> MODIFIERS = Set.of("JJ", "JJR", "JJS", "NN", "NNS", "NNP", "NNPS", "VBN", "HYPH");
    private static final Pattern WORDLIKE = Pattern.compile("\\p{L}[\\p{L}\\p{N}'’.\\-]*");
    /** Words that tag as nouns or adjectives but never make a phrase worth showing. */
    private static final Set<String> VAGUE = Set.of(
            "thing", "things", "way", "ways", "lot", "lots", "time", "times", "part", "kind", "sort", "number",
            "other", "others", "many", "much", "several", "such", "same", "own", "new", "last", "first", "next",
            "week", "weeks", "day", "days", "year", "years", "month", "months", "today", "yesterday", "tomorrow",
            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mr", "mrs", "ms",
            "percent", "pct", "per", "cent", "people", "statement", "end", "reuters", "reuter");

    record Phrase(String key, List<String> words, String surface, boolean properNounsOnly) {
    }

    List<List<Token>> find(List<Token> tokens, int maxWords) {
        List<List<Token>> out = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            if (!isModifier(tokens.get(i))) {
                i++;
                continue;
            }
            int j = i;
            while (j < tokens.size() && isModifier(tokens.get(j))) {
                j++;
            }
            // run [i, j): trim to end in a noun and drop leading vague words
            int end = j;
            while (end > i && !NOUNS.contains(tokens.get(end - 1).pos())) {
                end--;
            }
            int start = i;
            while (start < end && (isVague(tokens.get(start)) || "HYPH".equals(tokens.get(start).pos()))) {
                start++;
            }
            if (end - start >= 1 && end - start <= maxWords && !isVague(tokens.get(end - 1))) {
                out.add(tokens.subList(start, end));
            }
            i = j;
        }
        return out;
    }

    /** @param sentenceStart whether the phrase's first token starts its sentence */
    Phrase describe(List<Token> phrase, boolean sentenceStart) {
        List<String> words = new ArrayList<>();
        StringBuilder surface = new StringBuilder();
        boolean proper = true;
        for (int k = 0; k < phrase.size(); k++) {
            Token t = phrase.get(k);
            boolean isProper = t.pos().startsWith("NNP");
            proper &= isProper;
            String text = t.text();
            // a capital that only comes from starting the sentence: lower it ("Ceasefire talks" -> "ceasefire talks")
            if (k == 0 && sentenceStart && !isProper && Character.isUpperCase(text.charAt(0)) && !isAllCaps(text)) {
                text = text.toLowerCase(Locale.ROOT);
            }
            if (k > 0 && !"HYPH".equals(t.pos()) && !"HYPH".equals(phrase.get(k - 1).pos())) {
                surface.append(' ');
            }
            surface.append(text);
            if (!"HYPH".equals(t.pos())) {
                words.add(singular(t.text().toLowerCase(Locale.ROOT).replace('’', '\'')));
            }
        }
        return new Phrase(String.join(" ", words), words, surface.toString(), proper);
    }

    private static boolean isModifier(Token t) {
        return MODIFIERS.contains(t.pos()) && WORDLIKE.matcher(t.text()).matches();
    }

    private static boolean isVague(Token t) {
        return VAGUE.contains(t.text().toLowerCase(Locale.ROOT));
    }

    private static boolean isAllCaps(String s) {
        return s.length() > 1 && s.equals(s.toUpperCase(Locale.ROOT));
    }

    /** Just enough stemming to merge "talk"/"talks", "ally"/"allies" when counting. */
    static String singular(String w) {
        if (w.length() > 4 && w.endsWith("ies")) {
            return w.substring(0, w.length() - 3) + "y";
        }
        if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
            return w.substring(0, w.length() - 1);
        }
        return w;
    }
}
