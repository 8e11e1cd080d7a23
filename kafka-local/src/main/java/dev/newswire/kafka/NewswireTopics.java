package dev.newswire.kafka;

import dev.newswire.model.Topics;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates the contract's topics (ARCHITECTURE.md, "Topics") on a broker, idempotently. */
public final class NewswireTopics {

    private static final long SEVEN_DAYS_MS = 7L * 24 * 3600 * 1000;
    private static final long THIRTY_DAYS_MS = 30L * 24 * 3600 * 1000;
    /** Ingest accepts 1 MiB articles; JSON escaping and headers need headroom, and the DLQ keeps
     *  whatever arrived, up to the producers' 16 MiB request limit (same as deploy/ topics). */
    private static final String RAW_MAX_BYTES = Integer.toString(16 * 1024 * 1024);
    private static final String ENRICHED_MAX_BYTES = Integer.toString(4 * 1024 * 1024);

    private NewswireTopics() {
    }

    /**
     * Waits until every partition of the topics has a leader: creation returns before the broker
     * serves them, and a client that starts at once (a test, a service) would see
     * UnknownTopicOrPartition.
     */
    private static void awaitLeaders(Admin admin, List<String> names) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                boolean served = admin.describeTopics(names).allTopicNames().get(10, TimeUnit.SECONDS).values().stream()
                        .flatMap(topic -> topic.partitions().stream())
                        .allMatch(partition -> partition.leader() != null && !partition.leader().isEmpty());
                if (served) {
                    return;
                }
            } catch (ExecutionException e) {
                // not yet known to the broker's metadata cache: try again
            }
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("topics " + names + " have no leaders after 30 s");
            }
            Thread.sleep(100);
        }
    }

    /**
     * The contract's topics: raw, enriched (compacted: the latest record per article id), the DLQ,
     * the stories (compacted: the latest version per story id), enrich's internal pending topic and
     * ingest's feed registry and feed status (compacted: the latest per feed id).
     * The pending topic always has one partition: it is the single ordering point of story
     * assignment (ARCHITECTURE.md "Stories"), whatever the partition count of the others.
     */
    public static List<NewTopic> definitions(int partitions) {
        return List.of(
                new NewTopic(Topics.ENRICHED_PENDING, 1, (short) 1)
                        .configs(Map.of("retention.ms", Long.toString(SEVEN_DAYS_MS), "max.message.bytes", ENRICHED_MAX_BYTES)),
                new NewTopic(Topics.RAW, partitions, (short) 1)
                        .configs(Map.of("retention.ms", Long.toString(SEVEN_DAYS_MS), "max.message.bytes", RAW_MAX_BYTES)),
                new NewTopic(Topics.ENRICHED, partitions, (short) 1)
                        .configs(Map.of("cleanup.policy", "compact", "min.cleanable.dirty.ratio", "0.1",
                                "max.message.bytes", ENRICHED_MAX_BYTES)),
                new NewTopic(Topics.DLQ, partitions, (short) 1)
                        .configs(Map.of("retention.ms", Long.toString(THIRTY_DAYS_MS), "max.message.bytes", RAW_MAX_BYTES)),
                // Compacted like the enriched topic: the latest record per story id (merged ones carry mergedInto).
                new NewTopic(Topics.STORIES, partitions, (short) 1)
                        .configs(Map.of("cleanup.policy", "compact", "min.cleanable.dirty.ratio", "0.1",
                                "max.message.bytes", ENRICHED_MAX_BYTES)),
                // Ingest's feed registry and feed status (issue 13): small, compacted, the latest per feed id.
                new NewTopic(Topics.FEEDS, partitions, (short) 1)
                        .configs(Map.of("cleanup.policy", "compact", "min.cleanable.dirty.ratio", "0.1")),
                new NewTopic(Topics.FEEDS_STATUS, partitions, (short) 1)
                        .configs(Map.of("cleanup.policy", "compact", "min.cleanable.dirty.ratio", "0.1")));
    }

    /** Creates any of the topics that do not exist yet. */
    public static void create(String bootstrapServers, int partitions) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(props)) {
            for (NewTopic topic : definitions(partitions)) {
                try {
                    admin.createTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + topic.name(), e.getCause());
                    }
                }
            }
            awaitLeaders(admin, definitions(partitions).stream().map(NewTopic::name).toList());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("broker " + bootstrapServers + " did not create topics in 30 s", e);
        }
    }
}
