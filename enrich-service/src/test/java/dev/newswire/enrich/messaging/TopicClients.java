package dev.newswire.enrich.messaging;

import dev.newswire.kafka.NewswireKafkaResource;
import dev.newswire.model.CloudEvents;
import dev.newswire.model.Topics;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Plain Kafka clients on the test broker: records go straight into the topics, bypassing ingest. */
final class TopicClients {

    static final String CASE_HEADER = "newswire-test-case";

    private TopicClients() {
    }

    static KafkaProducer<String, byte[]> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, NewswireKafkaResource.bootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "gzip");
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Integer.toString(16 * 1024 * 1024));
        return new KafkaProducer<>(props);
    }

    static KafkaConsumer<String, byte[]> consumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, NewswireKafkaResource.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "enrich-test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return new KafkaConsumer<>(props);
    }

    /** A raw record with the CloudEvents headers ingest writes, and a header naming the test case. */
    static ProducerRecord<String, byte[]> raw(String testCase, String key, byte[] value, Long timestamp) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.RAW, null, timestamp, key, value);
        record.headers().add(CloudEvents.HEADER_SPEC_VERSION, CloudEvents.SPEC_VERSION.getBytes(StandardCharsets.UTF_8));
        record.headers().add(CloudEvents.HEADER_ID, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add(CloudEvents.HEADER_TYPE, CloudEvents.TYPE_RAW.getBytes(StandardCharsets.UTF_8));
        record.headers().add(CloudEvents.HEADER_SOURCE, "/test".getBytes(StandardCharsets.UTF_8));
        record.headers().add(CASE_HEADER, testCase.getBytes(StandardCharsets.UTF_8));
        return record;
    }

    static String header(org.apache.kafka.common.header.Headers headers, String name) {
        var h = headers.lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
