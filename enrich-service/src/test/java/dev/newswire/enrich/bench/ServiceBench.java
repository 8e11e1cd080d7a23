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
 * Because the machine is shared, it also prints what does not move with the load: CPU ms per
 * article of the service process (all its threads: pipeline, Kafka clients, story step, JIT, GC),
 * of the broker and of this bench client, over all articles and over the steady part (after the
 * first fifth, when JIT warm-up is done), with the load average beside every figure.
 * Args: bootstrap reutersJsonDir count servicePid metricsUrl [brokerPid [label [pipelineArticlesPerSecond]]]
 */
public final class ServiceBench {

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        List<RawArticle> articles = PipelineBench.reuters(Path.of(args[1]), Integer.parseInt(args[2]));
        long pid = Long.parseLong(args[3]);
        String metrics = args[4];
        long brokerPid = args.length > 5 ? Long.parseLong(args[5]) : -1;
        String label = args.length > 6 ? args[6] : "service";
        double pipelineRate = args.length > 7 ? Double.parseDouble(args[7]) : -1;
        long self = ProcessHandle.current().pid();

        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID());
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        Set<String> wanted = new HashSet<>();
        articles.forEach(a -> wanted.add(a.id()));
        int warm = Math.max(1, articles.size() / 5);
        long first = Long.MAX_VALUE;
        long last = 0;
        long deadline = System.nanoTime() + Duration.ofMinutes(20).toNanos();
        Sample start;
        Sample warmed = null;
        Sample end;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(c)) {
            consumer.subscribe(List.of(Topics.ENRICHED));
            start = Sample.take(pid, brokerPid, self);
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p)) {
                for (RawArticle a : articles) {
                    ProducerRecord<String, byte[]> r = new ProducerRecord<>(Topics.RAW, a.id(), NewsJson.mapper().writeValueAsBytes(a));
                    r.headers().add(CloudEvents.HEADER_TYPE, CloudEvents.TYPE_RAW.getBytes(StandardCharsets.UTF_8));
                    producer.send(r);
                }
            }
            while (!wanted.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    if (wanted.remove(r.key())) {
                        first = Math.min(first, r.timestamp());
                        last = Math.max(last, r.timestamp());
                        if (warmed == null && articles.size() - wanted.size() >= warm) {
                            warmed = Sample.take(pid, brokerPid, self);
                        }
                    }
                }
            }
            end = Sample.take(pid, brokerPid, self);
        }
        int done = articles.size() - wanted.size();
        double total = (end.nanos - start.nanos) / 1e9;
        double steady = warmed == null ? 0 : (done - warm) / ((end.nanos - warmed.nanos) / 1e9);
        System.out.printf("%s: %d/%d Reuters stories enriched; %.1f articles/s steady (first to last enriched record), "
                + "%.1f articles/s including queueing from the first publish (%.0f s); %.1f articles/s after the first %d "
                + "(JIT warm) [load average %s]%n",
                label, done, articles.size(), (done - 1) / Math.max(0.001, (last - first) / 1000.0), done / total, total,
                steady, warm, ProcessCpu.loadAverage());
        System.out.printf("%s CPU ms/article, all %d: service %.1f, broker %.1f, bench client %.1f%n", label, done,
                (end.service - start.service) / done, (end.broker - start.broker) / done, (end.client - start.client) / done);
        if (warmed != null && done > warm) {
            int n = done - warm;
            System.out.printf("%s CPU ms/article, steady (last %d): service %.1f, broker %.1f, bench client %.1f; "
                            + "cores busy: service %.2f, broker %.2f, client %.2f%n", label, n,
                    (end.service - warmed.service) / n, (end.broker - warmed.broker) / n, (end.client - warmed.client) / n,
                    busy(warmed, end, end.service - warmed.service), busy(warmed, end, end.broker - warmed.broker),
                    busy(warmed, end, end.client - warmed.client));
        }
        if (pipelineRate > 0 && steady > 0) {
            System.out.printf("%s / pipeline alone (2 threads, same run): %.2f (%.1f vs %.1f articles/s)%n",
                    label, steady / pipelineRate, steady, pipelineRate);
        }
        System.out.printf("%s RSS %s; %s%n", label, PipelineBench.rss(pid), heap(metrics));
    }

    private static double busy(Sample from, Sample to, double cpuMillis) {
        return cpuMillis / ((to.nanos - from.nanos) / 1e6);
    }

    /** CPU ms of the service, the broker and this client at one instant. */
    private record Sample(long nanos, double service, double broker, double client) {
        static Sample take(long service, long broker, long client) {
            return new Sample(System.nanoTime(), ProcessCpu.millis(service), ProcessCpu.millis(broker), ProcessCpu.millis(client));
        }
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
