package dev.newswire.ingest.intake;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds the headline of a plain-text article: its first non-blank line, when that line reads like a
 * headline rather than the opening paragraph. Hand-written because it is a handful of shape rules
 * (no NLP library answers "is this line a headline"):
 * <ul>
 *   <li>more text follows it (a one-line text is all body);</li>
 *   <li>3 to 200 characters and at most 30 words;</li>
 *   <li>it does not end like a sentence or a clause ({@code . , ; :}) — headlines carry no full
 *       stop, paragraphs do; {@code ?} and {@code !} are allowed;</li>
 *   <li>it is not a list item ({@code - * •}).</li>
 * </ul>
 */
public final class HeadlineDetector {

    private static final int MIN_CHARS = 3;
    private static final int MAX_CHARS = 200;
    private static final int MAX_WORDS = 30;
    private static final Pattern WORDS = Pattern.compile("\\s+");

    private HeadlineDetector() {
    }

    public static Optional<String> headline(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String[] lines = text.split("\\R", -1);
        int first = 0;
        while (first < lines.length && lines[first].isBlank()) {
            first++;
        }
        if (first >= lines.length) {
            return Optional.empty();
        }
        String candidate = lines[first].strip();
        boolean moreFollows = false;
        for (int i = first + 1; i < lines.length && !moreFollows; i++) {
            moreFollows = !lines[i].isBlank();
        }
        if (!moreFollows || candidate.length() < MIN_CHARS || candidate.length() > MAX_CHARS
                || WORDS.split(candidate).length > MAX_WORDS) {
            return Optional.empty();
        }
        char last = candidate.charAt(candidate.length() - 1);
        char firstChar = candidate.charAt(0);
        if (last == '.' || last == ',' || last == ';' || last == ':'
                || firstChar == '-' || firstChar == '*' || firstChar == '\u2022') {
            return Optional.empty();
        }
        return Optional.of(candidate);
    }
}
