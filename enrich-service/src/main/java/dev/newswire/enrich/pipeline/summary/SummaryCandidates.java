package dev.newswire.enrich.pipeline.summary;

import dev.newswire.enrich.pipeline.Block;
import dev.newswire.enrich.pipeline.Sentence;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which sentences may appear in a summary: complete sentences of paragraph blocks. Not list items
 * (bullets are often someone else's summary: "Quick Take"), headings or table rows, not the
 * headline again, not fragments, questions to the reader or lines with links and pipes.
 */
public final class SummaryCandidates {

    static final int MIN_WORDS = 6;
    static final int MAX_WORDS = 70;
    private static final Pattern COMPLETE = Pattern.compile("^[\\p{Lu}\\p{N}\"“‘'(].*[.!\"”’)]$", Pattern.DOTALL);
    private static final Pattern NOISE = Pattern.compile("https?://|www\\.|\\|| {2,}|@\\w");

    private SummaryCandidates() {
    }

    public static List<Sentence> select(String text, List<Block> blocks, List<Sentence> sentences, String title) {
        Set<String> titleWords = words(title);
        List<Sentence> out = new ArrayList<>();
        for (Sentence s : sentences) {
            if (inParagraph(s, blocks) && isComplete(s.text()) && !repeats(titleWords, s.text()) && !tornQuote(s.text())) {
                out.add(s);
            }
        }
        return out;
    }

    static boolean inParagraph(Sentence s, List<Block> blocks) {
        if (blocks.isEmpty()) {
            return true;
        }
        for (Block b : blocks) {
            if (s.start() >= b.start() && s.end() <= b.end()) {
                return b.kind() == Block.Kind.PARAGRAPH;
            }
        }
        return false;
    }

    static boolean isComplete(String sentence) {
        String s = sentence.strip();
        int words = s.split("\\s+").length;
        return words >= MIN_WORDS && words <= MAX_WORDS && COMPLETE.matcher(s).matches() && !NOISE.matcher(s).find();
    }

    /**
     * A quotation without its speaker: the quote opens in an earlier sentence or goes on in a later
     * one (unbalanced marks), or the whole sentence is the quote ("We will not give up."). Out of
     * context such a line reads as the paper's own claim. "We will win," he said. keeps its speaker.
     */
    static boolean tornQuote(String sentence) {
        String s = sentence.strip();
        long straight = s.chars().filter(c -> c == '"').count();
        long open = s.chars().filter(c -> c == '“').count();
        long close = s.chars().filter(c -> c == '”').count();
        if (straight % 2 == 1 || open != close) {
            return true;
        }
        return s.matches("(?s)^[\"“‘].*[\"”’][.!?]?$") || s.matches("(?s)^[\"“‘].*[.!?,][\"”’]$");
    }

    /** True when the sentence is mostly the headline's words (the headline repeated in the body). */
    private static boolean repeats(Set<String> titleWords, String sentence) {
        if (titleWords.isEmpty()) {
            return false;
        }
        Set<String> words = words(sentence);
        Set<String> common = new HashSet<>(words);
        common.retainAll(titleWords);
        return !words.isEmpty() && common.size() >= 0.8 * words.size();
    }

    private static Set<String> words(String text) {
        Set<String> out = new HashSet<>();
        if (text != null) {
            for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
                if (!w.isEmpty()) {
                    out.add(w);
                }
            }
        }
        return out;
    }
}
