package dev.newswire.enrich.messaging;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaConnectorIncomingConfiguration;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.smallrye.reactive.messaging.kafka.commit.ContextHolder;
import io.smallrye.reactive.messaging.kafka.commit.KafkaCommitHandler;
import io.vertx.mutiny.core.Context;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Collection;
import java.util.function.BiConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;
import org.jboss.logging.Logger;

/**
 * SmallRye's throttled commit strategy ({@code commit-strategy=throttled-retrying}) with the one call
 * of it that could end the channel retried.
 * <p>
 * The throttled strategy looks up a partition's committed offset ({@code KafkaConsumer.committed} on
 * the consumer's polling thread, bounded by {@code default.api.timeout.ms}, 60 s) when the first record
 * of that partition since the assignment reaches it. A lookup that timed out failed the record stream:
 * SmallRye logged SRMSG18207 "Unable to dispatch message to Kafka" and the channel was over, enrich
 * alive and consuming nothing, after a broker outage of a minute or two that began while such a record
 * was on its way (fresh-clone CI, 2026-12-02). Here a lookup that fails with a retriable error is asked
 * again, with back-off, for as long as the broker is away; the records behind it wait, as they would for
 * the broker anyway. Its commits were already retried (a failed commit is logged and made again).
 * <p>
 * Why not an unbounded {@code default.api.timeout.ms}: SmallRye takes the consumer's close timeout from
 * the same setting, so a shutdown during an outage would have waited for the broker.
 */
public class RetryingThrottledCommit extends ContextHolder implements KafkaCommitHandler {

    public static final String STRATEGY = "throttled-retrying";
    private static final Logger LOG = Logger.getLogger(RetryingThrottledCommit.class);
    private static final Duration FIRST_BACK_OFF = Duration.ofSeconds(1);
    private static final Duration MAX_BACK_OFF = Duration.ofSeconds(10);

    private final KafkaCommitHandler throttled;

    RetryingThrottledCommit(KafkaCommitHandler throttled, Vertx vertx) {
        super(vertx, throttled instanceof ContextHolder holder ? holder.getTimeoutInMillis() : 60_000);
        this.throttled = throttled;
    }

    /** Makes the strategy; the throttled one it wraps is SmallRye's own, with the channel's settings. */
    @ApplicationScoped
    @Identifier(STRATEGY)
    public static class Factory implements KafkaCommitHandler.Factory {

        private final KafkaCommitHandler.Factory throttled;

        public Factory(@Identifier(KafkaCommitHandler.Strategy.THROTTLED) KafkaCommitHandler.Factory throttled) {
            this.throttled = throttled;
        }

        @Override
        public KafkaCommitHandler create(KafkaConnectorIncomingConfiguration config, Vertx vertx, KafkaConsumer<?, ?> consumer,
                                         BiConsumer<Throwable, Boolean> reportFailure) {
            return new RetryingThrottledCommit(throttled.create(config, vertx, consumer, reportFailure), vertx);
        }
    }

    static boolean retriable(Throwable failure) {
        return failure instanceof RetriableException || failure.getCause() instanceof RetriableException;
    }

    @Override
    public <K, V> Uni<IncomingKafkaRecord<K, V>> received(IncomingKafkaRecord<K, V> record) {
        // Re-subscribing asks the broker again: the throttled strategy keeps no state for the partition
        // until its lookup has answered.
        return throttled.received(record)
                .onFailure(RetryingThrottledCommit::retriable).invoke(e -> LOG.warnf(
                        "committed offset of %s-%d not known yet (%s): asking again", record.getTopic(), record.getPartition(), e))
                .onFailure(RetryingThrottledCommit::retriable).retry().withBackOff(FIRST_BACK_OFF, MAX_BACK_OFF).indefinitely();
    }

    @Override
    public void capture(Context context) {
        super.capture(context);
        if (throttled instanceof ContextHolder holder) {
            holder.capture(context);
        }
    }

    @Override
    public void capture(io.vertx.core.Context context) {
        super.capture(context);
        if (throttled instanceof ContextHolder holder) {
            holder.capture(context);
        }
    }

    @Override
    public <K, V> Multi<IncomingKafkaRecord<K, V>> decorateStream(Multi<IncomingKafkaRecord<K, V>> consumed) {
        return throttled.decorateStream(consumed);
    }

    @Override
    public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record) {
        return throttled.handle(record);
    }

    @Override
    public void terminate(boolean graceful) {
        throttled.terminate(graceful);
    }

    @Override
    public void partitionsAssigned(Collection<TopicPartition> partitions) {
        throttled.partitionsAssigned(partitions);
    }

    @Override
    public void partitionsRevoked(Collection<TopicPartition> partitions) {
        throttled.partitionsRevoked(partitions);
    }
}
