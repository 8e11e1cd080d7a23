package dev.newswire.api.stream;

import dev.newswire.api.config.ApiConfig;
import dev.newswire.api.messaging.KafkaClients;
import dev.newswire.api.view.ArticleIndex;
import dev.newswire.api.view.ArticleLog;
import dev.newswire.api.view.ArticleView;
import dev.newswire.api.view.Position;
import dev.newswire.api.view.RecordDecoder;
import dev.newswire.api.view.SseFrames;
import io.vertx.core.buffer.Buffer;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * Reads records older than the view from Kafka for one resuming subscriber: from its position up to
 * the view's floor, per partition in order, on a small pool of worker threads (one short-lived
 * consumer each). Writes go through the subscriber's event loop and wait for its queue to drain
 * (the subscriber cuts itself when that takes too long), so a slow reader slows only its own
 * catch-up. The returned stage completes when the subscriber has everything up to the floor (or has
 * closed); it fails when Kafka does. What comes next is the caller's decision.
 */
@ApplicationScoped
public class KafkaCatchUp {

    private static final Logger LOG = Logger.getLogger(KafkaCatchUp.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration STALL = Duration.ofSeconds(30);

    private final KafkaClients clients;
    private final ApiConfig config;
    private final ExecutorService workers;

    public KafkaCatchUp(KafkaClients clients, ApiConfig config) {
        this.clients = clients;
        this.config = config;
        this.workers = Executors.newFixedThreadPool(config.stream().catchUpConcurrency(), r -> {
            Thread t = new Thread(r, "newswire-catch-up");
            t.setDaemon(true);
            return t;
        });
    }

    CompletionStage<Void> read(Subscriber subscriber, Position from, ArticleView view) {
        ArticleLog log = view.log();
        Map<Integer, Long> until = new HashMap<>();
        for (int p = 0; p < log.position().partitions(); p++) {
            if (from.next(p) < log.floor(p)) {
                until.put(p, log.floor(p));
            }
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        workers.execute(() -> {
            try {
                read(subscriber, from, until, view.index());
                done.complete(null);
            } catch (Exception e) {
                LOG.warnf("catch-up from Kafka failed, closing the stream so the client resumes: %s", e.toString());
                done.completeExceptionally(e);
            }
        });
        return done;
    }

    private void read(Subscriber subscriber, Position from, Map<Integer, Long> until, ArticleIndex latest) throws Exception {
        try (KafkaConsumer<byte[], byte[]> consumer = clients.consumer("catch-up")) {
            Map<TopicPartition, Long> pending = new HashMap<>();
            until.forEach((p, end) -> pending.put(new TopicPartition(config.topic(), p), end));
            consumer.assign(pending.keySet());
            pending.keySet().forEach(tp -> consumer.seek(tp, from.next(tp.partition())));
            Position position = from;
            long lastProgress = System.nanoTime();
            boolean open = true;
            while (!pending.isEmpty() && open) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
                List<Buffer> frames = new ArrayList<>();
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    Long end = until.get(record.partition());
                    if (end == null || record.offset() >= end || record.offset() < position.next(record.partition())) {
                        continue;   // the view has it (or it was already sent)
                    }
                    position = position.after(record.partition(), record.offset());
                    // A newer version of the article in the view replaces this one (compaction semantics);
                    // records the view skipped (the reader counted them) are skipped here too.
                    if (RecordDecoder.decode(record.key(), record.value()) instanceof RecordDecoder.Article a
                            && latest.byId(a.article().id()) == null && subscriber.filter().matches(a.article())) {
                        frames.add(SseFrames.article(position.token(), a.json()));
                    }
                }
                pending.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
                consumer.pause(consumer.assignment().stream().filter(tp -> !pending.containsKey(tp)).toList());
                if (!records.isEmpty()) {
                    lastProgress = System.nanoTime();
                } else if (System.nanoTime() - lastProgress > STALL.toNanos()) {
                    throw new IllegalStateException("no records from Kafka for " + STALL.toSeconds() + " s");
                }
                open = handOver(subscriber, frames, position);
            }
        }
    }

    /**
     * Writes on the subscriber's loop; returns once its queue has room again (true) or it closed
     * (false). Bounded: the subscriber cuts itself after its drain grace.
     */
    private boolean handOver(Subscriber subscriber, List<Buffer> frames, Position reached) throws Exception {
        CompletableFuture<Boolean> room = new CompletableFuture<>();
        subscriber.context().runOnContext(v -> {
            subscriber.catchUpReached(frames, reached);
            subscriber.room().whenComplete((open, failure) -> room.complete(failure == null && open));
        });
        // The subscriber answers within its drain grace; the bound only guards against a loop that never runs the task.
        return room.get(config.stream().closeGrace().toMillis() * 2 + 5_000, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }
}
