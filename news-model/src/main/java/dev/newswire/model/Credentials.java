package dev.newswire.model;

import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The one rule for keeping credentials out of anything logged or echoed (log lines, problem
 * {@code instance} members), shared by every service: the configured keys wherever they appear,
 * {@code Bearer}/{@code Basic} tokens, {@code X-Api-Key:}/{@code Authorization:} values, and
 * {@code key=}/{@code token=} parameters of a URL (EventSource clients must put their key there).
 */
public final class Credentials {

    public static final String REDACTED = "[redacted]";
    private static final Pattern TOKENS = Pattern.compile("(?i)\\b(Bearer|Basic)\\s+[^\\s,;\"'<>]+");
    private static final Pattern HEADERS = Pattern.compile(
            "(?i)\\b(x-api-key|authorization|proxy-authorization)(\"?\\s*[:=]\\s*\"?)(?!Bearer|Basic)[^\\s,;\"'<>]+");
    // A parameter value runs to the next parameter, fragment, quote or whitespace.
    private static final Pattern PARAMETERS = Pattern.compile(
            "(?i)((?<![\\w-])(?:api[-_]?key|x-api-key|key|token|access_token)=)[^&#\\s\"'<>]+");

    private Credentials() {
    }

    /** {@code text} with every credential pattern replaced by {@link #REDACTED}. */
    public static String redact(String text) {
        return redact(text, List.of());
    }

    /** Also masks each of {@code keys} (the configured API keys) wherever it appears. */
    public static String redact(String text, Collection<String> keys) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (String key : keys) {
            // Very short "keys" would mask ordinary words; keys that short are refused elsewhere anyway.
            if (key.length() >= 4) {
                out = out.replace(key, REDACTED);
            }
        }
        out = TOKENS.matcher(out).replaceAll("$1 " + REDACTED);
        out = HEADERS.matcher(out).replaceAll("$1$2" + REDACTED);
        return PARAMETERS.matcher(out).replaceAll("$1" + REDACTED);
    }
}
