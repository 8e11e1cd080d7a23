package dev.newswire.ingest.intake;

/**
 * Cleans sender text before the article id is computed, so the id, the published text and what
 * readers see all agree: control characters (NUL, escape, C1 controls...) other than newline and tab
 * are dropped, and CR/CRLF line ends become LF. A lone UTF-16 surrogate (JSON {@code "\ud800"}) is
 * refused instead: it has no UTF-8 form, and the serialiser would turn it into {@code ?} after the id
 * was already computed from the original.
 */
final class ArticleText {

    private ArticleText() {
    }

    /** {@code value} cleaned, or null when null. Throws when it holds a lone surrogate. */
    static String clean(String field, String value) throws RejectedArticleException {
        if (value == null) {
            return null;
        }
        StringBuilder out = null;
        int length = value.length();
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (Character.isSurrogate(c)) {
                boolean paired = Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(value.charAt(i + 1));
                if (!paired) {
                    throw new RejectedArticleException(Rejection.INVALID_ENCODING, "\"" + field + "\" holds a lone UTF-16 surrogate (\\u"
                            + Integer.toHexString(c) + ") at character " + i + "; send valid Unicode text.",
                            java.util.Map.of("field", field, "offset", i));
                }
                if (out != null) {
                    out.append(c).append(value.charAt(i + 1));
                }
                i++;
                continue;
            }
            boolean keep = c == '\n' || c == '\t' || !Character.isISOControl(c);
            char replacement = c == '\r' ? '\n' : c;
            if (keep && replacement == c) {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(length).append(value, 0, i);
            }
            if (c == '\r') {
                if (i + 1 < length && value.charAt(i + 1) == '\n') {
                    i++;
                }
                out.append('\n');
            }
        }
        return out == null ? value : out.toString();
    }
}
