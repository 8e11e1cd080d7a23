package dev.newswire.enrich.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newswire.enrich.config.EnrichConfig;
import dev.newswire.enrich.pipeline.RejectedRecordException;
import dev.newswire.enrich.pipeline.StageFailedException;
import dev.newswire.model.EnrichedArticle;
import dev.newswire.model.NewsJson;
import dev.newswire.model.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Outgoing;
import org.jboss.logging.Logger;

/**
 * raw → enriched. Thin adapter: each record runs through {@link Enricher} on a pool of worker
 * threads sized to the cores; the enriched record carries the raw record's key and the raw
 * record's acknowledgement, so its offset is committed only once the broker has the result.
 * No single record stops the consumer: poison input, stage failures and any other failure caused
 * by the record go to the dead-letter topic (acknowledged once the DLQ record is written, and a
 * worker slot stays taken until then, which bounds the dead letters in flight); a tombstone is
 * skipped and counted. Only a failure that is not the record's fault (the models did not load)
 * nacks, which stops the channel and turns liveness DOWN so that a supervisor restarts the service.
 */
@ApplicationScoped
public class RawArticleProcessor {

    static final String SKIPPED = "newswire.enrich.records.skipped";
    static final String UNEXPECTED_STAGE = "enrich";

    private static final Logger LOG = Logger.getLogger(RawArticleProcessor.class);

    private final Enricher enricher;
    private final DeadLetterPublisher deadLetters;
    private final EnrichedMessageBuilder records;
    private final ObjectMapper json = NewsJson.mapper();
    private final ExecutorService workers;
    private final int concurrency;
    private final Counter enriched;
    private final Counter failed;
    private final Counter tombstones;

    public RawArticleProcessor(Enricher enricher, DeadLetterPublisher deadLetters, EnrichedMessageBuilder records,
                               EnrichConfig config, MeterRegistry registry) {
        this.enricher = enricher;
        this.deadLetters = deadLetters;
        this.records = records;
        // With MiniLM batching on, more articles are in flight than there are cores: Enricher lets only
        // one per compute slot compute at a time, and the others wait for a shared batch meanwhile.
        this.concurrency = config.effectiveInFlight();
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(concurrency, r -> {
            Thread t = new Thread(r, "enrich-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.enriched = Counter.builder("newswire.enrich.articles").tag("outcome", "enriched")
                .description("Raw articles enriched and published").register(registry);
        this.failed = Counter.builder("newswire.enrich.articles").tag("outcome", "failed")
                .description("Raw records sent to the dead-letter topic").register(registry);
        this.tombstones = Counter.builder(SKIPPED).tag("reason", "tombstone")
                .description("Raw records neither enriched nor dead-lettered, by reason").register(registry);
    }

    /** Articles in flight at once (for tests). */
    int concurrency() {
        return concurrency;
    }

    @Incoming("raw")
    @Outgoing("enriched")
    public Multi<Message<String>> enrich(Multi<Message<byte[]>> raw) {
        // A Uni that ends without an item (dead-lettered, skipped) emits nothing downstream.
        return raw.onItem()
                .transformToUni(message -> Uni.createFrom().item(() -> process(message)).runSubscriptionOn(workers)
                        .onItem().transformToUni(Function.identity()))
                .merge(concurrency);
    }

    /**
     * The enriched message; or, when the record went to the dead-letter topic or was skipped, a Uni
     * that completes with null once that is settled.
     */
    Uni<Message<String>> process(Message<byte[]> message) {
        IncomingKafkaRecordMetadata<?, ?> source = message.getMetadata(IncomingKafkaRecordMetadata.class).orElse(null);
        String key = source == null || source.getKey() == null ? null : source.getKey().toString();
        if (message.getPayload() == null) {
            LOG.warnf("skipped %s: tombstone (null value), not an article", where(source));
            tombstones.increment();
            return Uni.createFrom().completionStage(message.ack()).replaceWith((Message<String>) null);
        }
        String stage;
        Throwable error;
        try {
            Enricher.Enriched result = enricher.enrichWithEmbedding(message.getPayload(), key);
            EnrichedArticle article = result.article();
            Message<String> out = records.toMessage(article, key == null ? article.id() : key, serialise(article), message, source,
                    result.embedding());
            enriched.increment();
            return Uni.createFrom().item(out);
        } catch (RejectedRecordException e) {
            stage = RejectedRecordException.STAGE;
            error = e;
        } catch (StageFailedException e) {
            stage = e.stage();
            error = e;
        } catch (RuntimeException | StackOverflowError e) {
            if (!enricher.isReady()) {
                // Not the record's fault: keep it uncommitted and let the channel stop (liveness DOWN).
                LOG.errorf(e, "cannot enrich %s: the pipeline is not available", where(source));
                return Uni.createFrom().completionStage(message.nack(e)).replaceWith((Message<String>) null);
            }
            stage = UNEXPECTED_STAGE;
            error = e;
        }
        failed.increment();
        return Uni.createFrom().completionStage(deadLetters.publish(message, source, key, stage, error))
                .replaceWith((Message<String>) null)
                .onFailure().recoverWithUni(e -> Uni.createFrom().completionStage(message.nack(e)).replaceWith((Message<String>) null));
    }

    private static String where(IncomingKafkaRecordMetadata<?, ?> source) {
        return source == null ? Topics.RAW : source.getTopic() + "-" + source.getPartition() + "@" + source.getOffset();
    }

    private String serialise(EnrichedArticle article) {
        try {
            return json.writeValueAsString(article);
        } catch (JsonProcessingException e) {
            throw new StageFailedException("serialise", new UncheckedIOException(e));
        }
    }

    @PreDestroy
    void stop() {
        workers.shutdown();
    }
}
