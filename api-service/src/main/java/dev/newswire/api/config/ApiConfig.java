package dev.newswire.api.config;

import dev.newswire.model.Topics;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Settings of the api-service ({@code newswire.api.*}); every default runs locally. */
@ConfigMapping(prefix = "newswire.api")
public interface ApiConfig {

    /** The topic of enriched articles that every instance reads in full (no consumer group). */
    @WithDefault(Topics.ENRICHED)
    String topic();

    /** How many records the in-memory view keeps; older ones are served from Kafka on resume. */
    @WithDefault("100000")
    int viewCapacity();

    /** API keys; when empty the API is open. Accepted as {@code Authorization: Bearer} or {@code ?key=}. */
    Optional<List<String>> keys();

    Stream stream();

    Reader reader();

    Stories stories();

    /** The story view: the latest record per story of the stories topic, bounded in memory. */
    interface Stories {
        /** The compacted topic of story records (key = story id) that the enrich-service writes. */
        @WithDefault(Topics.STORIES)
        String topic();

        /**
         * Stories held; past it the least recently active (oldest {@code lastSeen}) leaves the view.
         * Measured: 2.2 KB of heap per story of 3 articles, 10.6 KB per story at the 200-id cap (UUID
         * ids), so 20,000 stories take ~45 MB typically, ~210 MB if every story were at the cap.
         */
        @WithDefault("20000")
        int maxStories();

        /** Larger story records are skipped (reason {@code too-large}): 200 ids and the top lists fit in ~20 KB. */
        @WithDefault("262144")
        int maxRecordBytes();
    }

    interface Stream {
        /** Interval of the {@code : heartbeat} comment, so half-open connections are noticed. */
        @WithDefault("15s")
        Duration heartbeat();

        /** The {@code retry:} hint sent to EventSource clients. */
        @WithDefault("3s")
        Duration retry();

        /** Bytes a subscriber may have queued before it is cut off with a {@code resync} event. */
        @WithDefault("262144")
        int subscriberBufferBytes();

        /** Events written per turn while replaying history, so one replay cannot hog an event loop. */
        @WithDefault("256")
        int replayChunk();

        /** Concurrent resumes that must read older records from Kafka (one consumer each). */
        @WithDefault("4")
        int catchUpConcurrency();

        /**
         * How long a replaying or catching-up subscriber's queue may stay full before it is cut as
         * slow (a live one is cut at once). A cut subscriber's socket is closed when the client has
         * read its last events, else reset by {@code quarkus.http.idle-timeout}.
         */
        @WithDefault("30s")
        Duration closeGrace();

        /**
         * Live events are written straight to each HTTP/1.1 connection's channel as chunks framed once
         * per event and shared by all subscribers (less CPU per event); false = through Vert.x's
         * response, one encoding per subscriber. HTTP/2, HTTP/1.0, compression and TLS always use the response.
         */
        @WithDefault("true")
        boolean directWrites();

        /**
         * How long live records are gathered before the fan-out writes them (0 = at once): records
         * arriving within it leave in one write per subscriber (fewer syscalls when articles come in
         * bursts), at the cost of up to this much added latency.
         */
        @WithDefault("0ms")
        Duration coalesce();
    }

    interface Reader {
        @WithDefault("500ms")
        Duration pollTimeout();

        /** How often the end offsets are asked for: broker reachability and lag. */
        @WithDefault("5s")
        Duration probeInterval();

        /** Readiness goes DOWN when the broker has not answered for this long. */
        @WithDefault("30s")
        Duration brokerTimeout();
    }
}
