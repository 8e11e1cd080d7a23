package dev.newswire.ingest.intake;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.newswire.model.ArticleIds;
import dev.newswire.model.ArticleTimes;
import dev.newswire.model.NewsJson;
import dev.newswire.model.RawArticle;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.IllformedLocaleException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns what a sender gave (a JSON object, or a text/HTML body plus optional fields) into a valid
 * {@link RawArticle} with its contract id, or refuses it with a {@link Rejection} that says what to fix.
 * Stateless and free of Quarkus, so the HTTP path, NDJSON batches and replay share one set of rules.
 */
public final class ArticleParser {

    public static final String DEFAULT_SOURCE = "http";
    /** Longest {@code language} tag accepted; real tags are far shorter ("zh-Hant-TW" is 10). */
    static final int MAX_LANGUAGE_TAG = 35;
    private static final int MAX_SHORT_FIELD = 2048;
    /** Trailing tokens after the object ({@code {"body":"x"} junk}) are a syntax error, not ignored. */
    private static final ObjectReader JSON = NewsJson.mapper().reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private ArticleParser() {
    }

    /** One JSON object: {@code body} required; {@code title, url, source, publishedAt, language, contentType} optional. */
    public static RawArticle fromJson(String json, String defaultSource, Instant receivedAt) throws RejectedArticleException {
        if (json.isBlank()) {
            throw new RejectedArticleException(Rejection.MISSING_BODY,
                    "The request body is empty; send a JSON object with a non-blank \"body\".");
        }
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            int line = at == null ? -1 : at.getLineNr();
            int column = at == null ? -1 : at.getColumnNr();
            throw new RejectedArticleException(Rejection.MALFORMED_JSON,
                    "Malformed JSON at line " + line + ", column " + column + ": " + firstLine(e.getOriginalMessage()),
                    Map.of("line", line, "column", column));
        }
        if (node == null || !node.isObject()) {
            throw new RejectedArticleException(Rejection.INVALID_FIELD,
                    "Expected one JSON object such as {\"title\": \"...\", \"body\": \"...\"}, got "
                            + (node == null ? "nothing" : node.getNodeType().name().toLowerCase()) + ".");
        }
        String body = text(node, "body");
        String contentType = Optional.ofNullable(text(node, "contentType")).orElse(RawArticle.TEXT_PLAIN);
        if (!RawArticle.TEXT_PLAIN.equals(contentType) && !RawArticle.TEXT_HTML.equals(contentType)) {
            throw invalid("contentType", "\"contentType\" must be \"text/plain\" or \"text/html\", got \"" + clip(contentType) + "\".");
        }
        ArticleFields fields = new ArticleFields(text(node, "title"), text(node, "url"), text(node, "source"),
                text(node, "publishedAt"), text(node, "language"));
        return build(body, contentType, fields, defaultSource, receivedAt);
    }

    /**
     * A text/plain or text/html body. For plain text without a given title, a first line that reads
     * like a headline becomes the title; the body stays the whole text as sent.
     */
    public static RawArticle fromText(String text, String contentType, ArticleFields fields, String defaultSource,
                                      Instant receivedAt) throws RejectedArticleException {
        ArticleFields effective = fields == null ? ArticleFields.NONE : fields;
        if (RawArticle.TEXT_PLAIN.equals(contentType) && isBlank(effective.title())) {
            String headline = HeadlineDetector.headline(text).orElse(null);
            effective = new ArticleFields(headline, effective.url(), effective.source(), effective.publishedAt(),
                    effective.language());
        }
        return build(text, contentType, effective, defaultSource, receivedAt);
    }

    private static RawArticle build(String rawBody, String contentType, ArticleFields fields, String defaultSource,
                                    Instant receivedAt) throws RejectedArticleException {
        // Cleaned first: the id below is computed from exactly the text that is published.
        String body = ArticleText.clean("body", rawBody);
        if (body == null || body.isBlank()) {
            throw new RejectedArticleException(Rejection.MISSING_BODY,
                    "The article body is missing or blank; send the article text"
                            + (RawArticle.TEXT_HTML.equals(contentType) ? " (the HTML page)." : "."));
        }
        String url = trimToNull(ArticleText.clean("url", fields.url()));
        if (url != null && !ArticleIds.isWebUrl(url)) {
            throw invalid("url", "\"url\" must be an absolute http or https URL, got \"" + clip(url) + "\".");
        }
        Instant publishedAt = publishedAt(trimToNull(ArticleText.clean("publishedAt", fields.publishedAt())), receivedAt);
        String language = language(trimToNull(ArticleText.clean("language", fields.language())));
        String title = shortField("title", ArticleText.clean("title", fields.title()));
        String source = Optional.ofNullable(shortField("source", ArticleText.clean("source", fields.source()))).orElse(defaultSource);
        String id = ArticleIds.of(url, body);
        return new RawArticle(id, source, url, title, body, contentType, publishedAt, receivedAt, language);
    }

    /**
     * Within [1900-01-01, received + 1 day]: a date far outside cannot be a news article, and a
     * far-future one would sort above every real article (or overflow a reader's time arithmetic).
     */
    private static Instant publishedAt(String value, Instant receivedAt) throws RejectedArticleException {
        Instant instant = instant(value);
        if (instant == null) {
            return null;
        }
        Instant now = receivedAt == null ? Instant.now() : receivedAt;
        if (!ArticleTimes.within(instant, now)) {
            throw invalid("publishedAt", "\"publishedAt\" must lie between " + ArticleTimes.EARLIEST + " and one day after now ("
                    + ArticleTimes.latest(now) + "), got \"" + clip(value) + "\".");
        }
        return instant;
    }

    /** A well-formed BCP-47 tag (as {@link Locale.Builder} checks it), at most {@value #MAX_LANGUAGE_TAG} characters. */
    private static String language(String tag) throws RejectedArticleException {
        if (tag == null) {
            return null;
        }
        String problem = null;
        if (tag.length() > MAX_LANGUAGE_TAG) {
            problem = "is longer than " + MAX_LANGUAGE_TAG + " characters";
        } else {
            try {
                new Locale.Builder().setLanguageTag(tag);
            } catch (IllformedLocaleException e) {
                problem = "is not a well-formed tag";
            }
        }
        if (problem != null) {
            throw invalid("language", "\"language\" must be a BCP-47 tag such as \"en\" or \"de-CH\"; \"" + clip(tag) + "\" " + problem + ".");
        }
        return tag;
    }

    /** ISO-8601: an instant or offset date-time; a local date-time or date is taken as UTC. */
    static Instant instant(String value) throws RejectedArticleException {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return ZonedDateTime.parse(value).toInstant();
            } catch (DateTimeParseException notZoned) {
                try {
                    return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException notLocal) {
                    try {
                        return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
                    } catch (DateTimeParseException notDate) {
                        throw invalid("publishedAt", "\"publishedAt\" must be an ISO-8601 date-time such as "
                                + "\"2025-07-08T14:30:00Z\", got \"" + clip(value) + "\".");
                    }
                }
            }
        }
    }

    private static String text(JsonNode object, String field) throws RejectedArticleException {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw invalid(field, "\"" + field + "\" must be a string, got " + value.getNodeType().name().toLowerCase() + ".");
        }
        return value.textValue();
    }

    private static String shortField(String name, String value) throws RejectedArticleException {
        String trimmed = trimToNull(value);
        if (trimmed != null && trimmed.length() > MAX_SHORT_FIELD) {
            throw invalid(name, "\"" + name + "\" is longer than " + MAX_SHORT_FIELD + " characters.");
        }
        return trimmed;
    }

    private static RejectedArticleException invalid(String field, String detail) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("field", field);
        return new RejectedArticleException(Rejection.INVALID_FIELD, detail, details);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static String trimToNull(String value) {
        return isBlank(value) ? null : value.strip();
    }

    private static String clip(String value) {
        return value.length() <= 80 ? value : value.substring(0, 77) + "...";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "syntax error";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
