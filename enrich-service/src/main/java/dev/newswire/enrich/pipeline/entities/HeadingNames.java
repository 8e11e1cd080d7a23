package dev.newswire.enrich.pipeline.entities;

import dev.newswire.enrich.pipeline.Block;
import dev.newswire.enrich.pipeline.Document;
import dev.newswire.enrich.pipeline.models.BackgroundCorpus;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Headings, table rows and titles for NER. Title Case lines ("Netanyahu Engages in Strategic Dialogue
 * with U.S. Amid Gaza Crisis") reach the CRF with their common capitalised words lowered
 * ({@link #forNer}): trained on sentence case and ALL CAPS, it otherwise reads the whole line as one
 * organisation. The tokens and spans keep the text as written.
 * <p>
 * Then {@link #filter} keeps the names NER finds in headings, table rows and the title, but not the capitalised phrases
 * of web-style Title Case headings ("Host Nations", "Regional Allies", "Ceasefire Timing"), the main
 * source of false positives once every line reaches NER. A mention is dropped only when all of this
 * holds: its line is mixed case (not an ALL-CAPS wire headline) without digits (not a result table
 * such as "Goias 1 Gremio 3"), every word of it is an ordinary news word (in at least
 * {@value #COMMON_DF} Reuters stories, lower-cased, plural and verb endings off), the alias table does not know it, and the same
 * name is not recognised anywhere in the rest of the text.
 */
final class HeadingNames {

    /** An ordinary word: in at least this many Reuters stories (as written, or with -s/-es/-ed/-ing off). */
    static final int COMMON_DF = 5;

    private final BackgroundCorpus background;
    private final AliasTable aliases;
    private final double commonIdf;

    HeadingNames(BackgroundCorpus background, AliasTable aliases) {
        this.background = background;
        this.aliases = aliases;
        this.commonIdf = background.maxIdf() - Math.log(COMMON_DF + 1.0);
    }

    /** Words the article writes starting in lower case (text and title), lower-cased. */
    static Set<String> lowerCaseWords(Document document) {
        Set<String> out = new HashSet<>();
        for (String part : new String[] {document.title(), document.text()}) {
            if (part == null) {
                continue;
            }
            for (String w : part.split("[^\\p{L}]+")) {
                if (!w.isEmpty() && Character.isLowerCase(w.codePointAt(0))) {
                    out.add(w);
                }
            }
        }
        return out;
    }

    List<Mention> filter(List<Mention> mentions, Document document) {
        String text = document.text() == null ? "" : document.text();
        List<Block> phraseBlocks = new ArrayList<>();
        for (Block b : document.blocks()) {
            if (b.kind() != Block.Kind.PARAGRAPH && b.kind() != Block.Kind.LIST_ITEM && phraseLike(text.substring(b.start(), b.end()))) {
                phraseBlocks.add(b);
            }
        }
        boolean titlePhrase = document.title() != null && phraseLike(document.title());
        Set<String> recognisedElsewhere = new HashSet<>();
        List<Boolean> suspect = new ArrayList<>(mentions.size());
        for (Mention m : mentions) {
            boolean inPhrase = m.inTitle() ? titlePhrase : phraseBlocks.stream().anyMatch(b -> b.start() <= m.start() && m.end() <= b.end());
            suspect.add(inPhrase);
            if (!inPhrase) {
                recognisedElsewhere.add(m.surface().toLowerCase(Locale.ROOT));
            }
        }
        List<Mention> out = new ArrayList<>(mentions.size());
        for (int i = 0; i < mentions.size(); i++) {
            Mention m = mentions.get(i);
            // Places and people stay: "Czech Republic at Germany" is all frequent words too; the web
            // heading phrases this filter is for ("Host Nations") come out of the CRF as organisations.
            if (!suspect.get(i) || placeOrPerson(m) || recognisedElsewhere.contains(m.surface().toLowerCase(Locale.ROOT))
                    || aliases.canonical(m.surface()).isPresent() || !allCommon(m.surface())) {
                out.add(m);
            }
        }
        return out;
    }

    private static boolean placeOrPerson(Mention m) {
        return m.type().equals("LOCATION") || m.type().equals("PERSON");
    }

    boolean ordinaryWord(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        for (String stem : new String[] {w, w.replaceAll("(?:es|s|ed|ing)$", ""), w.replaceAll("(?:s|d|ing)$", "") + (w.endsWith("ing") ? "e" : "")}) {
            if (stem.length() > 2 && background.idf(stem) <= commonIdf) {
                return true;
            }
        }
        return false;
    }

    private boolean allCommon(String surface) {
        for (String w : surface.split("[^\\p{L}]+")) {
            if (!w.isEmpty() && !ordinaryWord(w)) {
                return false;
            }
        }
        return true;
    }

    /** True for a mixed-case line without digits where most longer words start with a capital. */
    static boolean titleCase(String line) {
        if (!phraseLike(line)) {
            return false;
        }
        int counted = 0;
        int capitalised = 0;
        boolean lower = false;
        for (String w : line.split("[^\\p{L}]+")) {
            if (w.length() > 3) {
                counted++;
                capitalised += Character.isUpperCase(w.charAt(0)) ? 1 : 0;
            }
            lower |= !w.equals(w.toUpperCase(Locale.ROOT));
        }
        return lower && counted > 0 && capitalised >= 0.6 * counted;
    }

    /**
     * Words as the CRF should see them: in a Title Case line, common Capitalised words after the
     * first are lowered when the article itself writes them in lower case somewhere
     * ({@code lowerCaseWords}). The news corpus is lower-cased, so "Henry", "Walter" or "Germany"
     * count as common words there; the article's own lower-case use is what tells "Host Nations"
     * (the text says "host nations") from "Henry Honiball" in a team list (CoNLL-2003 dev F1 +0.3).
     */
    List<String> forNer(List<String> words, boolean titleCaseLine, Set<String> lowerCaseWords) {
        if (!titleCaseLine) {
            return words;
        }
        List<String> out = new ArrayList<>(words.size());
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            boolean capitalisedWord = w.length() > 1 && Character.isUpperCase(w.charAt(0)) && w.substring(1).equals(w.substring(1).toLowerCase(Locale.ROOT));
            boolean lower = i > 0 && capitalisedWord && aliases.canonical(w).isEmpty() && ordinaryWord(w)
                    && lowerCaseWords.contains(w.toLowerCase(Locale.ROOT));
            out.add(lower ? w.toLowerCase(Locale.ROOT) : w);
        }
        return out;
    }

    /** Mixed case and no digits: a web heading, table header or cell, not a wire headline or a result line. */
    static boolean phraseLike(String line) {
        boolean lower = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (Character.isDigit(c)) {
                return false;
            }
            lower |= Character.isLowerCase(c);
        }
        return lower;
    }
}
