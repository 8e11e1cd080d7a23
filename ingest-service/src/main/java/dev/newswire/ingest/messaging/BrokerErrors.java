package dev.newswire.ingest.messaging;

import java.time.Duration;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordTooLargeException;

/**
 * What a failed send means for its caller, from the producer's error: the record's size (413), a
 * refusal only an operator can fix (ACLs, topic, record validation: 502), or the broker not answering
 * in time (503, retry; also anything unclassified, so an unknown error is never treated as final).
 * One place for the article publisher and the feed registry, which answer HTTP and retry declared
 * feeds by it.
 */
public final class BrokerErrors {

    private BrokerErrors() {
    }

    /**
     * @param what    what was written ("the article", "the feed registry write"), for the message
     * @param timeout the producer's delivery timeout, for the message
     */
    public static RuntimeException translate(Throwable error, String what, Duration timeout) {
        if (error instanceof RecordTooLargeException) {
            return new RecordTooLargeForTopicException(error.getMessage(), error);
        }
        if (error instanceof AuthorizationException || error instanceof InvalidTopicException
                || error instanceof InvalidRecordException) {
            // The broker answered "no" by its ACLs, the topic's name or its validation of the record:
            // the same write gets the same answer. Only these: another non-retriable error (an
            // idempotent producer's sequence error, say) may pass with the next write, so it stays
            // an outage to wait out rather than a write given up.
            return new BrokerRefusedException("The Kafka broker refused " + what + ": " + error, error);
        }
        // The cause stays on the exception for the log; the answer names no exception class.
        return new BrokerUnavailableException("The Kafka broker did not acknowledge " + what + " within "
                + timeout.toSeconds() + " s.", error);
    }
}
