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
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
 * -Dbench.warmup=N: N other Reuters stories are enriched before the measured ones (JIT warm-up).
 * Args: bootstrap reutersJsonDir count servicePid metricsUrl [brokerPid [label [pipelineArticlesPerSecond
 * [pipelineCpuMsPerArticle]]]]. With the pipeline's CPU per article it also prints the load-independent
 * comparison: what each would do if it had the machine's cores to itself (cores × 1000 / CPU ms per article).
 */
public final class ServiceBench {

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        int count = Integer.parseInt(args[2]);
        int warmUp = Integer.getInteger("bench.warmup", 0);
        // Warm-up stories are others than the measured ones (copies would be story duplicates, a cheaper path).
        List<RawArticle> all = PipelineBench.reuters(Path.of(args[1]), count + warmUp);
        List<RawArticle> articles = all.subList(0, Math.min(count, all.size()));
        List<RawArticle> warmers = all.subList(articles.size(), all.size());
        long pid = Long.parseLong(args[3]);
        String metrics = args[4];
        long brokerPid = args.length > 5 ? Long.parseLong(args[5]) : -1;
        String label = args.length > 6 ? args[6] : "service";
        double pipelineRate = args.length > 7 ? Double.parseDouble(args[7]) : -1;
        double pipelineCpu = args.length > 8 ? Double.parseDouble(args[8]) : -1;
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
        Map<String, Map.Entry<String, Double>> threadsWarmed = Map.of();
        Map<String, Map.Entry<String, Double>> threadsEnd;
        Map<String, Map.Entry<String, Double>> brokerWarmed = Map.of();
        Map<String, Map.Entry<String, Double>> brokerEnd;
        TopicRecords.Snapshot topicsWarmed = null;
        TopicRecords.Snapshot topicsEnd;
        // -Dbench.rate=R: publish at R articles/s (latency at a fixed load) instead of all at once.
        double rate = Double.parseDouble(System.getProperty("bench.rate", "0"));
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        List<Long> latencies = new ArrayList<>();
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(c);
             KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p)) {
            consumer.subscribe(List.of(Topics.ENRICHED));
            if (!warmers.isEmpty()) {
                // As PipelineBench warms its JVM up before measuring: other stories first, so that the
                // measured articles do not pay the service's JIT compilation.
                Set<String> warming = new HashSet<>();
                for (RawArticle w : warmers) {
                    warming.add(w.id());
                    send(producer, w);
                }
                producer.flush();
                long warmStart = System.nanoTime();
                // The JIT curve: CPU per article of the workers and of the JIT compiler threads, per block
                // of warm-up articles (C2 keeps recompiling the NLP code as new articles take new paths).
                int block = Math.max(100, warmers.size() / 8);
                int seen = 0;
                Map<String, Map.Entry<String, Double>> blockStart = ThreadCpu.snapshot(pid);
                while (!warming.isEmpty() && System.nanoTime() < deadline) {
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                        if (warming.remove(r.key()) && ++seen % block == 0) {
                            Map<String, Map.Entry<String, Double>> now = ThreadCpu.snapshot(pid);
                            System.out.printf("%s: warm-up articles %d-%d: %s [load average %s]%n", label, seen - block + 1, seen,
                                    ThreadCpu.summary(ThreadCpu.byGroup(blockStart, now), block), ProcessCpu.loadAverage());
                            blockStart = now;
                        }
                    }
                }
                System.out.printf("%s: warm-up of %d articles took %.0f s%n", label, warmers.size(), (System.nanoTime() - warmStart) / 1e9);
            }
            start = Sample.take(pid, brokerPid, self);
            Thread publisher = publish(producer, articles, rate, sentAt);
            while (!wanted.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    if (wanted.remove(r.key())) {
                        long now = System.nanoTime();
                        Long sent = sentAt.get(r.key());
                        if (sent != null) {
                            latencies.add(now - sent);
                        }
                        first = Math.min(first, r.timestamp());
                        last = Math.max(last, r.timestamp());
                        if (warmed == null && articles.size() - wanted.size() >= warm) {
                            warmed = Sample.take(pid, brokerPid, self);
                            threadsWarmed = ThreadCpu.snapshot(pid);
                            brokerWarmed = ThreadCpu.snapshot(brokerPid);
                            topicsWarmed = TopicRecords.take(bootstrap);
                        }
                    }
                }
            }
            end = Sample.take(pid, brokerPid, self);
            threadsEnd = ThreadCpu.snapshot(pid);
            brokerEnd = ThreadCpu.snapshot(brokerPid);
            topicsEnd = TopicRecords.take(bootstrap);
            publisher.join();
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
        if (pipelineCpu > 0 && warmed != null && done > warm) {
            int n = done - warm;
            double whole = ((end.service - warmed.service) + (end.broker - warmed.broker) + (end.client - warmed.client)) / n;
            double service = (end.service - warmed.service) / n;
            int cores = Runtime.getRuntime().availableProcessors();
            System.out.printf("%s CPU ceiling on %d idle cores (cores x 1000 / CPU ms per article, steady): service+broker+client "
                            + "%.1f articles/s, service process alone %.1f, pipeline alone %.1f; ratio (service+broker+client) / "
                            + "pipeline %.2f [load average %s]%n", label, cores, cores * 1000 / whole, cores * 1000 / service,
                    cores * 1000 / pipelineCpu, pipelineCpu / whole, ProcessCpu.loadAverage());
        }
        if (pipelineRate > 0 && steady > 0) {
            System.out.printf("%s / pipeline alone (2 threads, same run): %.2f (%.1f vs %.1f articles/s)%n",
                    label, steady / pipelineRate, steady, pipelineRate);
        }
        if (warmed != null && done > warm) {
            System.out.printf("%s CPU ms/article by service thread, steady (last %d) [load average %s]:%n%s", label, done - warm,
                    ProcessCpu.loadAverage(), ThreadCpu.report(ThreadCpu.byGroup(threadsWarmed, threadsEnd), done - warm));
            if (brokerPid > 0) {
                // Where the broker's CPU per article goes: network threads (one wake-up per request),
                // request handlers (produce/fetch), KRaft, the log cleaner, GC, JIT.
                System.out.printf("%s CPU ms/article by broker thread, steady (last %d):%n%s", label, done - warm,
                        ThreadCpu.report(ThreadCpu.byGroup(brokerWarmed, brokerEnd), done - warm));
            }
            if (topicsWarmed != null) {
                System.out.printf("%s records the broker took per article, by topic, steady (last %d):%n%s", label, done - warm,
                        TopicRecords.report(topicsWarmed, topicsEnd, done - warm));
            }
        }
        if (!latencies.isEmpty()) {
            Collections.sort(latencies);
            System.out.printf("%s latency, raw published -> enriched record consumed (%d articles%s): p50 %.0f ms, p90 %.0f ms, "
                            + "p99 %.0f ms, max %.0f ms [load average %s]%n", label, latencies.size(),
                    rate > 0 ? String.format(", published at %.1f/s", rate) : ", all published at once (queueing included)",
                    percentile(latencies, 0.50), percentile(latencies, 0.90), percentile(latencies, 0.99),
                    latencies.get(latencies.size() - 1) / 1e6, ProcessCpu.loadAverage());
        }
        System.out.printf("%s RSS %s; %s%n", label, PipelineBench.rss(pid), heap(metrics));
    }

    private static double percentile(List<Long> sorted, double q) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1)) / 1e6;
    }

    /**
     * Publishes the articles: all at once (rate 0, the throughput run), or one every 1/rate seconds from
     * a thread of its own (the latency run: a fixed offered load, so queueing does not dominate).
     */
    private static Thread publish(KafkaProducer<String, byte[]> producer, List<RawArticle> articles, double rate,
                                  Map<String, Long> sentAt) {
        Thread t = new Thread(() -> {
            long begin = System.nanoTime();
            try {
                for (int i = 0; i < articles.size(); i++) {
                    RawArticle a = articles.get(i);
                    if (rate > 0) {
                        long due = begin + (long) (i * 1e9 / rate);
                        long wait;
                        while ((wait = due - System.nanoTime()) > 0) {
                            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                        }
                    }
                    sentAt.put(a.id(), System.nanoTime());
                    send(producer, a);
                    if (rate > 0) {
                        producer.flush();
                    }
                }
                producer.flush();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "bench-publisher");
        t.start();
        return t;
    }

    private static void send(KafkaProducer<String, byte[]> producer, RawArticle a) throws Exception {
        ProducerRecord<String, byte[]> r = new ProducerRecord<>(Topics.RAW, a.id(), NewsJson.mapper().writeValueAsBytes(a));
        r.headers().add(CloudEvents.HEADER_TYPE, CloudEvents.TYPE_RAW.getBytes(StandardCharsets.UTF_8));
        producer.send(r);
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
