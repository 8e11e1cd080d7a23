package dev.newswire.enrich.stories;

import dev.newswire.model.DeadLetterHeaders;
import dev.newswire.model.Topics;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.DefaultProductionExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.jboss.logging.Logger;

/**
 * A record the broker can never take (too large) must not stop the story step: Kafka Streams'
 * default fails the thread, the replacement thread reprocesses the same record and fails again,
 * forever. Such a record is skipped instead; an enriched article among them goes to the
 * dead-letter topic (16 MiB) rather than being lost. Everything else (retriable errors: the broker
 * is away) is left to the default handler.
 */
public class OversizedRecords implements ProductionExceptionHandler {

    private static final Logger LOG = Logger.getLogger(OversizedRecords.class);
    private final DefaultProductionExceptionHandler fallback = new DefaultProductionExceptionHandler();

    @Override
    public Response handleError(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record, Exception exception) {
        if (!(exception instanceof RecordTooLargeException)) {
            return fallback.handleError(context, record, exception);
        }
        LOG.errorf("story step: record for %s (%d bytes) too large for the broker: skipped%s", record.topic(),
                record.value() == null ? 0 : record.value().length, Topics.ENRICHED.equals(record.topic()) ? ", sent to the DLQ" : "");
        if (!Topics.ENRICHED.equals(record.topic())) {
            return Response.resume();
        }
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        add(headers, DeadLetterHeaders.ERROR_CLASS, exception.getClass().getName());
        add(headers, DeadLetterHeaders.ERROR_MESSAGE, String.valueOf(exception.getMessage()));
        add(headers, DeadLetterHeaders.ERROR_STAGE, StoryProcessor.STAGE);
        add(headers, DeadLetterHeaders.SOURCE_TOPIC, context.topic());
        add(headers, DeadLetterHeaders.SOURCE_PARTITION, Integer.toString(context.partition()));
        add(headers, DeadLetterHeaders.SOURCE_OFFSET, Long.toString(context.offset()));
        return Response.resume(List.of(new ProducerRecord<>(Topics.DLQ, null, record.key(), record.value(), headers)));
    }

    private static void add(RecordHeaders headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void configure(Map<String, ?> configs) {
        fallback.configure(configs);
    }
}
