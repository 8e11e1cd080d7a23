package dev.newswire.enrich.stories;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Runs the story topology ({@link StoryTopology}) for the life of the service. Plain Kafka Streams
 * rather than the quarkus-kafka-streams extension: the registry reachable here has that extension
 * only up to 3.34.3, four minors behind the 3.38.1 core, and this class is all the extension would
 * add in JVM mode (start, stop, health).
 */
@ApplicationScoped
public class StoryStreams {

    private static final Logger LOG = Logger.getLogger(StoryStreams.class);

    private final StoriesConfig config;
    private final String bootstrapServers;
    private final StoryCounters counters;
    private volatile KafkaStreams streams;

    public StoryStreams(StoriesConfig config, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                        MeterRegistry registry) {
        this.config = config;
        this.bootstrapServers = bootstrapServers;
        this.counters = StoryCounters.register(registry);
    }

    void start(@Observes StartupEvent event) {
        KafkaStreams started = new KafkaStreams(
                StoryTopology.build(StoryTopology.Topics.contract(), rules(config), config.enabled(), counters),
                withInstanceId(properties(bootstrapServers, config.applicationId(), stateDir(config), config.standbyReplicas()),
                        config.instanceId().orElse("")));
        config.instanceId().filter(id -> !id.isBlank()).ifPresent(id -> LOG.infof("story step static member %s-stories", id));
        // A stream thread that dies (e.g. its producer gave up during a long broker outage) is replaced:
        // the task resumes from the last committed offset with its stores restored, instead of the whole
        // client going to ERROR and the story step stopping for good.
        started.setUncaughtExceptionHandler(e -> {
            LOG.errorf(e, "story stream thread failed; replacing it");
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        started.setStateListener((now, before) -> LOG.debugf("story streams %s -> %s", before, now));
        started.start();
        streams = started;
        LOG.infof("story step started (application.id %s, window %s)", config.applicationId(), config.window());
    }

    void stop(@Observes ShutdownEvent event) {
        KafkaStreams running = streams;
        if (running != null) {
            // Leave the group: the next instance (a restart, the next test) gets the task at once
            // instead of after the session timeout.
            running.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                    .withTimeout(Duration.ofSeconds(20)));
            streams = null;
        }
    }

    /** The client state; null before start and after stop. */
    public KafkaStreams.State state() {
        KafkaStreams running = streams;
        return running == null ? null : running.state();
    }

    static StoryAssigner.Rules rules(StoriesConfig config) {
        return new StoryAssigner.Rules(config.threshold(), config.mergeThreshold(), config.duplicateThreshold(),
                config.maxGap(), config.window(), config.maxCandidates(), config.embeddingWeight(), config.embeddingFloor(),
                config.anchorBonus(), config.anchorPenalty(), config.storyMergeThreshold(), config.storyMergeFloor(),
                config.storyMergeMaxSize());
    }

    static String stateDir(StoriesConfig config) {
        return config.stateDir().orElse(Path.of(System.getProperty("java.io.tmpdir"), "newswire-enrich-streams").toString());
    }

    /** Static membership when the instance has a stable id (see {@link StoriesConfig#instanceId()}). */
    static Properties withInstanceId(Properties p, String instanceId) {
        if (!instanceId.isBlank()) {
            p.put(StreamsConfig.consumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG), instanceId + "-stories");
        }
        return p;
    }

    static Properties properties(String bootstrapServers, String applicationId, String stateDir, int standbyReplicas) {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir);
        // One task exists (one pending partition): more threads would idle.
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
        p.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, standbyReplicas);
        // At-least-once (default). Commit every second, not every 30 s: a crash replays at most about a
        // second of pending records, and a replayed article finds its assignment in the articles store.
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 1000);
        p.put(StreamsConfig.DEFAULT_DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class);
        p.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, OversizedRecords.class);
        // Same as the SmallRye channels: one reconnect attempt per second after an outage, not every 10 s.
        p.put(CommonClientConfigs.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
        p.put(StreamsConfig.producerPrefix(ProducerConfig.ACKS_CONFIG), "all");
        // A broker outage of any length is waited out, never turned into an error: with the producer's
        // default delivery timeout (120 s) a 10-minute outage expired changelog and output records, the
        // stream thread died and was replaced, and 41 articles were published twice. Unbounded delivery
        // and send blocking keep the records in the producer until the broker is back (the pending
        // consumer stops fetching meanwhile, so nothing piles up beyond one poll's records), and
        // task.timeout.ms keeps a task that cannot reach the broker retrying instead of failing the thread.
        p.put(StreamsConfig.producerPrefix(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG), Integer.MAX_VALUE);
        // Integer.MAX_VALUE ms (24.8 days), not Long.MAX_VALUE: Streams and the producer add these to the
        // wall clock to get deadlines, and a long overflow would turn "never" into "already expired".
        p.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_BLOCK_MS_CONFIG), (long) Integer.MAX_VALUE);
        p.put(StreamsConfig.TASK_TIMEOUT_MS_CONFIG, (long) Integer.MAX_VALUE);
        // Kafka Streams lingers 100 ms (its default for its producer). With 128 KiB batches one batch per
        // partition holds all of a linger's records: the story-states changelog takes ~2.6 kB per article
        // (measured, docs/benchmarks/enrich.md), so at 80 articles/s a linger is ~21 kB, over the default
        // 16 KiB, and a full batch is sent at once, as one more produce request.
        p.put(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), 128 * 1024);
        // Enriched articles up to 4 MiB and dead letters up to 16 MiB pass through (the topics' limits).
        p.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG), 16 * 1024 * 1024);
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG), 8 * 1024 * 1024);
        // Fast takeover by another instance after a crash, as on the raw channel (issue 12).
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 10_000);
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), 3_000);
        return p;
    }
}
