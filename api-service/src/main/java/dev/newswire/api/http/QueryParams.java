package dev.newswire.api.http;

import dev.newswire.api.stream.StartResolver;
import dev.newswire.api.view.ArticleFilter;
import dev.newswire.api.view.Position;
import dev.newswire.api.view.StoryIndex;
import dev.newswire.api.view.TimeKey;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parsing and validation of query parameters shared by the stream and the JSON API; 400s name the parameter. */
public final class QueryParams {

    private static final Pattern LANG = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})?");
    private static final Pattern WINDOW = Pattern.compile("(\\d{1,6})([smhd])");
    private static final int MAX_TEXT = 200;

    private QueryParams() {
    }

    public static ArticleFilter filter(List<String> tags, String entity, String lang, String q) {
        if (lang != null && !lang.isBlank() && !LANG.matcher(lang.trim()).matches()) {
            throw ApiException.badParameter("lang", "lang must be a language code such as 'en'");
        }
        checkLength("entity", entity);
        checkLength("q", q);
        if (tags != null) {
            tags.forEach(t -> checkLength("tag", t));
        }
        return ArticleFilter.of(tags, entity, lang, q);
    }

    /**
     * The {@code story} filter: the story's id, plus every story merged into it that the view holds
     * (resolved now, so a merge after the request does not change an open stream's filter).
     */
    public static ArticleFilter withStory(ArticleFilter filter, String story, StoryIndex stories) {
        if (story == null || story.isBlank()) {
            return filter;
        }
        if (story.length() > MAX_TEXT * 3) {
            throw ApiException.badParameter("story", "story is longer than " + MAX_TEXT * 3 + " characters");
        }
        return filter.withStories(stories.equivalentIds(story.trim()));
    }

    private static void checkLength(String parameter, String value) {
        if (value != null && value.length() > MAX_TEXT) {
            throw ApiException.badParameter(parameter, parameter + " is longer than " + MAX_TEXT + " characters");
        }
    }

    /**
     * ISO-8601 instant, offset date-time, date (midnight UTC), or epoch milliseconds (digits only),
     * within {@link StartResolver#EARLIEST_SINCE} .. now + {@link StartResolver#SINCE_AHEAD}: Kafka
     * reads negative times as its special offsets (-1 latest, -2 earliest) or refuses them, and a
     * time past the year 292278994 does not fit its milliseconds.
     */
    public static Instant since(String value) {
        String v = value.trim();
        Instant time;
        try {
            if (v.matches("\\d{1,15}")) {
                time = Instant.ofEpochMilli(Long.parseLong(v));
            } else if (v.length() == 10) {
                time = LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant();
            } else {
                try {
                    time = Instant.parse(v);
                } catch (DateTimeParseException e) {
                    time = OffsetDateTime.parse(v).toInstant();
                }
            }
        } catch (DateTimeException | ArithmeticException | NumberFormatException e) {
            time = null;
        }
        if (time == null || !StartResolver.inSinceWindow(time, Instant.now())) {
            throw ApiException.badParameter("since", "since must be a time from 1970-01-01T00:00:00Z to one day from now: "
                    + "ISO-8601 (2026-01-31T12:00:00Z, 2026-01-31) or epoch milliseconds (0 or more)");
        }
        return time;
    }

    public static Position token(String parameter, String value) {
        try {
            return Position.parse(value);
        } catch (IllegalArgumentException e) {
            throw ApiException.badParameter(parameter, parameter + " is not a resume token of this stream (" + e.getMessage() + ")");
        }
    }

    /** {@code earliest} or {@code latest}; null when absent. */
    public static boolean fromEarliest(String value) {
        if (value == null || value.isBlank() || value.equalsIgnoreCase("latest")) {
            return false;
        }
        if (value.equalsIgnoreCase("earliest")) {
            return true;
        }
        throw ApiException.badParameter("from", "from must be 'earliest' or 'latest'");
    }

    public static int limit(String value, int fallback, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int limit = Integer.parseInt(value.trim());
            if (limit >= 1 && limit <= max) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // fall through to the problem below
        }
        throw ApiException.badParameter("limit", "limit must be an integer from 1 to " + max);
    }

    public static TimeKey cursor(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return TimeKey.parseCursor(value.trim());
        } catch (IllegalArgumentException e) {
            throw ApiException.badParameter("cursor", "cursor must be the nextCursor of a previous page");
        }
    }

    /** A window such as {@code 90m}, {@code 24h} or {@code 7d}. */
    public static Duration window(String value) {
        if (value == null || value.isBlank()) {
            return Duration.ofHours(24);
        }
        Matcher m = WINDOW.matcher(value.trim());
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            throw ApiException.badParameter("window", "window must be a positive number followed by s, m, h or d, e.g. 24h");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }
}
