package dev.newswire.ingest.http;

import io.quarkus.logging.LoggingFilter;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logmanager.ExtLogRecord;

/**
 * Masks credentials in every log line before it is written (console and file handlers, access log
 * included): the configured API keys wherever they appear, {@code Bearer}/{@code Basic} tokens,
 * {@code X-Api-Key:}/{@code Authorization:} values and {@code key=}/{@code token=} parameters of a
 * logged URL. A log is read by more people than the keys are meant for.
 */
@LoggingFilter(name = "newswire-redact")
public final class LogRedactor implements Filter {

    static final String MASK = "***";
    private static final Pattern TOKENS = Pattern.compile("(?i)\\b(Bearer|Basic)\\s+[^\\s,;\"']+");
    private static final Pattern HEADERS = Pattern.compile("(?i)\\b(x-api-key|authorization|proxy-authorization)(\"?\\s*[:=]\\s*\"?)(?!Bearer|Basic)[^\\s,;\"']+");
    private static final Pattern PARAMETERS = Pattern.compile("(?i)((?<![\\w-])(?:api[-_]?key|x-api-key|key|token|access_token)=)[^&\\s\"']+");

    private final List<String> keys;

    public LogRedactor(@ConfigProperty(name = "newswire.ingest.api-keys", defaultValue = " ") String keys) {
        this.keys = Arrays.stream(keys.split(",")).map(String::strip).filter(key -> key.length() >= 4).toList();
    }

    @Override
    public boolean isLoggable(LogRecord record) {
        String formatted = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
        if (formatted != null) {
            String redacted = redact(formatted);
            if (!redacted.equals(formatted)) {
                if (record instanceof ExtLogRecord ext) {
                    ext.setMessage(redacted, ExtLogRecord.FormatStyle.NO_FORMAT);
                } else {
                    record.setMessage(redacted);
                }
                record.setParameters(null);
            }
        }
        return true;
    }

    String redact(String text) {
        String out = text;
        for (String key : keys) {
            out = out.replace(key, MASK);
        }
        out = TOKENS.matcher(out).replaceAll("$1 " + MASK);
        out = HEADERS.matcher(out).replaceAll("$1$2" + MASK);
        return PARAMETERS.matcher(out).replaceAll("$1" + MASK);
    }
}
