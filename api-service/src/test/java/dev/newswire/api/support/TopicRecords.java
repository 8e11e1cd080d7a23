package dev.newswire.api.support;

import dev.newswire.kafka.NewswireKafkaResource;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Records written byte for byte into a topic of the real test broker, for the hostile-record tests. */
public final class TopicRecords {

    private TopicRecords() {
    }

    /** A raw record: key and value bytes as they go on the wire (either may be null). */
    public record Rec(byte[] key, byte[] value) {
        public static Rec of(String key, String value) {
            return ofBytes(key, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
        }

        public static Rec ofBytes(String key, byte[] value) {
            return new Rec(key == null ? null : key.getBytes(StandardCharsets.UTF_8), value);
        }
    }

    /**
     * Records as they are, on partition 0 (so they are read in the order sent), with one producer;
     * returns how many the broker refused (a compacted topic refuses records without a key).
     */
    public static int sendAll(String topic, List<Rec> records) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, NewswireKafkaResource.bootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, "4000000");
        int refused = 0;
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props)) {
            for (Rec r : records) {
                try {
                    producer.send(new ProducerRecord<>(topic, 0, r.key(), r.value())).get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    refused++;
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("send failed", e);
        }
        return refused;
    }

    /** {@code head}, then bytes that are not valid UTF-8 (or NUL), then {@code tail}. */
    public static byte[] concat(String head, byte[] middle, String tail) {
        byte[] h = head.getBytes(StandardCharsets.UTF_8);
        byte[] t = tail.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[h.length + middle.length + t.length];
        System.arraycopy(h, 0, out, 0, h.length);
        System.arraycopy(middle, 0, out, h.length, middle.length);
        System.arraycopy(t, 0, out, h.length + middle.length, t.length);
        return out;
    }
}
