package dev.newswire.ingest.feeds;

import dev.newswire.ingest.config.FeedsConfig;
import dev.newswire.ingest.config.IngestConfig;
import dev.newswire.ingest.feeds.fetch.AddressGuard;
import dev.newswire.ingest.feeds.fetch.HostGate;
import dev.newswire.ingest.feeds.fetch.HttpFetcher;
import dev.newswire.ingest.feeds.fetch.RobotsCache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** The fetch side of the feature, built once from the settings: guard, politeness gate, HTTP client, robots cache. */
@ApplicationScoped
public class FetchTools {

    private final AddressGuard guard;
    private final HostGate gate;
    private final HttpFetcher fetcher;
    private final RobotsCache robots;

    @Inject
    public FetchTools(IngestConfig config) {
        this(config.feeds(), config.feeds().userAgent());
    }

    /** A separate set (own gate, own robots cache) with another User-Agent: tests run a second replica with it. */
    public FetchTools(FeedsConfig feeds, String userAgent) {
        this.guard = new AddressGuard(feeds.allowHosts().orElse(List.of()));
        this.gate = new HostGate(feeds.hostGap());
        this.fetcher = new HttpFetcher(guard, gate, feeds.connectTimeout(), feeds.requestDeadline(), feeds.maxRedirects(), userAgent);
        this.robots = new RobotsCache(fetcher, feeds.robotsTtl());
    }

    public AddressGuard guard() {
        return guard;
    }

    public HostGate gate() {
        return gate;
    }

    public HttpFetcher fetcher() {
        return fetcher;
    }

    public RobotsCache robots() {
        return robots;
    }
}
