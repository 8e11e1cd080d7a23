package dev.newswire.enrich.pipeline.text;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Whitespace and typographic normalisation applied to every line. Curly quotes become ASCII
 * because the OpenNLP and CoreNLP English models were trained on ASCII-quoted news text, and
 * "Trump’s" must look like "Trump's" for alias merging.
 */
public final class TextNormalizer {

    private static final Pattern INVISIBLE = Pattern.compile("[\\u00AD\\u200B-\\u200D\\u2060\\uFEFF]");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2000-\\u200A\\u202F\\u205F\\u3000]+");
    private static final Pattern DOUBLE_QUOTES = Pattern.compile("[\\u201C\\u201D\\u201E\\u201F\\u00AB\\u00BB\\u2033]");
    private static final Pattern SINGLE_QUOTES = Pattern.compile("[\\u2018\\u2019\\u201A\\u201B\\u2032\\u00B4]");

    private TextNormalizer() {
    }

    /** NFC, no invisible characters, ASCII quotes, single spaces, trimmed. */
    public static String normalizeLine(String line) {
        String s = Normalizer.normalize(line, Normalizer.Form.NFC);
        s = INVISIBLE.matcher(s).replaceAll("");
        s = DOUBLE_QUOTES.matcher(s).replaceAll("\"");
        s = SINGLE_QUOTES.matcher(s).replaceAll("'");
        s = SPACES.matcher(s).replaceAll(" ");
        return s.strip();
    }

    /** True when the line ends with sentence punctuation, possibly followed by a closing quote or bracket. */
    public static boolean endsLikeSentence(String line) {
        String t = line.strip();
        int i = t.length() - 1;
        while (i >= 0 && "\"')]".indexOf(t.charAt(i)) >= 0) {
            i--;
        }
        return i >= 0 && ".!?…".indexOf(t.charAt(i)) >= 0;
    }

    /** True when the line has at least one letter or digit (lone icons and stray dots have none). */
    public static boolean hasLetterOrDigit(String line) {
        return line.codePoints().anyMatch(Character::isLetterOrDigit);
    }
}
