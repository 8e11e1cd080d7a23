package dev.newswire.api.messaging;

import dev.newswire.api.view.Position;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What a {@link TopicReader} fills: the article view or the story view. Called on the reader's
 * thread only. The reader owns the Kafka side (assignment, polling, probes, skip counting); a sink
 * only decides what a record means to its view.
 */
public interface TopicSink {

    /** Why a record was not taken: the {@code reason} tag of the skipped-records counter and a log detail. */
    record Skip(String reason, String detail) {
    }

    /** Before the first record: the offset every partition starts at. */
    void startAt(Position start);

    /** Takes one record; returns why it could not, or null. May throw: the reader skips that record. */
    Skip accept(ConsumerRecord<byte[], byte[]> record);

    /** The reader skipped this record (rejected or failed): only positions move. */
    void skipped(int partition, long offset);

    /** After the records of one poll. */
    void endOfBatch();

    /** What the view holds, for the log. */
    String describe();
}
