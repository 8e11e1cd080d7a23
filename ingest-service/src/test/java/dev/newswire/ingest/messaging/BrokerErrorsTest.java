package dev.newswire.ingest.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.UnknownServerException;
import org.junit.jupiter.api.Test;

/**
 * Only what the broker will answer the same way next time is a refusal; every other error, even a
 * non-retriable one, stays an outage that callers wait out (an unknown error is never final).
 */
class BrokerErrorsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @Test
    void aclsAndRecordValidationAreRefusals() {
        assertThat(translate(new TopicAuthorizationException("Not authorized to access topics: [t]")))
                .isInstanceOf(BrokerRefusedException.class).hasMessageContaining("refused the article");
        assertThat(translate(new ClusterAuthorizationException("no"))).isInstanceOf(BrokerRefusedException.class);
        assertThat(translate(new InvalidRecordException("compacted topic needs a key"))).isInstanceOf(BrokerRefusedException.class);
    }

    @Test
    void sizeIsTheSendersToFix() {
        assertThat(translate(new RecordTooLargeException("too large"))).isInstanceOf(RecordTooLargeForTopicException.class);
    }

    @Test
    void everythingElseIsAnOutage() {
        assertThat(translate(new TimeoutException("Expiring 1 record(s)")))
                .isInstanceOf(BrokerUnavailableException.class).hasMessage("The Kafka broker did not acknowledge the article within 5 s.");
        assertThat(translate(new NotEnoughReplicasException("isr"))).isInstanceOf(BrokerUnavailableException.class);
        assertThat(translate(new OutOfOrderSequenceException("seq"))).isInstanceOf(BrokerUnavailableException.class);
        assertThat(translate(new UnknownServerException("?"))).isInstanceOf(BrokerUnavailableException.class);
        assertThat(translate(new IllegalStateException("producer closed"))).isInstanceOf(BrokerUnavailableException.class);
    }

    private static RuntimeException translate(Throwable error) {
        return BrokerErrors.translate(error, "the article", TIMEOUT);
    }
}
