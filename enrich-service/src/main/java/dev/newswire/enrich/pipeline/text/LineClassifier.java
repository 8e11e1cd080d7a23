package dev.newswire.enrich.pipeline.text;

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
    private static final Pattern NAME_LINE = Pattern.compile("\\p{Lu}[\\p{L}.'-]*(\\s+(\\p{Lu}[\\p{L}.'-]*|de|van|von|al|bin|da|di|le|la)){0,4}");
    private static final int MAX_HEADING_WORDS = 16;
    private static final int MAX_HEADING_CHARS = 140;
    private static final int SHORT_HEADING_WORDS = 7;

    private LineClassifier() {
    }

    /** Plain text to classified, normalised, non-empty lines; markdown table separators are dropped. */
    public static List<TextLine> classify(String plainText) {
        List<TextLine> lines = new ArrayList<>();
        for (String rawLine : plainText.split("\\R")) {
            String line = TextNormalizer.normalizeLine(rawLine);
            if (line.isEmpty() || line.length() < 2000 && TABLE_SEPARATOR.matcher(line).matches()) {
                continue;
            }
            TextLine classified = classifyLine(line);
            TextLine previous = lines.isEmpty() ? null : lines.get(lines.size() - 1);
            if (previous != null && continues(previous, classified, line)) {
                lines.set(lines.size() - 1, new TextLine(Block.Kind.PARAGRAPH, previous.text() + " " + line));
            } else {
                lines.add(classified);
            }
        }
        return lines;
    }

    /**
     * Hard-wrapped prose: a paragraph line that stops mid-sentence continues on the next line when
     * that line is prose too or starts in lower case.
     */
    private static boolean continues(TextLine previous, TextLine current, String rawLine) {
        if (previous.kind() != Block.Kind.PARAGRAPH || TextNormalizer.endsLikeSentence(previous.text())
                || previous.text().endsWith(":")) {
            return false;
        }
        boolean lowerStart = Character.isLowerCase(rawLine.codePointAt(0));
        return current.kind() == Block.Kind.PARAGRAPH || lowerStart && current.kind() == Block.Kind.HEADING;
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
     * A headline or section heading: short, starts with a capital/digit/quote, does not end like a
     * sentence or a lead-in (".", "!", "?", ":", ",", ";"), and is either very short or in title
     * case (so a hard-wrapped line of prose is not taken for a heading).
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
        if (TextNormalizer.endsLikeSentence(t) || ":,;".indexOf(last) >= 0) {
            return false;
        }
        return words <= SHORT_HEADING_WORDS || titleCaseShare(t) >= 0.6;
    }

    /** Share of words longer than three letters that start with a capital (minor words excluded). */
    static double titleCaseShare(String line) {
        int counted = 0;
        int capitalised = 0;
        for (String w : line.split("\\s+")) {
            String word = w.replaceAll("^[\"'(]+", "");
            if (word.length() > 3) {
                counted++;
                if (Character.isUpperCase(word.codePointAt(0))) {
                    capitalised++;
                }
            }
        }
        return counted == 0 ? 1.0 : (double) capitalised / counted;
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

    /** A line that looks like a person's name on its own, as printed under "By". */
    public static boolean looksLikeName(String line) {
        String t = line.strip();
        return t.length() <= 80 && NAME_LINE.matcher(t).matches() && t.split("\\s+").length <= 5;
    }
}
