package dev.newswire.api.stream;

import dev.newswire.api.view.SseFrames;
import dev.newswire.api.view.Position;
import dev.newswire.api.view.ArticleView;
import dev.newswire.api.view.ArticleLog;
import dev.newswire.api.view.ArticleIndex;
import dev.newswire.api.config.ApiConfig;
import dev.newswire.api.messaging.KafkaClients;
import dev.newswire.model.EnrichedArticle;
import io.vertx.core.buffer.Buffer;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
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
 * consumer each). Writes go through the subscriber's event loop and wait for its buffer to drain,
 * so a slow reader slows only its own catch-up. Then the subscriber continues from the view.
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

    void start(Subscriber subscriber, Position from, ArticleView view, Runnable thenOnLoop) {
        ArticleLog log = view.log();
        ArticleIndex latest = view.index();
        Map<Integer, Long> until = new HashMap<>();
        for (int p = 0; p < log.position().partitions(); p++) {
            if (from.next(p) < log.floor(p)) {
                until.put(p, log.floor(p));
            }
        }
        workers.execute(() -> {
            try {
                read(subscriber, from, until, latest);
                subscriber.loop.execute(thenOnLoop);
            } catch (Exception e) {
                LOG.warnf("catch-up from Kafka failed, closing the stream so the client resumes: %s", e.toString());
                subscriber.loop.execute(() -> {
                    subscriber.write(SseFrames.resync(subscriber.reached(), "catch-up from Kafka failed"));
                    subscriber.response.end();
                    subscriber.markClosed();
                });
            }
        });
    }

    private void read(Subscriber subscriber, Position from, Map<Integer, Long> until, ArticleIndex latest) throws Exception {
        try (KafkaConsumer<byte[], byte[]> consumer = clients.consumer("catch-up")) {
            Map<TopicPartition, Long> pending = new HashMap<>();
            until.forEach((p, end) -> pending.put(new TopicPartition(config.topic(), p), end));
            consumer.assign(pending.keySet());
            pending.keySet().forEach(tp -> consumer.seek(tp, from.next(tp.partition())));
            Position position = from;
            long lastProgress = System.nanoTime();
            while (!pending.isEmpty() && subscriber.isOpen()) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
                List<Buffer> frames = new ArrayList<>();
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    Long end = until.get(record.partition());
                    if (end == null || record.offset() >= end || record.offset() < position.next(record.partition())) {
                        continue;   // the view has it (or it was already sent)
                    }
                    position = position.after(record.partition(), record.offset());
                    Optional<EnrichedArticle> article = ArticleView.parse(record.value());
                    // A newer version of the article in the view replaces this one (compaction semantics).
                    if (article.isPresent() && latest.byId(article.get().id()) == null
                            && subscriber.filter.matches(article.get())) {
                        frames.add(SseFrames.article(position.token(), ArticleView.json(article.get())));
                    }
                }
                pending.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
                consumer.pause(consumer.assignment().stream().filter(tp -> !pending.containsKey(tp)).toList());
                if (!records.isEmpty()) {
                    lastProgress = System.nanoTime();
                } else if (System.nanoTime() - lastProgress > STALL.toNanos()) {
                    throw new IllegalStateException("no records from Kafka for " + STALL.toSeconds() + " s");
                }
                handOver(subscriber, frames, position);
            }
        }
    }

    /** Writes on the subscriber's loop and returns once its buffer has room again. */
    private void handOver(Subscriber subscriber, List<Buffer> frames, Position reached) throws Exception {
        CompletableFuture<Void> drained = new CompletableFuture<>();
        subscriber.loop.execute(() -> {
            frames.forEach(subscriber::write);
            subscriber.catchUpReached(reached);
            if (subscriber.isOpen() && subscriber.response.writeQueueFull()) {
                subscriber.response.drainHandler(v -> {
                    subscriber.response.drainHandler(null);
                    drained.complete(null);
                });
            } else {
                drained.complete(null);
            }
        });
        drained.get(config.stream().closeGrace().toMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }
}
