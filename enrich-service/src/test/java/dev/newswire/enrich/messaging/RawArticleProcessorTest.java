package dev.newswire.enrich.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.newswire.enrich.config.TestEnrichConfig;
import dev.newswire.enrich.pipeline.RejectedRecordException;
import dev.newswire.model.CloudEvents;
import dev.newswire.model.DeadLetterHeaders;
import dev.newswire.model.EnrichedArticle;
import dev.newswire.model.NewsJson;
import dev.newswire.model.RawArticle;
import dev.newswire.model.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.helpers.test.AssertSubscriber;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The raw → enriched processor with its real collaborators (Enricher with the standard pipeline,
 * EnrichedMessageBuilder, DeadLetterPublisher) but no broker and no Quarkus: a raw Kafka record goes
 * in as a Message, the enriched Message (or the dead letter) comes out. The same paths against the
 * real broker are in {@link EnrichServiceTest}; these run in seconds and show which class broke.
 * (The SmallRye in-memory connector would do the same through CDI, but the version the Quarkus BOM
 * asks for, 4.36.0, is not on the Maven repository this project builds from.)
 */
class RawArticleProcessorTest {

    private static final Duration PATIENCE = Duration.ofMinutes(3);
    private static Enricher enricher;

    private final CapturingEmitter dlq = new CapturingEmitter();
    private final DeadLetterPublisher deadLetters = new DeadLetterPublisher(dlq);
    private final RawArticleProcessor processor = new RawArticleProcessor(enricher, deadLetters,
            new EnrichedMessageBuilder(deadLetters), TestEnrichConfig.of(2, 64 * 1024), new SimpleMeterRegistry());

    @BeforeAll
    static void loadModels() {
        enricher = new Enricher(TestEnrichConfig.of(2, 64 * 1024), new SimpleMeterRegistry());
        enricher.loadOnStart(null); // as at Quarkus start-up: the models load on a thread of their own
    }

    @AfterEach
    void stopWorkers() {
        processor.stop();
    }

    @Test
    void aRawRecordComesOutEnrichedUnderItsKeyWithCloudEventsHeaders() throws Exception {
        RawArticle article = new RawArticle("a-1", "test", null, "Ministers meet in Geneva",
                "Foreign ministers from France and Germany met in Geneva on Monday to discuss a ceasefire. "
                        + "The talks, hosted by the United Nations, ended without an agreement, officials said.",
                RawArticle.TEXT_PLAIN, null, Instant.parse("2026-01-01T00:00:00Z"), null);
        AtomicBoolean rawAcked = new AtomicBoolean();
        Message<byte[]> raw = kafkaRecord("key-1", NewsJson.mapper().writeValueAsBytes(article), rawAcked);

        AssertSubscriber<Message<String>> out = run(raw);
        out.awaitCompletion(PATIENCE);

        assertThat(out.getItems()).hasSize(1);
        Message<String> enriched = out.getItems().get(0);
        OutgoingKafkaRecordMetadata<?> metadata = enriched.getMetadata(OutgoingKafkaRecordMetadata.class).orElseThrow();
        assertThat(metadata.getKey()).isEqualTo("key-1");
        Headers headers = metadata.getHeaders();
        assertThat(header(headers, CloudEvents.HEADER_TYPE)).isEqualTo(CloudEvents.TYPE_ENRICHED);
        assertThat(header(headers, CloudEvents.HEADER_SOURCE)).isEqualTo(EnrichedMessageBuilder.SOURCE);
        assertThat(header(headers, CloudEvents.HEADER_SPEC_VERSION)).isEqualTo(CloudEvents.SPEC_VERSION);
        assertThat(header(headers, CloudEvents.HEADER_ID)).isNotBlank();
        EnrichedArticle value = NewsJson.mapper().readValue(enriched.getPayload(), EnrichedArticle.class);
        assertThat(value.id()).isEqualTo("a-1");
        assertThat(value.language()).isEqualTo("en");
        assertThat(value.pipeline().version()).isEqualTo("test");
        assertThat(dlq.sent).isEmpty();

        assertThat(rawAcked).as("the raw offset waits until the broker has the enriched record").isFalse();
        enriched.ack().toCompletableFuture().join();
        assertThat(rawAcked).isTrue();
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterChannelAndNothingComesOut() {
        byte[] poison = "{\"id\": \"x\", \"body\": ".getBytes(StandardCharsets.UTF_8);
        AtomicBoolean rawAcked = new AtomicBoolean();

        AssertSubscriber<Message<String>> out = run(kafkaRecord("poison-1", poison, rawAcked));

        await().atMost(PATIENCE).until(() -> dlq.sent.size() == 1);
        Message<? extends byte[]> dead = dlq.sent.get(0);
        assertThat(dead.getPayload()).isEqualTo(poison);
        OutgoingKafkaRecordMetadata<?> metadata = dead.getMetadata(OutgoingKafkaRecordMetadata.class).orElseThrow();
        assertThat(metadata.getKey()).isEqualTo("poison-1");
        assertThat(header(metadata.getHeaders(), DeadLetterHeaders.ERROR_STAGE)).isEqualTo(RejectedRecordException.STAGE);
        assertThat(rawAcked).as("acknowledged only once the dead letter is written").isFalse();

        dead.ack().toCompletableFuture().join();
        out.awaitCompletion(PATIENCE);
        assertThat(out.getItems()).as("nothing on the enriched channel").isEmpty();
        assertThat(rawAcked).isTrue();
    }

    @Test
    void aTombstoneIsSkippedAndAcknowledgedWithoutADeadLetter() {
        AtomicBoolean rawAcked = new AtomicBoolean();

        AssertSubscriber<Message<String>> out = run(kafkaRecord("gone-1", null, rawAcked));

        out.awaitCompletion(PATIENCE);
        assertThat(out.getItems()).isEmpty();
        assertThat(dlq.sent).isEmpty();
        assertThat(rawAcked).isTrue();
    }

    private AssertSubscriber<Message<String>> run(Message<byte[]> raw) {
        return processor.enrich(Multi.createFrom().item(raw)).subscribe().withSubscriber(AssertSubscriber.create(10));
    }

    /** A Message as the Kafka connector delivers it: the record's key, topic and offset in its metadata. */
    private static Message<byte[]> kafkaRecord(String key, byte[] value, AtomicBoolean acked) {
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(Topics.RAW, 0, 42L, key, value);
        Message<byte[]> message = value == null ? Message.<byte[]>of(null) : Message.of(value);
        return message.addMetadata(new IncomingKafkaRecordMetadata<>(record, "raw"))
                .withAck(() -> {
                    acked.set(true);
                    return CompletableFuture.completedFuture(null);
                });
    }

    private static String header(Headers headers, String name) {
        return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
