package dev.newswire.ingest.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every setting of the ingest-service, {@code newswire.ingest.*}, with defaults that run locally. */
@ConfigMapping(prefix = "newswire.ingest")
public interface IngestConfig {

    /**
     * API keys that may write. Empty (the default): the service is open, which is meant for a
     * loopback-only {@code ./newswire up}. Set: writes need {@code Authorization: Bearer <key>} or
     * {@code X-Api-Key: <key>}.
     */
    Optional<List<String>> apiKeys();

    /** Largest single article (the request body, or one NDJSON line). */
    @WithDefault("1M")
    MemorySize maxArticleSize();

    /** Largest NDJSON batch. quarkus.http.limits.max-body-size must stay above it. */
    @WithDefault("16M")
    MemorySize maxBatchSize();

    /** Most lines an NDJSON batch may have (blank ones included); a longer batch is refused whole with 413. */
    @WithDefault("10000")
    int maxBatchLines();

    /**
     * Request bytes held at once across all concurrent POSTs (bodies being read, parsed and published).
     * A request that would go over waits for nobody: it is answered 503 with Retry-After. Keeps the
     * heap bounded under any mix of concurrent requests (./newswire up runs ingest with -Xmx384m).
     */
    @WithDefault("64M")
    MemorySize maxBytesInFlight();

    /** Sends one NDJSON batch keeps in flight at once (no thread per line; the producer batches them). */
    @WithDefault("256")
    int batchInFlight();

    /** Refused lines listed one by one in a batch answer; the rest are only counted (rejectedCount, rejectedByCode). */
    @WithDefault("100")
    int maxRejectionsListed();

    /**
     * Origins (scheme://host[:port]) whose pages may write (POST/PUT/PATCH/DELETE). A write that
     * carries any other Origin header is refused with 403, so a web page cannot post to an open
     * ingest on loopback. Requests without an Origin (curl, crawlers, services) and from the
     * service's own origin are always allowed. Default: none.
     */
    Optional<List<String>> allowedOrigins();

    Http http();

    /** How many recent article ids are remembered to answer repeats with {@code duplicate: true}. */
    @WithDefault("100000")
    int dedupWindow();

    /**
     * At start-up the dedup window is rebuilt from the ids of the raw topic's last
     * {@code dedup-window} records, so a restart does not forget what was published. Longest that
     * may take (retrying while the broker is unreachable) before the window starts empty.
     * Readiness is DOWN and publishing waits until it is done.
     */
    @WithDefault("60s")
    Duration dedupLoadTimeout();

    /** The Kafka topic raw articles go to. */
    @WithDefault("news.articles.raw")
    String topic();

    /** The {@code ce_source} of published events; a replay appends {@code /replay}. */
    @WithDefault("/newswire/ingest")
    String eventSource();

    Publish publish();

    Replay replay();

    ReplayOnStart replayOnStart();

    /** Feeds followed by polling (issue 13): see {@link FeedsConfig}. */
    FeedsConfig feeds();

    /**
     * Request limits enforced before routing, answered as problem+json. The Vert.x codec limits
     * (quarkus.http.limits.max-initial-line-length / max-header-size) are set higher as a hard bound.
     */
    interface Http {
        /** Longest request line target (path and query) in characters; longer is 414. */
        @WithDefault("4096")
        int maxUrlLength();

        /** Largest total size of the request headers (names and values) in bytes; larger is 431. */
        @WithDefault("20K")
        MemorySize maxHeaderSize();
    }

    interface Publish {
        /**
         * Longest a request waits for the broker's acknowledgement before answering 503. Also bounds
         * the producer itself (max.block.ms, delivery.timeout.ms), so nothing outlives the answer by much.
         */
        @WithDefault("5s")
        Duration timeout();

        /** The Retry-After of a 503. */
        @WithDefault("5s")
        Duration retryAfter();

        /** lz4 or zstd: raw articles are text and compress 2-4x. */
        @WithDefault("lz4")
        String compression();

        /** Small: a request waits for its ack, so linger is paid on every single POST. */
        @WithDefault("2ms")
        Duration linger();

        /** Any other producer property, e.g. {@code newswire.ingest.publish.producer."batch.size"=65536}. */
        Map<String, String> producer();
    }

    interface Replay {
        /** How often a running replay logs its progress. */
        @WithDefault("5s")
        Duration progressInterval();

        /** Sends a replay keeps in flight at once when it runs as fast as possible (rate 0). */
        @WithDefault("512")
        int maxInFlight();

        /**
         * The only folders {@code POST /api/replay} may read, with their subfolders. A request's
         * {@code dir} is resolved (relative paths against the working directory, then against each
         * root), canonicalised with its links followed, and must end up inside one of these; every
         * file is checked the same way. Roots that do not exist are ignored. Default: {@code seeds}
         * and {@code data/replay}, relative to the working directory ({@code ./newswire up} passes
         * the repository's seeds/ and $NEWSWIRE_DATA_DIR/replay). The start-up replay folder
         * ({@code replay-on-start.dir}) is set by the operator and is always allowed.
         */
        @WithDefault("seeds,data/replay")
        List<String> roots();

        /** Replays running at once; one more answers 429. Each holds its files in memory while it runs. */
        @WithDefault("4")
        int maxRunning();

        /** Highest {@code ratePerSecond}; a looping replay at rate 0 (as fast as possible) runs at this rate. */
        @WithDefault("1000")
        double maxRatePerSecond();

        /**
         * Bytes one replay reads from its folder. A file that would go past it, or that is larger
         * than max-article-size (max-batch-size for .ndjson/.jsonl and JSON arrays), is skipped
         * unread and counted as rejected: its size is checked before a byte of it is read.
         */
        @WithDefault("16M")
        MemorySize maxBytes();

        /** Longest {@code glob}: file names are matched in time linear in name x glob length. */
        @WithDefault("200")
        int maxGlobLength();
    }

    interface ReplayOnStart {
        /** A folder replayed once the broker is reachable after start-up, e.g. the repository's seeds/. */
        Optional<String> dir();

        /** Articles per second; 0 = as fast as the broker takes them. */
        @WithDefault("0")
        double ratePerSecond();

        @WithDefault("false")
        boolean loop();

        @WithDefault("*")
        String glob();

        /** How long each wait for the broker and the topic lasts before it is logged (and waited again). */
        @WithDefault("120s")
        Duration brokerWait();
    }
}
