package dev.newswire.ingest.messaging;

/**
 * The broker answered and refused the write for a reason a retry will not fix (authorization, an
 * invalid topic, a broker setting): an operator must act. Not an outage, so nothing waits it out;
 * the message carries Kafka's reason for the log, never for an HTTP answer.
 */
public class BrokerRefusedException extends RuntimeException {

    public BrokerRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
