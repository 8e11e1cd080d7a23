package dev.newswire.api.support;

import dev.newswire.kafka.NewswireKafkaResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile.TestResourceEntry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * A test profile's own one-partition topic on the shared embedded broker, created before the app
 * starts and set as the app's {@code newswire.api.topic}: stream tests that need a small view, big
 * records or exact offsets get a topic nobody else writes to. Use {@link #entry} in the profile's
 * {@code testResources()}; topic configs (retention, record size) go in as arguments.
 */
public class OwnTopic implements QuarkusTestResourceLifecycleManager {

    private static final String TOPIC = "topic";
    private static final String CONFIG = "config.";

    private Map<String, String> args = Map.of();

    /** The resource entry for a profile: {@code topic} with these topic-level {@code configs}. */
    public static TestResourceEntry entry(String topic, Map<String, String> configs) {
        Map<String, String> args = new HashMap<>();
        args.put(TOPIC, topic);
        configs.forEach((k, v) -> args.put(CONFIG + k, v));
        return new TestResourceEntry(OwnTopic.class, args);
    }

    /** An admin client of the embedded broker; the caller closes it. */
    public static Admin admin() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, NewswireKafkaResource.bootstrapServers());
        return Admin.create(props);
    }

    @Override
    public void init(Map<String, String> initArgs) {
        this.args = initArgs;
    }

    @Override
    public Map<String, String> start() {
        String topic = args.get(TOPIC);
        Map<String, String> configs = new HashMap<>();
        args.forEach((k, v) -> {
            if (k.startsWith(CONFIG)) {
                configs.put(k.substring(CONFIG.length()), v);
            }
        });
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1).configs(configs))).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("creating " + topic, e);
        }
        return Map.of("newswire.api.topic", topic);
    }

    @Override
    public void stop() {
        // the broker is the shared NewswireKafkaResource's; the topic goes with it
    }
}
