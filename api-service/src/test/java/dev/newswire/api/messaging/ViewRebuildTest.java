package dev.newswire.api.messaging;

import static dev.newswire.api.support.TestArticles.about;
import static dev.newswire.api.support.TestArticles.publish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.newswire.api.config.ApiConfig;
import dev.newswire.api.health.ViewLivenessCheck;
import dev.newswire.api.health.ViewReadinessCheck;
import dev.newswire.api.view.ArticleView;
import dev.newswire.api.view.ViewListener;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import dev.newswire.kafka.NewswireKafkaResource;
import dev.newswire.model.EnrichedArticle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

/**
 * A restart of the service = a new reader and an empty view over the same topic: it rebuilds the
 * view from the compacted topic and reports DOWN until it has caught up. Tested on the reader
 * itself (restarting Quarkus inside a test is not practical); a gate in the listener holds the
 * catch-up so DOWN is observed, not raced.
 */
class ViewRebuildTest {

    private static final ApiConfig.Reader READER = new ApiConfig.Reader() {
        public Duration pollTimeout() { return Duration.ofMillis(200); }
        public Duration probeInterval() { return Duration.ofMillis(500); }
        public Duration brokerTimeout() { return Duration.ofSeconds(10); }
    };

    @Test
    void restartRebuildsTheViewAndIsNotReadyUntilCaughtUp() throws Exception {
        String topic = "rebuild.test." + System.nanoTime();
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, NewswireKafkaResource.bootstrapServers());
        try (Admin admin = Admin.create(props)) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1).configs(Map.of("cleanup.policy", "compact"))))
                    .all().get(30, TimeUnit.SECONDS);
        }
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            EnrichedArticle a = about("rebuild", "n" + i);
            publish(topic, a, null);
            ids.add(a.id());
        }
        KafkaClients clients = new KafkaClients(NewswireKafkaResource.bootstrapServers());

        // First run of the "service": everything gets into the view, then it stops.
        ArticleView first = new ArticleView(100);
        TopicReader one = new TopicReader(clients, topic, first, batch -> { }, READER, new SimpleMeterRegistry());
        one.start();
        await().until(one::caughtUp);
        assertThat(ids).allMatch(id -> first.index().byId(id) != null);
        one.stop();

        // Restart: a fresh view, held at the gate so the reader cannot finish catching up.
        CountDownLatch gate = new CountDownLatch(1);
        ViewListener gated = batch -> {
            try {
                gate.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        ArticleView rebuilt = new ArticleView(100);
        TopicReader two = new TopicReader(clients, topic, rebuilt, gated, READER, new SimpleMeterRegistry());
        assertThat(ViewReadinessCheck.of(two).getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        two.start();
        await().until(() -> rebuilt.index().size() > 0);   // reading, but held before it could catch up
        assertThat(ViewReadinessCheck.of(two).getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(two.caughtUp()).isFalse();
        gate.countDown();
        await().atMost(Duration.ofSeconds(30)).until(() -> ViewReadinessCheck.of(two).getStatus() == HealthCheckResponse.Status.UP);
        assertThat(ids).allMatch(id -> rebuilt.index().byId(id) != null);
        assertThat(rebuilt.log().size()).isEqualTo(12);
        two.stop();
        clients.close();
    }

    /** Issue 9 item 1: a reader loop that dies anyway makes liveness DOWN, so the platform restarts the service. */
    @Test
    void aReaderThatDiesMakesLivenessDown() throws Exception {
        String topic = "rebuild.dies." + System.nanoTime();
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, NewswireKafkaResource.bootstrapServers());
        try (Admin admin = Admin.create(props)) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        publish(topic, about("dies", "first"), null);
        KafkaClients clients = new KafkaClients(NewswireKafkaResource.bootstrapServers());
        ViewListener broken = batch -> {
            throw new AssertionError("a fan-out bug that escapes every record-level guard");
        };
        TopicReader reader = new TopicReader(clients, topic, new ArticleView(10), broken, READER, new SimpleMeterRegistry());
        assertThat(ViewLivenessCheck.of(reader).getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        reader.start();
        // The reader's thread dies with the error on purpose: Awaitility must not count it as the test's.
        await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(30)).until(() -> ViewLivenessCheck.of(reader).getStatus() == HealthCheckResponse.Status.DOWN);
        reader.stop();
        clients.close();
    }
    /**
     * The broker answers the metadata and then goes away before the start offsets: the reader waits
     * for it (the offsets' TimeoutException is what the client throws then) instead of ending, which
     * turned liveness DOWN and had the service restarted until the broker was back.
     */
    @Test
    void aBrokerThatDoesNotAnswerTheStartOffsetsIsWaitedOut() throws Exception {
        String topic = "rebuild.offsets." + System.nanoTime();
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, NewswireKafkaResource.bootstrapServers());
        try (Admin admin = Admin.create(props)) {
            admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        EnrichedArticle article = about("offsets", "one");
        publish(topic, article, null);
        AtomicInteger unanswered = new AtomicInteger(3);
        KafkaClients clients = new KafkaClients(NewswireKafkaResource.bootstrapServers()) {
            @Override
            public KafkaConsumer<byte[], byte[]> consumer(String purpose) {
                return new OffsetsTimeOut(unanswered);
            }
        };
        ArticleView view = new ArticleView(10);
        TopicReader reader = new TopicReader(clients, topic, view, batch -> { }, READER, new SimpleMeterRegistry());
        reader.start();
        await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(30)).until(() -> reader.caughtUp() || !reader.alive());
        assertThat(reader.stoppedBy()).isNull();
        assertThat(reader.alive()).isTrue();
        assertThat(unanswered.get()).as("offset questions left unanswered").isLessThanOrEqualTo(0);
        assertThat(view.index().byId(article.id())).isNotNull();
        reader.stop();
        clients.close();
    }

    /**
     * A real consumer whose first offset questions time out, as they do when the broker went away
     * after answering the metadata.
     */
    private static final class OffsetsTimeOut extends KafkaConsumer<byte[], byte[]> {
        private final AtomicInteger unanswered;

        OffsetsTimeOut(AtomicInteger unanswered) {
            super(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, NewswireKafkaResource.bootstrapServers(),
                            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"),
                    new ByteArrayDeserializer(), new ByteArrayDeserializer());
            this.unanswered = unanswered;
        }

        private void maybeTimeOut() {
            if (unanswered.getAndDecrement() > 0) {
                throw new TimeoutException("Failed to get offsets by times in 5000ms");
            }
        }

        @Override
        public Map<TopicPartition, Long> beginningOffsets(Collection<TopicPartition> partitions) {
            maybeTimeOut();
            return super.beginningOffsets(partitions);
        }

        @Override
        public Map<TopicPartition, Long> beginningOffsets(Collection<TopicPartition> partitions, Duration timeout) {
            maybeTimeOut();
            return super.beginningOffsets(partitions, timeout);
        }

        @Override
        public Map<TopicPartition, Long> endOffsets(Collection<TopicPartition> partitions) {
            maybeTimeOut();
            return super.endOffsets(partitions);
        }

        @Override
        public Map<TopicPartition, Long> endOffsets(Collection<TopicPartition> partitions, Duration timeout) {
            maybeTimeOut();
            return super.endOffsets(partitions, timeout);
        }
    }
}
