package dev.newswire.enrich.pipeline.clean;

import dev.newswire.enrich.pipeline.Block;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits plain text into normalised lines and gives each a {@link Block.Kind}: markdown table
 * rows, bullets, short title-like headings, and paragraphs. Headings matter because title-case
 * lines are the main source of NER false positives, so they are kept out of sentences.
 */
public final class LineClassifier {

    private static final Pattern BULLET = Pattern.compile("^(?:[-*+•●▪◦‣–]|\\d{1,2}[.)])\\s+(.*)$");
    private static final Pattern TABLE_SEPARATOR = Pattern.compile("^\\|?\\s*:?-{2,}:?\\s*(\\|\\s*:?-{2,}:?\\s*)*\\|?$");
    private static final int MAX_HEADING_WORDS = 16;
    private static final int MAX_HEADING_CHARS = 140;

    private LineClassifier() {
    }

    /** Plain text to classified, normalised, non-empty lines; markdown table separators are dropped. */
    public static List<TextLine> classify(String plainText) {
        List<TextLine> lines = new ArrayList<>();
        for (String rawLine : plainText.split("\\R")) {
            String line = TextNormalizer.normalizeLine(rawLine);
            if (line.isEmpty() || TABLE_SEPARATOR.matcher(line).matches()) {
                continue;
            }
            lines.add(classifyLine(line));
        }
        return lines;
    }

    static TextLine classifyLine(String line) {
        if (line.startsWith("|") && line.endsWith("|") && line.length() > 2) {
            return new TextLine(Block.Kind.TABLE_ROW, tableRow(line));
        }
        Matcher bullet = BULLET.matcher(line);
        if (bullet.matches() && !bullet.group(1).isBlank()) {
            return new TextLine(Block.Kind.LIST_ITEM, bullet.group(1).strip());
        }
        if (looksLikeHeading(line)) {
            return new TextLine(Block.Kind.HEADING, line);
        }
        return new TextLine(Block.Kind.PARAGRAPH, line);
    }

    /**
     * A headline or section heading: short, starts with a capital/digit/quote, and does not end
     * like a sentence or a lead-in (".", "!", "?", ":", ",", ";").
     */
    public static boolean looksLikeHeading(String line) {
        String t = line.strip();
        if (t.isEmpty() || t.length() > MAX_HEADING_CHARS) {
            return false;
        }
        int words = t.split("\\s+").length;
        if (words > MAX_HEADING_WORDS) {
            return false;
        }
        int first = t.codePointAt(0);
        if (!(Character.isUpperCase(first) || Character.isDigit(first) || first == '"' || first == '\'')) {
            return false;
        }
        char last = t.charAt(t.length() - 1);
        return !TextNormalizer.endsLikeSentence(t) && ":,;".indexOf(last) < 0;
    }

    /** "| a | b |" to "a | b": the outer pipes carry no meaning once the row is its own block. */
    private static String tableRow(String line) {
        String inner = line.substring(1, line.length() - 1);
        List<String> cells = new ArrayList<>();
        for (String cell : inner.split("\\|", -1)) {
            cells.add(cell.strip());
        }
        return String.join(" | ", cells);
    }
}
