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

    private NewswireTopics() {
    }

    /** The three topics; the enriched one compacted so it keeps the latest record per article id. */
    public static List<NewTopic> definitions(int partitions) {
        return List.of(
                new NewTopic(Topics.RAW, partitions, (short) 1)
                        .configs(Map.of("retention.ms", Long.toString(SEVEN_DAYS_MS))),
                new NewTopic(Topics.ENRICHED, partitions, (short) 1)
                        .configs(Map.of("cleanup.policy", "compact", "min.cleanable.dirty.ratio", "0.1")),
                new NewTopic(Topics.DLQ, partitions, (short) 1)
                        .configs(Map.of("retention.ms", Long.toString(THIRTY_DAYS_MS))));
    }

    /** Creates any of the three topics that do not exist yet. */
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
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("broker " + bootstrapServers + " did not create topics in 30 s", e);
        }
    }
}
