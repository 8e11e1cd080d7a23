package dev.newswire.enrich.bench;

import dev.newswire.model.CloudEvents;
import dev.newswire.model.NewsJson;
import dev.newswire.model.RawArticle;
import dev.newswire.model.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The whole service: publishes N Reuters stories to news.articles.raw of a private broker that a
 * running enrich-service consumes, and measures how fast enriched records appear (first to last
 * enriched record, so start-up is excluded), plus the service's RSS and heap from its metrics.
 * Args: bootstrap reutersJsonDir count servicePid metricsUrl
 */
public final class ServiceBench {

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        List<RawArticle> articles = PipelineBench.reuters(Path.of(args[1]), Integer.parseInt(args[2]));
        long pid = Long.parseLong(args[3]);
        String metrics = args[4];

        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        long published = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p)) {
            for (RawArticle a : articles) {
                ProducerRecord<String, byte[]> r = new ProducerRecord<>(Topics.RAW, a.id(), NewsJson.mapper().writeValueAsBytes(a));
                r.headers().add(CloudEvents.HEADER_TYPE, CloudEvents.TYPE_RAW.getBytes(StandardCharsets.UTF_8));
                producer.send(r);
            }
        }

        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID());
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        Set<String> wanted = new HashSet<>();
        articles.forEach(a -> wanted.add(a.id()));
        long first = Long.MAX_VALUE;
        long last = 0;
        long deadline = System.nanoTime() + Duration.ofMinutes(20).toNanos();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(c)) {
            consumer.subscribe(List.of(Topics.ENRICHED));
            while (!wanted.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    if (wanted.remove(r.key())) {
                        first = Math.min(first, r.timestamp());
                        last = Math.max(last, r.timestamp());
                    }
                }
            }
        }
        int done = articles.size() - wanted.size();
        double total = (System.nanoTime() - published) / 1e9;
        System.out.printf("whole service: %d/%d Reuters stories enriched; %.1f articles/s steady (first to last enriched record), "
                + "%.1f articles/s including queueing from the first publish (%.0f s)%n",
                done, articles.size(), (done - 1) / Math.max(0.001, (last - first) / 1000.0), done / total, total);
        System.out.printf("service RSS %s; %s%n", PipelineBench.rss(pid), heap(metrics));
    }

    private static String heap(String url) {
        try {
            String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            double used = 0;
            for (String line : body.split("\n")) {
                if (line.startsWith("jvm_memory_used_bytes") && line.contains("area=\"heap\"")) {
                    used += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
            return String.format("service heap used %.0f MB", used / (1 << 20));
        } catch (Exception e) {
            return "service heap: " + e;
        }
    }
}
