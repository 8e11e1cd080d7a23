package dev.newswire.api.http;

import dev.newswire.model.Credentials;
import io.quarkus.logging.LoggingFilter;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import org.jboss.logmanager.ExtLogRecord;

/**
 * Redacts credentials in every log line before a handler writes it (console and file handlers,
 * set in application.properties): the access log, Vert.x and Quarkus failure logs and our own
 * print request URIs, and EventSource clients carry their key in the URI. A filter on the handlers
 * rather than care at each call site, because some of those lines are written by libraries.
 */
@LoggingFilter(name = "redact-credentials")
public final class CredentialLogFilter implements Filter {

    @Override
    public boolean isLoggable(LogRecord record) {
        if (record.getMessage() == null) {
            return true;
        }
        String formatted = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
        String redacted = Credentials.redact(formatted);
        if (!redacted.equals(formatted)) {
            if (record instanceof ExtLogRecord ext) {
                ext.setMessage(redacted, ExtLogRecord.FormatStyle.NO_FORMAT);
            } else {
                record.setMessage(redacted);
            }
            record.setParameters(null);
        }
        return true;
    }
}
