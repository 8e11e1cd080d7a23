import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Load generator for the ingest-service (run by bench/ingest/run.sh, which starts the broker and the
 * service). Phases, each on its own slice of the Reuters stories so nothing is a duplicate:
 * single POSTs (application/json, C concurrent clients), NDJSON batches, a replay at rate 0, and a
 * baseline: the same records sent by a bare KafkaProducer with the service's producer settings.
 * While each phase runs, the service's RSS is sampled from /proc.
 * Args: baseUrl bootstrap ndjsonFile replayDir servicePid singles concurrency batchSize
 */
public class IngestBench {

    static String base;
    static long pid;
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newFixedThreadPool(8)).build();

    public static void main(String[] args) throws Exception {
        base = args[0];
        String bootstrap = args[1];
        List<String> lines = Files.readAllLines(Path.of(args[2]), StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
        Path replayDir = Path.of(args[3]);
        pid = Long.parseLong(args[4]);
        int singles = Integer.parseInt(args[5]);
        int concurrency = Integer.parseInt(args[6]);
        int batchSize = Integer.parseInt(args[7]);

        System.out.printf("articles available: %d; service pid %d; RSS at rest %d MiB%n", lines.size(), pid, rssMiB());
        warmUp(lines.subList(0, 200));
        List<String> singleSlice = lines.subList(200, Math.min(lines.size(), 200 + singles));
        List<String> batchSlice = lines.subList(200 + singleSlice.size(), lines.size());

        singlePosts(singleSlice, concurrency);
        batches(batchSlice, batchSize, 4);
        replay(replayDir);
        baseline(bootstrap, lines);
        System.out.printf("service peak RSS (VmHWM) %d MiB%n", procStatus("VmHWM") / 1024);
        System.exit(0); // the HTTP client's executor threads would keep the JVM alive
    }

    static void warmUp(List<String> articles) throws Exception {
        for (String article : articles) {
            post("application/json", article);
        }
    }

    static void singlePosts(List<String> articles, int concurrency) throws Exception {
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        RssSampler rss = RssSampler.start();
        long started = System.nanoTime();
        runConcurrently(concurrency, () -> {
            int i;
            while ((i = next.getAndIncrement()) < articles.size()) {
                long t = System.nanoTime();
                int status = post("application/json", articles.get(i));
                latencies.add(System.nanoTime() - t);
                if (status != 202) {
                    errors.incrementAndGet();
                }
            }
        });
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("single POST (application/json, %d clients): %d articles in %.1f s = %.0f articles/s; "
                        + "latency p50 %.1f ms, p99 %.1f ms; errors %d; RSS max %d MiB%n", concurrency, articles.size(), seconds,
                articles.size() / seconds, pct(latencies, 50), pct(latencies, 99), errors.get(), rss.stop());
    }

    static void batches(List<String> articles, int batchSize, int concurrency) throws Exception {
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < articles.size(); i += batchSize) {
            bodies.add(String.join("\n", articles.subList(i, Math.min(articles.size(), i + batchSize))) + "\n");
        }
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger next = new AtomicInteger();
        AtomicLong accepted = new AtomicLong();
        AtomicInteger errors = new AtomicInteger();
        Pattern id = Pattern.compile("\"[0-9a-f]{16}\"");
        RssSampler rss = RssSampler.start();
        long started = System.nanoTime();
        runConcurrently(concurrency, () -> {
            int i;
            while ((i = next.getAndIncrement()) < bodies.size()) {
                long t = System.nanoTime();
                HttpResponse<String> response = send("application/x-ndjson", bodies.get(i));
                latencies.add(System.nanoTime() - t);
                if (response.statusCode() != 202) {
                    errors.incrementAndGet();
                    continue;
                }
                String body = response.body();
                String acceptedPart = body.substring(0, body.indexOf("\"duplicates\""));
                Matcher m = id.matcher(acceptedPart);
                while (m.find()) {
                    accepted.incrementAndGet();
                }
            }
        });
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("NDJSON batches of %d (%d clients): %d articles accepted in %.1f s = %.0f articles/s; "
                        + "request latency p50 %.0f ms, p99 %.0f ms; errors %d; RSS max %d MiB%n", batchSize, concurrency,
                accepted.get(), seconds, accepted.get() / seconds, pct(latencies, 50), pct(latencies, 99), errors.get(), rss.stop());
    }

    static void replay(Path dir) throws Exception {
        RssSampler rss = RssSampler.start();
        HttpResponse<String> started = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/replay"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"dir\": \"" + dir.toAbsolutePath() + "\", \"ratePerSecond\": 0,"
                        + " \"skipDuplicates\": false}")).build(), HttpResponse.BodyHandlers.ofString());
        if (started.statusCode() != 202 && started.statusCode() != 200) {
            // e.g. a folder outside newswire.ingest.replay.roots: say so rather than print "?" figures
            System.out.printf("replay at rate 0 (%s): refused, HTTP %d %s%n", dir.getFileName(), started.statusCode(), started.body());
            return;
        }
        String id = field(started.body(), "id");
        String status;
        long t0 = System.nanoTime();
        do {
            Thread.sleep(250); // polling a remote job; no event to wait on
            status = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/replay/" + id)).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } while (status.contains("\"RUNNING\"") && System.nanoTime() - t0 < 120_000_000_000L);
        double seconds = (System.nanoTime() - t0) / 1e9; // to the poll that saw it end: up to 0.25 s late
        System.out.printf("replay at rate 0 (%s): sent %s of %s, failed %s, %s articles/s by the service's status"
                        + " (%.1f s to the poll that saw it %s); RSS max %d MiB%n", dir.getFileName(), field(status, "sent"),
                field(status, "total"), field(status, "failed"), field(status, "actualRatePerSecond"), seconds, field(status, "state"),
                rss.stop());
    }

    static void baseline(String bootstrap, List<String> articles) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "2");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            CountDownLatch done = new CountDownLatch(articles.size());
            long started = System.nanoTime();
            int i = 0;
            for (String article : articles) {
                producer.send(new ProducerRecord<>("bench.baseline", Integer.toString(i++), article.getBytes(StandardCharsets.UTF_8)),
                        (m, e) -> done.countDown());
            }
            done.await();
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("baseline: bare KafkaProducer, same settings, %d records in %.1f s = %.0f records/s%n",
                    articles.size(), seconds, articles.size() / seconds);
        }
    }

    static int post(String type, String body) {
        return send(type, body).statusCode();
    }

    static HttpResponse<String> send(String type, String body) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/articles")).header("Content-Type", type)
                    .timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    static void runConcurrently(int threads, Runnable work) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            pool.execute(work);
        }
        pool.shutdown();
        pool.awaitTermination(10, java.util.concurrent.TimeUnit.MINUTES);
    }

    static double pct(ConcurrentLinkedQueue<Long> nanos, int p) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1e6;
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"?([^\",}]*)").matcher(json);
        return m.find() ? m.group(1) : "?";
    }

    static long procStatus(String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith(key + ":")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }

    static long rssMiB() {
        return procStatus("VmRSS") / 1024;
    }

    /** Samples the service's RSS every 100 ms while a phase runs. */
    static final class RssSampler {
        private final AtomicLong max = new AtomicLong();
        private volatile boolean running = true;
        private final Thread thread = new Thread(() -> {
            while (running) {
                max.accumulateAndGet(rssMiB(), Math::max);
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });

        static RssSampler start() {
            RssSampler sampler = new RssSampler();
            sampler.thread.setDaemon(true);
            sampler.thread.start();
            return sampler;
        }

        long stop() throws InterruptedException {
            running = false;
            thread.join();
            return max.get();
        }
    }
}
