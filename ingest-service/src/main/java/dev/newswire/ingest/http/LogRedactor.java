package dev.newswire.ingest.http;

import dev.newswire.model.Credentials;
import io.quarkus.logging.LoggingFilter;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logmanager.ExtLogRecord;

/**
 * Masks credentials in every log line before it is written (console and file handlers, access log
 * included), by the shared rule {@link Credentials}, plus the configured API keys wherever they
 * appear. A log is read by more people than the keys are meant for.
 */
@LoggingFilter(name = "newswire-redact")
public final class LogRedactor implements Filter {

    private final List<String> keys;

    // Optional: NEWSWIRE_INGEST_API_KEYS= (set but empty, as docker-compose passes it) means no keys,
    // and a plain String would make that a start-up failure.
    public LogRedactor(@ConfigProperty(name = "newswire.ingest.api-keys") Optional<String> keys) {
        this.keys = Arrays.stream(keys.orElse("").split(",")).map(String::strip).filter(key -> key.length() >= 4).toList();
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
        return Credentials.redact(text, keys);
    }
}
