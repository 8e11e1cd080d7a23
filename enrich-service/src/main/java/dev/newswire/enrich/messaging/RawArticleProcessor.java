package dev.newswire.enrich.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.newswire.enrich.config.EnrichConfig;
import dev.newswire.enrich.pipeline.Enricher;
import dev.newswire.enrich.pipeline.RejectedRecordException;
import dev.newswire.enrich.pipeline.StageFailedException;
import dev.newswire.model.EnrichedArticle;
import dev.newswire.model.NewsJson;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Outgoing;

/**
 * raw → enriched. Thin adapter: each record runs through {@link Enricher} on a pool of worker
 * threads sized to the cores; the enriched record carries the raw record's key and the raw
 * record's acknowledgement, so its offset is committed only once the broker has the result.
 * Poison input and stage failures go to the dead-letter topic instead (acknowledged the same way
 * once the DLQ record is written) and the stream carries on.
 */
@ApplicationScoped
public class RawArticleProcessor {

    private final Enricher enricher;
    private final DeadLetterPublisher deadLetters;
    private final EnrichedRecords records;
    private final ObjectMapper json = NewsJson.mapper().copy().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    private final ExecutorService workers;
    private final int concurrency;
    private final Counter enriched;
    private final Counter failed;

    public RawArticleProcessor(Enricher enricher, DeadLetterPublisher deadLetters, EnrichedRecords records,
                               EnrichConfig config, MeterRegistry registry) {
        this.enricher = enricher;
        this.deadLetters = deadLetters;
        this.records = records;
        this.concurrency = config.effectiveWorkers();
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
    }

    @Incoming("raw")
    @Outgoing("enriched")
    public Multi<Message<String>> enrich(Multi<Message<byte[]>> raw) {
        return raw.onItem()
                .transformToUni(message -> Uni.createFrom().item(() -> process(message)).runSubscriptionOn(workers))
                .merge(concurrency)
                .select().where(Objects::nonNull);
    }

    /** The enriched message, or null when the record went to the dead-letter topic instead. */
    Message<String> process(Message<byte[]> message) {
        IncomingKafkaRecordMetadata<?, ?> source = message.getMetadata(IncomingKafkaRecordMetadata.class).orElse(null);
        String key = source == null || source.getKey() == null ? null : source.getKey().toString();
        String stage;
        RuntimeException error;
        try {
            EnrichedArticle article = enricher.enrich(message.getPayload(), key);
            Message<String> out = records.toMessage(article, key == null ? article.id() : key, serialise(article), message);
            enriched.increment();
            return out;
        } catch (RejectedRecordException e) {
            stage = RejectedRecordException.STAGE;
            error = e;
        } catch (StageFailedException e) {
            stage = e.stage();
            error = e;
        }
        failed.increment();
        deadLetters.publish(message, source, key, stage, error);
        return null;
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
