package dev.newswire.enrich.pipeline.clean;

import dev.newswire.enrich.pipeline.Block;
import dev.newswire.enrich.pipeline.text.LineClassifier;
import dev.newswire.enrich.pipeline.text.TextLine;
import dev.newswire.enrich.pipeline.text.TextNormalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Removes boilerplate lines by the {@link BoilerplateRules}, plus the structural rules that need
 * no vocabulary: lines without letters or digits, and short lines or headings that repeat an
 * earlier line (a repeated headline under the lead, a byline name printed twice).
 */
public final class BoilerplateStripper {

    private static final int MAX_NAME_LINES_AFTER_BY = 3;
    private static final int SHORT_LINE_WORDS = 12;

    /**
     * Boilerplate lines are short; longer lines are prose and skip the rule regexes, which also
     * keeps Java's recursive regex engine away from multi-kilobyte lines (StackOverflowError).
     */
    static final int MAX_RULE_LINE_CHARS = 300;

    private final BoilerplateRules rules;

    public BoilerplateStripper(BoilerplateRules rules) {
        this.rules = rules;
    }

    public List<TextLine> strip(List<TextLine> lines) {
        List<TextLine> kept = new ArrayList<>();
        Set<String> seenShort = new HashSet<>();
        int i = 0;
        while (i < lines.size()) {
            TextLine line = lines.get(i);
            String text = line.text();
            if (text.length() > MAX_RULE_LINE_CHARS) {
                kept.add(line);
                i++;
                continue;
            }
            if (BoilerplateRules.anyMatches(rules.dropTails(), text)) {
                break;
            }
            if (BoilerplateRules.anyMatches(rules.dropSections(), text)) {
                i = endOfSection(lines, i + 1);
                continue;
            }
            if (BoilerplateRules.anyMatches(rules.bylines(), text)) {
                i = skipNameLines(lines, i + 1);
                continue;
            }
            i++;
            if (!TextNormalizer.hasLetterOrDigit(text) || BoilerplateRules.anyMatches(rules.dropLines(), text)) {
                continue;
            }
            boolean isShort = line.kind() == Block.Kind.HEADING || line.words() < SHORT_LINE_WORDS;
            if (isShort && line.kind() != Block.Kind.TABLE_ROW && !seenShort.add(key(text))) {
                continue;
            }
            kept.add(line);
        }
        return kept;
    }

    /** Index of the first line after a dropped section: the next line of running prose. */
    private static int endOfSection(List<TextLine> lines, int from) {
        int j = from;
        while (j < lines.size() && !lines.get(j).isParagraphLike()) {
            j++;
        }
        return j;
    }

    private static int skipNameLines(List<TextLine> lines, int from) {
        int j = from;
        while (j < lines.size() && j - from < MAX_NAME_LINES_AFTER_BY && LineClassifier.looksLikeName(lines.get(j).text())) {
            j++;
        }
        return j;
    }

    private static String key(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
