package dev.newswire.ingest.feeds;

import dev.newswire.ingest.config.FeedsConfig;
import dev.newswire.ingest.config.IngestConfig;
import dev.newswire.ingest.feeds.fetch.FetchException;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Instant;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Registers, lists and deletes feeds. Every change is a record on the registry topic; answers come
 * from the {@link FeedView}, and a write is answered only once the view shows it, so a GET right
 * after a POST on the same replica sees the feed.
 */
@ApplicationScoped
public class FeedRegistry {

    static final int MAX_URL_LENGTH = 2048;
    static final int MAX_SOURCE_LENGTH = 200;

    /** A registration's outcome: the feed as now stored, and whether it was new. */
    public record Registered(FeedDescription feed, boolean created) {
    }

    private final FeedsConfig config;
    private final FeedStore store;
    private final FeedView view;
    private final FetchTools tools;

    public FeedRegistry(IngestConfig config, FeedStore store, FeedView view, FetchTools tools) {
        this.config = config.feeds();
        this.store = store;
        this.view = view;
        this.tools = tools;
    }

    public Registered register(FeedRequest request) {
        if (request == null || request.url() == null || request.url().isBlank()) {
            throw new FeedRequestException(422, "url", "\"url\" is required: the feed's absolute http(s) URL.");
        }
        String raw = request.url().strip();
        if (raw.length() > MAX_URL_LENGTH) {
            throw new FeedRequestException(422, "url", "\"url\" is longer than " + MAX_URL_LENGTH + " characters.");
        }
        String url = FeedIds.canonical(raw).orElseThrow(() -> new FeedRequestException(422, "url",
                "\"url\" must be an absolute http or https URL with a host, got \"" + clip(raw) + "\"."));
        try {
            tools.guard().check(URI.create(url));
        } catch (FetchException e) {
            if (e.kind() != FetchException.Kind.DNS) { // a name that does not resolve yet is the poller's to report
                throw new FeedRequestException(422, "url", "The feed cannot be fetched: " + e.getMessage() + ".");
            }
        } catch (IllegalArgumentException e) {
            throw new FeedRequestException(422, "url", "\"url\" is not a valid URI: \"" + clip(raw) + "\".");
        }
        long interval = interval(request.intervalSeconds());
        String language = language(request.language());
        String source = source(request.source());
        String id = FeedIds.of(url);
        Instant now = Instant.now();
        var existing = view.feed(id);
        Instant registeredAt = existing.map(e -> e.feed().registeredAt()).orElse(now);
        FeedDefinition feed = new FeedDefinition(id, url, interval, Boolean.TRUE.equals(request.fetchArticles()), language,
                source, registeredAt, now);
        RecordMetadata stored = store.put(feed);
        view.awaitApplied(config.topic(), stored.partition(), stored.offset(), config.viewWait());
        return new Registered(FeedDescription.of(feed, view.status(id).orElse(null)), existing.isEmpty());
    }

    public List<FeedDescription> all() {
        return view.feeds().stream().map(e -> FeedDescription.of(e.feed(), view.status(e.feed().id()).orElse(null))).toList();
    }

    public FeedDescription get(String id) {
        FeedView.Entry entry = view.feed(id).orElseThrow(() -> new FeedNotFoundException(id));
        return FeedDescription.of(entry.feed(), view.status(id).orElse(null));
    }

    public void delete(String id) {
        view.feed(id).orElseThrow(() -> new FeedNotFoundException(id));
        RecordMetadata stored = store.delete(id);
        view.awaitApplied(config.topic(), stored.partition(), stored.offset(), config.viewWait());
    }

    private long interval(Long seconds) {
        if (seconds == null) {
            return config.defaultInterval().toSeconds();
        }
        long min = config.minInterval().toSeconds();
        long max = config.maxInterval().toSeconds();
        if (seconds < min || seconds > max) {
            throw new FeedRequestException(422, "intervalSeconds", "\"intervalSeconds\" must lie between " + min + " and "
                    + max + ", got " + seconds + ".");
        }
        return seconds;
    }

    private static String language(String tag) {
        if (tag == null || tag.isBlank()) {
            return null;
        }
        String value = tag.strip();
        try {
            if (value.length() <= 35) {
                new Locale.Builder().setLanguageTag(value);
                return value;
            }
        } catch (IllformedLocaleException e) {
            // answered below
        }
        throw new FeedRequestException(422, "language", "\"language\" must be a BCP-47 tag such as \"en\" or \"de-CH\", got \""
                + clip(value) + "\".");
    }

    private static String source(String source) {
        if (source == null || source.isBlank()) {
            return null;
        }
        if (source.strip().length() > MAX_SOURCE_LENGTH || source.chars().anyMatch(Character::isISOControl)) {
            throw new FeedRequestException(422, "source", "\"source\" must be at most " + MAX_SOURCE_LENGTH
                    + " characters without control characters.");
        }
        return source.strip();
    }

    private static String clip(String value) {
        return value.length() <= 80 ? value : value.substring(0, 77) + "...";
    }
}
