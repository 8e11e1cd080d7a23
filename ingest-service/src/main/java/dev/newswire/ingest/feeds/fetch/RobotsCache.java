package dev.newswire.ingest.feeds.fetch;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * robots.txt per origin for the article fetcher, kept {@code ttl} in this replica's memory (a
 * cache: losing it costs one fetch per host). As RFC 9309 says: a 4xx answer means no rules, a
 * 5xx or no answer means everything is disallowed until the next try.
 */
public final class RobotsCache {

    private record Cached(RobotsRules rules, long until) {
    }

    private static final int MAX_ORIGINS = 10_000;

    private final HttpFetcher fetcher;
    private final String productToken;
    private final long ttlNanos;
    private final Map<String, Cached> origins = new ConcurrentHashMap<>();

    public RobotsCache(HttpFetcher fetcher, Duration ttl) {
        this.fetcher = fetcher;
        String agent = fetcher.userAgent();
        int end = agent.indexOf('/');
        this.productToken = (end < 0 ? agent : agent.substring(0, end)).strip();
        this.ttlNanos = ttl.toNanos();
    }

    public boolean allowed(URI page) {
        String origin = page.getScheme() + "://" + HttpFetcher.hostKey(page);
        long now = System.nanoTime();
        Cached cached = origins.get(origin);
        if (cached == null || now - cached.until() > 0) {
            if (origins.size() > MAX_ORIGINS) {
                origins.clear();
            }
            cached = new Cached(load(URI.create(origin + "/robots.txt")), now + ttlNanos);
            origins.put(origin, cached);
        }
        String path = page.getRawPath() == null || page.getRawPath().isEmpty() ? "/" : page.getRawPath();
        return cached.rules().allowed(page.getRawQuery() == null ? path : path + "?" + page.getRawQuery());
    }

    private RobotsRules load(URI robots) {
        try {
            HttpFetcher.Response response = fetcher.get(new HttpFetcher.Request(robots, "text/plain", RobotsRules.MAX_BYTES, null, null));
            return RobotsRules.parse(new String(response.body(), StandardCharsets.UTF_8), productToken);
        } catch (FetchException e) {
            Integer status = e.status();
            if (status != null && status >= 400 && status < 500) {
                return RobotsRules.ALLOW_ALL;
            }
            if (e.kind() == FetchException.Kind.TOO_LARGE) {
                return RobotsRules.ALLOW_ALL;
            }
            return RobotsRules.DISALLOW_ALL;
        }
    }
}
