import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Load and observation for takeover-bench.sh (single-file program: java -cp kafka-local-runner.jar).
 *   produce BOOTSTRAP RATE_PER_S COUNT PREFIX   raw articles at a steady rate, key = id
 *   watch BOOTSTRAP                             prints "epochMillis key partition offset" per enriched record
 */
public class TakeoverClients {
    public static void main(String[] args) throws Exception {
        if (args[0].equals("produce")) {
            produce(args[1], Double.parseDouble(args[2]), Integer.parseInt(args[3]), args[4]);
        } else {
            watch(args[1]);
        }
    }

    static void produce(String bootstrap, double rate, int count, String prefix) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        long interval = (long) (1_000_000_000L / rate);
        long next = System.nanoTime();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            for (int i = 0; i < count; i++) {
                String id = prefix + "-" + i;
                String body = "Foreign ministers met in Geneva on Monday for talks on a ceasefire (" + id + "). "
                        + "The diplomats said the negotiations would resume next week after both sides exchanged proposals. "
                        + "Aid agencies urged the parties to let humanitarian convoys reach civilians in the north.";
                producer.send(new ProducerRecord<>("news.articles.raw", id,
                        "{\"id\":\"" + id + "\",\"source\":\"bench\",\"body\":\"" + body + "\"}"));
                next += interval;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000)); // pacing the load, not synchronisation
                }
            }
            producer.flush();
        }
    }

    static void watch(String bootstrap) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "takeover-watch-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            consumer.subscribe(List.of("news.articles.enriched"));
            while (true) {
                consumer.poll(Duration.ofMillis(100)).forEach(r ->
                        System.out.println(System.currentTimeMillis() + " " + r.key() + " " + r.partition() + " " + r.offset()));
                System.out.flush();
            }
        }
    }
}
