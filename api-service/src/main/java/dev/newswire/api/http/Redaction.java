package dev.newswire.api.http;

import java.util.regex.Pattern;

/**
 * Removes credentials from text that is logged or echoed: {@code key=} values (query or matrix
 * parameters, where EventSource clients must put their key) and bearer tokens. Used for problem
 * {@code instance} members and, through {@link CredentialLogFilter}, for every log line.
 */
public final class Redaction {

    public static final String REDACTED = "[redacted]";
    // A key value runs to the next parameter, fragment, quote or whitespace.
    private static final Pattern KEY_PARAMETER = Pattern.compile("(?i)\\b(key=)[^&#\\s\"'<>]+");
    private static final Pattern BEARER = Pattern.compile("(?i)\\b(bearer\\s+)[^\\s\"',;]+");

    private Redaction() {
    }

    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = KEY_PARAMETER.matcher(text).replaceAll("$1" + REDACTED);
        return BEARER.matcher(out).replaceAll("$1" + REDACTED);
    }
}
