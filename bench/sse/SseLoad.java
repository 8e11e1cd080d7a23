/*
 * SSE load client for the api-service (run by bench/sse/run.sh, which builds the classpath).
 *
 * For each step N:R:D it opens N concurrent subscribers to /api/stream (Vert.x HTTP client, spread
 * over loopback source addresses so ephemeral ports never run out), publishes R articles/s of about
 * 5 KB to news.articles.enriched for D seconds, and reports publish->receive latency over ALL
 * subscribers (HdrHistogram, microseconds), events/s delivered, cuts, and the server's RSS and heap
 * per 1,000 subscribers. A plain KafkaConsumer in the same process measures the raw Kafka
 * publish->consume latency of the same records at the same time: the baseline.
 *
 * Latency = receive time - the article's enrichedAt, which the publisher sets just before send()
 * (same machine, same clock).
 */
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

public class SseLoad {

    static final String TOPIC = "news.articles.enriched";
    static final byte[] MARK = "\"enrichedAt\":\"".getBytes(StandardCharsets.US_ASCII);

    public static void main(String[] args) throws Exception {
        String host = arg(args, "--host", "127.0.0.1");
        int port = Integer.parseInt(arg(args, "--port", "18080"));
        String bootstrap = arg(args, "--bootstrap", "127.0.0.1:19092");
        long serverPid = Long.parseLong(arg(args, "--server-pid", "0"));
        int perAddress = Integer.parseInt(arg(args, "--per-address", "20000"));
        String steps = arg(args, "--steps", "1000:10:30,10000:10:30");
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
        System.out.printf("# SSE load: server %s:%d (pid %d), Kafka %s, client cores %d%n",
                host, port, serverPid, bootstrap, Runtime.getRuntime().availableProcessors());
        System.out.println("| subscribers | publish rate | published | delivered events | expected | cut | events/s delivered | SSE p50 ms | SSE p99 ms | SSE p99.9 ms | SSE max ms | Kafka baseline p50 ms | Kafka baseline p99 ms | server RSS MiB | RSS per 1k subs MiB | heap used MiB | heap per 1k subs MiB | connect s | server CPU s | server CPU µs/event | client CPU s |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (String step : steps.split(",")) {
            String[] p = step.split(":");
            runStep(vertx, host, port, bootstrap, serverPid, perAddress,
                    Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2]));
        }
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    static void runStep(Vertx vertx, String host, int port, String bootstrap, long pid, int perAddress,
                        int n, int rate, int seconds) throws Exception {
        double[] base = serverMemory(host, port, pid);
        ConcurrentHistogram sse = new ConcurrentHistogram(TimeUnit.SECONDS.toMicros(120), 3);
        AtomicLong delivered = new AtomicLong();
        AtomicLong lastReceive = new AtomicLong();
        AtomicInteger open = new AtomicInteger();
        AtomicInteger cut = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        List<HttpClient> clients = new ArrayList<>();
        int addresses = (n + perAddress - 1) / perAddress;
        for (int a = 0; a < addresses; a++) {
            clients.add(vertx.createHttpClient(new HttpClientOptions()
                            .setLocalAddress("127.0.0." + (2 + a)).setKeepAlive(false).setIdleTimeout(0)
                            .setConnectTimeout(30_000),
                    new PoolOptions().setHttp1MaxSize(perAddress + 10).setMaxWaitQueueSize(-1)));
        }
        List<io.vertx.core.http.HttpConnection> connections = java.util.Collections.synchronizedList(new ArrayList<>());
        Semaphore inFlight = new Semaphore(500);
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            inFlight.acquire();
            HttpClient client = clients.get(i / perAddress);
            client.request(HttpMethod.GET, port, host, "/api/stream")
                    .compose(req -> req.putHeader("Accept", "text/event-stream").send())
                    .onSuccess(resp -> {
                        connections.add(resp.request().connection());
                        open.incrementAndGet();
                        inFlight.release();
                        resp.handler(new Scanner(sse, delivered, lastReceive, cut)::chunk);
                    })
                    .onFailure(e -> {
                        failed.incrementAndGet();
                        inFlight.release();
                    });
        }
        while (open.get() + failed.get() < n && System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(300)) {
            Thread.sleep(100);   // polling a counter in a benchmark driver, not test synchronisation
        }
        double connectSeconds = (System.nanoTime() - t0) / 1e9;
        if (failed.get() > 0) {
            System.out.printf("# %d of %d subscribers failed to connect%n", failed.get(), n);
        }
        double[] loaded = serverMemory(host, port, pid);

        // Baseline: a raw consumer of the same topic, from the end.
        ConcurrentHistogram kafka = new ConcurrentHistogram(TimeUnit.SECONDS.toMicros(120), 3);
        AtomicBoolean consuming = new AtomicBoolean(true);
        CountDownLatch consumerReady = new CountDownLatch(1);
        Thread baseline = new Thread(() -> consumeBaseline(bootstrap, kafka, consuming, consumerReady), "baseline");
        baseline.start();
        consumerReady.await(30, TimeUnit.SECONDS);

        double serverCpu0 = cpuSeconds(pid);
        double clientCpu0 = cpuSeconds(ProcessHandle.current().pid());
        int published = publish(bootstrap, rate, seconds);
        long publishEnd = System.nanoTime();
        long expected = (long) published * open.get();
        while (delivered.get() < expected && System.nanoTime() - publishEnd < TimeUnit.SECONDS.toNanos(20)) {
            Thread.sleep(100);
        }
        consuming.set(false);
        baseline.join(10_000);
        double serverCpu = cpuSeconds(pid) - serverCpu0;
        double clientCpu = cpuSeconds(ProcessHandle.current().pid()) - clientCpu0;
        double deliverSeconds = Math.max(1e-3, (lastReceive.get() - (publishEnd - TimeUnit.SECONDS.toNanos(seconds))) / 1e9);
        double subsK = Math.max(1, open.get()) / 1000.0;
        System.out.printf("| %,d | %d/s | %d | %,d | %,d | %d | %,.0f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.0f | %.1f | %.0f | %.1f | %.1f | %.1f | %.0f | %.1f |%n",
                open.get(), rate, published, delivered.get(), expected, cut.get(), delivered.get() / deliverSeconds,
                ms(sse, 50), ms(sse, 99), ms(sse, 99.9), sse.getMaxValue() / 1000.0, ms(kafka, 50), ms(kafka, 99),
                loaded[0], (loaded[0] - base[0]) / subsK, loaded[1], (loaded[1] - base[1]) / subsK, connectSeconds,
                serverCpu, serverCpu * 1e6 / Math.max(1, delivered.get()), clientCpu);
        for (var c : new ArrayList<>(connections)) {
            c.close();
        }
        for (HttpClient c : clients) {
            c.close().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        }
        Thread.sleep(3000);   // let the server notice the closes before the next step's baseline
    }

    static int publish(String bootstrap, int rate, int seconds) throws Exception {
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrap);
        props.put("key.serializer", "org.apache.kafka.common.serialization.StringSerializer");
        props.put("value.serializer", "org.apache.kafka.common.serialization.StringSerializer");
        props.put("linger.ms", "0");
        String body = body();
        int count = 0;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            long start = System.nanoTime();
            long interval = TimeUnit.SECONDS.toNanos(1) / rate;
            for (int i = 0; i < rate * seconds; i++) {
                long due = start + i * interval;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);   // pacing the publish rate
                }
                String id = "bench-" + UUID.randomUUID();
                String json = "{\"id\":\"" + id + "\",\"source\":\"bench\",\"title\":\"Bench article " + i
                        + "\",\"language\":\"en\",\"text\":\"" + body + "\",\"summary\":\"A benchmark article.\","
                        + "\"tags\":[{\"id\":\"economy\",\"label\":\"Economy\",\"score\":0.9}],"
                        + "\"entities\":[{\"name\":\"Bench Corp\",\"type\":\"ORGANIZATION\",\"aliases\":[\"Bench\"],\"mentions\":3,\"salience\":0.7}],"
                        + "\"enrichedAt\":\"" + Instant.now() + "\"}";
                producer.send(new ProducerRecord<>(TOPIC, id, json));
                count++;
            }
            producer.flush();
        }
        return count;
    }

    static void consumeBaseline(String bootstrap, Histogram histogram, AtomicBoolean running, CountDownLatch ready) {
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrap);
        props.put("key.deserializer", "org.apache.kafka.common.serialization.ByteArrayDeserializer");
        props.put("value.deserializer", "org.apache.kafka.common.serialization.ByteArrayDeserializer");
        props.put("enable.auto.commit", "false");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC).stream()
                    .map(p -> new TopicPartition(TOPIC, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            ready.countDown();
            while (running.get()) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                    long sent = enrichedAtMicros(Buffer.buffer(r.value()));
                    if (sent > 0) {
                        histogram.recordValue(Math.max(0, nowMicros() - sent));
                    }
                }
            }
        }
    }

    /** [RSS MiB, heap used MiB] of the server after a full GC; heap from its /q/metrics. */
    static double[] serverMemory(String host, int port, long pid) throws Exception {
        if (pid > 0) {
            new ProcessBuilder("jcmd", Long.toString(pid), "GC.run").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(60, TimeUnit.SECONDS);
        }
        Thread.sleep(1000);
        double rss = 0;
        if (pid > 0) {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    rss = Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
                }
            }
        }
        double heap = 0;
        try {
            String metrics = java.net.http.HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + "/q/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            for (String line : metrics.split("\n")) {
                if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                    heap += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)) / (1024 * 1024);
                }
            }
        } catch (IOException e) {
            heap = -1;
        }
        return new double[] {rss, heap};
    }

    /**
     * Per-connection stream scanner: finds each article's enrichedAt and each resync event in the
     * raw chunks (carrying a short tail across chunk boundaries) instead of splitting and copying
     * every 5 KB event: the client must stay cheaper than the server it measures.
     */
    static final class Scanner {
        static final byte[] RESYNC = "event: resync".getBytes(StandardCharsets.US_ASCII);
        final Histogram histogram;
        final AtomicLong delivered;
        final AtomicLong lastReceive;
        final AtomicInteger cut;
        byte[] carry = new byte[0];

        Scanner(Histogram histogram, AtomicLong delivered, AtomicLong lastReceive, AtomicInteger cut) {
            this.histogram = histogram;
            this.delivered = delivered;
            this.lastReceive = lastReceive;
            this.cut = cut;
        }

        void chunk(Buffer chunk) {
            byte[] b;
            if (carry.length == 0) {
                b = chunk.getBytes();
            } else {
                b = new byte[carry.length + chunk.length()];
                System.arraycopy(carry, 0, b, 0, carry.length);
                chunk.getBytes(b, carry.length);
            }
            int consumed = 0;
            int limit = b.length;
            for (int i = 0; i < limit; i++) {
                if (b[i] == '"' && matches(b, i, MARK)) {
                    int start = i + MARK.length;
                    int end = start;
                    while (end < limit && b[end] != '"') {
                        end++;
                    }
                    if (end >= limit) {
                        consumed = i;      // timestamp cut by the chunk boundary: keep it for the next chunk
                        break;
                    }
                    Instant t = Instant.parse(new String(b, start, end - start, StandardCharsets.US_ASCII));
                    long sent = t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000;
                    histogram.recordValue(Math.max(0, nowMicros() - sent));
                    delivered.incrementAndGet();
                    lastReceive.set(System.nanoTime());
                    i = end;
                    consumed = end + 1;
                } else if (b[i] == 'e' && matches(b, i, RESYNC)) {
                    cut.incrementAndGet();
                    i += RESYNC.length - 1;
                    consumed = i + 1;
                } else {
                    consumed = Math.max(consumed, i + 1 - MARK.length);
                }
            }
            int keep = Math.min(b.length - consumed, 64);
            carry = keep <= 0 ? new byte[0] : java.util.Arrays.copyOfRange(b, b.length - keep, b.length);
        }

        static boolean matches(byte[] b, int at, byte[] word) {
            if (at + word.length > b.length) {
                return false;
            }
            for (int j = 1; j < word.length; j++) {
                if (b[at + j] != word[j]) {
                    return false;
                }
            }
            return true;
        }
    }

    static boolean startsWith(Buffer buffer, String prefix) {
        if (buffer.length() < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (buffer.getByte(i) != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** enrichedAt is near the end of the JSON: search backwards instead of parsing 5 KB. */
    static long enrichedAtMicros(Buffer buffer) {
        outer:
        for (int i = buffer.length() - MARK.length; i >= 0; i--) {
            for (int j = 0; j < MARK.length; j++) {
                if (buffer.getByte(i + j) != MARK[j]) {
                    continue outer;
                }
            }
            int start = i + MARK.length;
            int end = start;
            while (end < buffer.length() && buffer.getByte(end) != '"') {
                end++;
            }
            Instant t = Instant.parse(buffer.getString(start, end, "US-ASCII"));
            return t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000;
        }
        return -1;
    }

    /** utime + stime of a process, from /proc (clock ticks of 1/100 s). */
    static double cpuSeconds(long pid) {
        if (pid <= 0) {
            return 0;
        }
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
        } catch (IOException e) {
            return 0;
        }
    }

    static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }

    static double ms(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(percentile) / 1000.0;
    }

    static String body() {
        String[] words = ("markets rallied after the central bank signalled a pause in rate rises while analysts "
                + "warned that energy prices could rebound as winter demand grows across northern europe").split(" ");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; sb.length() < 5000; i++) {
            sb.append(words[i % words.length]).append(i % 17 == 16 ? ". " : " ");
        }
        return sb.toString();
    }

    static String arg(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
