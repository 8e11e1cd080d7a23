/*
 * SSE load client for the api-service (run by bench/sse/run.sh, which builds the classpath).
 *
 * For each step N:R:D it opens N concurrent subscribers to /api/stream, publishes R articles/s of
 * about 5 KB to news.articles.enriched, first for a warm-up (--warm-up seconds, 10, at the step's
 * own rate, or at --warm-up-rate; those records carry no enrichedAt, so they are not counted: a fresh
 * server JVM compiles its hot paths on the same core for the first seconds of full load — with the
 * old warm-up of 5 s at 2 articles/s the C2 compiler was still a quarter of the server's CPU in the
 * measured window), waits until the subscribers have had nothing to read for 0.5 s (the warm-up's
 * backlog delivered; at most 20 s), then publishes for
 * D seconds measured, and reports publish->receive latency over ALL
 * subscribers (HdrHistogram, microseconds), events delivered, cuts, the server's RSS and heap per
 * 1,000 subscribers, and the CPU of server, client and broker during the publish window (so a reader
 * sees which side limits). A plain KafkaConsumer in the same process measures the raw Kafka
 * publish->consume latency of the same records at the same time: the baseline.
 *
 * The subscribers are plain NIO sockets on a few selector threads (default 1), not an HTTP client
 * library: the client must be much cheaper than the server it measures. Each read lands in one
 * reused array and is searched for the article's "enrichedAt":" (latency) and for "event: resync"
 * (cuts) with a two-pattern Horspool skip (both 14 bytes): most bytes of a 5 KB event are never
 * looked at (the byte-by-byte scan was a third of the client's CPU at 50,000 events/s); no JSON
 * parse, no String, no per-event allocation, one clock read per socket read.
 *
 * Besides the whole window's percentiles it keeps one histogram per second of publishing (by the
 * event's enrichedAt) and prints the p99 of the best, median and worst second, with the worst
 * second's index: a reader sees whether the p99 is a steady state or a few bad seconds (a start-up
 * transient, a GC, a heartbeat pass). bench/sse/.work/seconds-N.txt gets the whole series.
 * Sockets are spread over loopback source addresses 127.0.0.2.. so ephemeral ports never run out.
 *
 * Latency = receive time - the article's enrichedAt, which the publisher sets just before send()
 * (same machine, same clock).
 */
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
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
        long brokerPid = Long.parseLong(arg(args, "--broker-pid", "0"));
        int perAddress = Integer.parseInt(arg(args, "--per-address", "20000"));
        int threads = Integer.parseInt(arg(args, "--threads", "1"));
        int warm = Integer.parseInt(arg(args, "--warm-up", "10"));
        int warmRate = Integer.parseInt(arg(args, "--warm-up-rate", "0"));   // 0 = the step's rate
        String steps = arg(args, "--steps", "1000:10:30,10000:10:30");
        if (java.util.Arrays.asList(args).contains("--self-test")) {
            selfTest();
            return;
        }
        System.out.printf("# SSE load: server %s:%d (pid %d), Kafka %s (pid %d), client cores %d, %d selector thread(s)%n",
                host, port, serverPid, bootstrap, brokerPid, Runtime.getRuntime().availableProcessors(), threads);
        System.out.println("| subscribers | rate | published | delivered events | expected | all? | cut / closed | events/s delivered | SSE p50 ms | SSE p99 ms | SSE max ms | p99 per second sent ms (best / median / worst at s) | Kafka baseline p50 ms | Kafka baseline p99 ms | server RSS MiB | RSS per 1k subs MiB | heap used MiB | heap per 1k subs MiB | connect s | server CPU | server CPU µs/event (of which kernel) | client CPU | client CPU µs/event | broker CPU | cores busy (all processes) | load avg (1/5/15 min) |");
        System.out.println("|---:|---:|---:|---:|---:|:---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|");
        for (String step : steps.split(",")) {
            String[] p = step.split(":");
            runStep(host, port, bootstrap, serverPid, brokerPid, perAddress, threads, warm, warmRate,
                    Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2]));
        }
    }

    /**
     * The scanner against a known stream cut at random read boundaries (run by bench/sse/run.sh before
     * any step): every article counted once with its exact latency, every resync counted, nothing else.
     */
    static void selfTest() throws Exception {
        java.util.Random random = new java.util.Random(42);
        String body = body();
        StringBuilder stream = new StringBuilder();
        long origin = nowMicros() - 60_000_000L;
        int articles = 0;
        int resyncs = 0;
        for (int i = 0; i < 2_000; i++) {
            String event;
            if (i % 97 == 96) {
                event = "event: resync\nid: x\ndata: {\"reason\":\"slow\"}\n\n";
                resyncs++;
            } else if (i % 13 == 0) {
                event = ": heartbeat\n\n";
            } else {
                Instant at = Instant.ofEpochSecond(0, (origin + i * 1000L) * 1000L);
                event = "event: article\nid: t" + i + "\ndata: {\"id\":\"a" + i + "\",\"text\":\"" + body.substring(0, random.nextInt(body.length()))
                        + "\",\"enrichedAt\":\"" + at + "\"}\n\n";
                articles++;
            }
            stream.append(Integer.toHexString(event.length())).append("\r\n").append(event).append("\r\n");
        }
        byte[] bytes = stream.toString().getBytes(StandardCharsets.US_ASCII);
        NioSubscribers owner = new NioSubscribers("127.0.0.1", 0, 1, 0);
        Loop loop = new Loop(owner, Selector.open());
        loop.origin = origin;
        Conn conn = new Conn(null, new byte[0]);
        conn.answered = true;
        for (int at = 0; at < bytes.length; ) {
            int n = Math.min(bytes.length - at, 1 + random.nextInt(random.nextBoolean() ? 40 : 9_000));
            System.arraycopy(conn.carry, 0, loop.buf, 0, conn.carried);
            System.arraycopy(bytes, at, loop.buf, conn.carried, n);
            loop.scan(conn, 0, conn.carried + n);
            at += n;
        }
        long total = loop.histogram.getTotalCount();
        if (owner.delivered.get() != articles || total != articles || owner.cut.get() != resyncs) {
            throw new IllegalStateException("scanner self-test: " + owner.delivered.get() + " articles (want " + articles
                    + "), " + owner.cut.get() + " resyncs (want " + resyncs + ")");
        }
        System.out.printf("# scanner self-test: %d articles and %d resyncs found across random read boundaries%n", articles, resyncs);
    }

    static void runStep(String host, int port, String bootstrap, long pid, long brokerPid, int perAddress,
                        int threads, int warmSeconds, int warmRate, int n, int rate, int seconds) throws Exception {
        double[] base = serverMemory(host, port, pid);
        NioSubscribers subs = new NioSubscribers(host, port, perAddress, threads);
        long t0 = System.nanoTime();
        subs.connect(n, TimeUnit.SECONDS.toNanos(120));
        double connectSeconds = (System.nanoTime() - t0) / 1e9;
        if (subs.failed.get() > 0) {
            System.out.printf("# %d of %d subscribers failed to connect%n", subs.failed.get(), n);
        }
        double[] loaded = serverMemory(host, port, pid);
        if (warmSeconds > 0) {
            // A fresh server JVM compiles its hot paths in the first seconds, on the same core: not measured.
            publish(bootstrap, warmRate > 0 ? warmRate : rate, warmSeconds, "warmUpAt");
            long quietSince = System.nanoTime();
            while (System.nanoTime() - subs.lastRead.get() < TimeUnit.MILLISECONDS.toNanos(500)
                    && System.nanoTime() - quietSince < TimeUnit.SECONDS.toNanos(20)) {
                Thread.sleep(50);   // polling a counter in a benchmark driver: the warm-up's backlog drains
            }
        }
        subs.reset(nowMicros());

        // Baseline: a raw consumer of the same topic, from the end.
        ConcurrentHistogram kafka = new ConcurrentHistogram(TimeUnit.SECONDS.toMicros(120), 3);
        AtomicBoolean consuming = new AtomicBoolean(true);
        CountDownLatch consumerReady = new CountDownLatch(1);
        Thread baseline = new Thread(() -> consumeBaseline(bootstrap, kafka, consuming, consumerReady), "baseline");
        baseline.start();
        consumerReady.await(30, TimeUnit.SECONDS);

        long self = ProcessHandle.current().pid();
        java.util.Map<String, Long> threads0 = threadTicks(pid);
        double serverCpu0 = cpuSeconds(pid);
        double serverSys0 = cpuSeconds(pid, false);
        double clientCpu0 = cpuSeconds(self);
        double brokerCpu0 = cpuSeconds(brokerPid);
        long[][] cores0 = coreTicks();
        long wall0 = System.nanoTime();
        int published = publish(bootstrap, rate, seconds, "enrichedAt");
        long publishEnd = System.nanoTime();
        int open = subs.open.get();
        long expected = (long) published * open;
        // Bounded drain: each point stays within publish time + 10 s (+ connect).
        while (subs.delivered.get() < expected && System.nanoTime() - publishEnd < TimeUnit.SECONDS.toNanos(10)) {
            Thread.sleep(100);   // polling a counter in a benchmark driver, not test synchronisation
        }
        double wall = (System.nanoTime() - wall0) / 1e9;
        String busy = coreBusy(cores0, coreTicks());
        consuming.set(false);
        baseline.join(10_000);
        java.util.Map<String, Long> threads1 = threadTicks(pid);
        double serverCpu = cpuSeconds(pid) - serverCpu0;
        double serverSys = cpuSeconds(pid, false) - serverSys0;
        double clientCpu = cpuSeconds(self) - clientCpu0;
        double brokerCpu = cpuSeconds(brokerPid) - brokerCpu0;
        long delivered = subs.delivered.get();
        double deliverSeconds = Math.max(1e-3, (subs.lastReceive.get() - (publishEnd - TimeUnit.SECONDS.toNanos(seconds))) / 1e9);
        double subsK = Math.max(1, open) / 1000.0;
        Histogram sse = subs.latency();
        String bySecond = subs.perSecond(seconds, Path.of(System.getProperty("sse.work", "."), "seconds-" + n + ".txt"));
        System.out.printf("| %,d | %d/s | %d | %,d | %,d | %s | %s | %,.0f | %.1f | %.1f | %.1f | %s | %.1f | %.1f | %.0f | %.1f | %.0f | %.1f | %.1f | %.0f%% | %s | %.0f%% | %s | %.0f%% | %s | %s |%n",
                open, rate, published, delivered, expected, delivered == expected && open == n ? "yes" : "**no**",
                subs.cut.get() + " / " + subs.closed.get(), delivered / deliverSeconds,
                ms(sse, 50), ms(sse, 99), sse.getMaxValue() / 1000.0, bySecond, ms(kafka, 50), ms(kafka, 99),
                loaded[0], (loaded[0] - base[0]) / subsK, loaded[1], (loaded[1] - base[1]) / subsK, connectSeconds,
                serverCpu * 100 / wall, delivered == 0 ? "—" : String.format("%.1f (sys %.1f)", serverCpu * 1e6 / delivered, serverSys * 1e6 / delivered),
                clientCpu * 100 / wall, delivered == 0 ? "—" : String.format("%.1f", clientCpu * 1e6 / delivered),
                brokerCpu * 100 / wall, busy, loadAverage());
        Files.writeString(Path.of(System.getProperty("sse.work", "."), "threads-" + n + ".txt"),
                byThread(threads0, threads1, delivered, wall));
        subs.close();
        Thread.sleep(3000);   // let the server notice the closes before the next step's baseline
    }

    static int publish(String bootstrap, int rate, int seconds, String stampField) throws Exception {
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
                        + "\"" + stampField + "\":\"" + Instant.now() + "\"}";
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
                    long sent = enrichedAtMicros(r.value());
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
     * N subscribers on a few selector threads. Per socket: a 64-byte carry (a marker cut by a read
     * boundary) and the response status; everything else is shared per thread.
     */
    static final class NioSubscribers {
        final String host;
        final int port;
        final int perAddress;
        final List<Loop> loops = new ArrayList<>();
        final AtomicInteger open = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        final AtomicInteger cut = new AtomicInteger();
        final AtomicInteger closed = new AtomicInteger();
        final AtomicLong delivered = new AtomicLong();
        final AtomicLong lastReceive = new AtomicLong();
        final AtomicLong lastRead = new AtomicLong();   // any bytes at all, warm-up events included

        NioSubscribers(String host, int port, int perAddress, int threads) throws IOException {
            this.host = host;
            this.port = port;
            this.perAddress = perAddress;
            for (int i = 0; i < threads; i++) {
                Loop loop = new Loop(this, Selector.open());
                loops.add(loop);
                Thread t = new Thread(loop, "sse-selector-" + i);
                t.setDaemon(true);
                t.start();
            }
        }

        /** Opens n sockets, at most 500 handshakes in flight; returns when all answered or the deadline passed. */
        void connect(int n, long deadlineNanos) throws Exception {
            long t0 = System.nanoTime();
            byte[] request = ("GET /api/stream HTTP/1.1\r\nHost: " + host + ":" + port
                    + "\r\nAccept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < n; i++) {
                while (i - open.get() - failed.get() >= 500 && System.nanoTime() - t0 < deadlineNanos) {
                    Thread.sleep(1);   // pacing handshakes in a benchmark driver
                }
                SocketChannel ch = SocketChannel.open();
                ch.configureBlocking(false);
                ch.setOption(StandardSocketOptions.SO_RCVBUF, 256 * 1024);
                ch.bind(new InetSocketAddress("127.0.0." + (2 + i / perAddress), 0));
                ch.connect(new InetSocketAddress(host, port));
                loops.get(i % loops.size()).register(new Conn(ch, request));
            }
            while (open.get() + failed.get() < n && System.nanoTime() - t0 < deadlineNanos) {
                Thread.sleep(50);
            }
        }

        /** Counts from zero; per-second histograms are indexed by (enrichedAt - origin) in seconds. */
        void reset(long originMicros) {
            delivered.set(0);
            for (Loop l : loops) {
                synchronized (l.histogram) {
                    l.histogram.reset();
                    for (Histogram h : l.seconds) {
                        h.reset();
                    }
                    l.origin = originMicros;
                }
            }
        }

        /**
         * "best / median / worst (at s)" p99 in ms over the seconds of publishing that got events;
         * the whole series (second, events, p50, p99, max) goes to {@code out}.
         */
        String perSecond(int publishSeconds, Path out) throws IOException {
            List<double[]> rows = new ArrayList<>();
            StringBuilder file = new StringBuilder("# second sent, events, p50 ms, p99 ms, max ms\n");
            for (int sec = 0; sec < Math.min(publishSeconds + 1, Loop.SECONDS); sec++) {
                Histogram all = new Histogram(TimeUnit.SECONDS.toMicros(120), 2);
                for (Loop l : loops) {
                    synchronized (l.histogram) {
                        all.add(l.seconds[sec]);
                    }
                }
                if (all.getTotalCount() > 0) {
                    rows.add(new double[] {sec, ms(all, 99)});
                    file.append(String.format("%d %d %.1f %.1f %.1f%n", sec, all.getTotalCount(), ms(all, 50), ms(all, 99),
                            all.getMaxValue() / 1000.0));
                }
            }
            Files.writeString(out, file);
            if (rows.isEmpty()) {
                return "—";
            }
            rows.sort((a, b) -> Double.compare(a[1], b[1]));
            double[] worst = rows.get(rows.size() - 1);
            return String.format("%.0f / %.0f / %.0f (s%d)", rows.get(0)[1], rows.get(rows.size() / 2)[1], worst[1], (int) worst[0]);
        }

        Histogram latency() {
            Histogram all = new Histogram(TimeUnit.SECONDS.toMicros(120), 3);
            for (Loop l : loops) {
                synchronized (l.histogram) {
                    all.add(l.histogram);
                }
            }
            return all;
        }

        void close() throws Exception {
            for (Loop l : loops) {
                l.running = false;
                l.selector.wakeup();
            }
            for (Loop l : loops) {
                l.closed.await(30, TimeUnit.SECONDS);
            }
        }
    }

    static final class Conn {
        final SocketChannel channel;
        final ByteBuffer request;
        final byte[] carry = new byte[64];
        int carried;
        boolean answered;

        Conn(SocketChannel channel, byte[] request) {
            this.channel = channel;
            this.request = ByteBuffer.wrap(request);
        }
    }

    static final class Loop implements Runnable {
        final NioSubscribers owner;
        final Selector selector;
        final ConcurrentLinkedQueue<Conn> pending = new ConcurrentLinkedQueue<>();
        static final int SECONDS = 128;
        final Histogram histogram = new Histogram(TimeUnit.SECONDS.toMicros(120), 3);
        final Histogram[] seconds = new Histogram[SECONDS];   // guarded by histogram, as it is
        long origin;                                           // guarded by histogram
        final byte[] buf = new byte[64 + 256 * 1024];
        final CountDownLatch closed = new CountDownLatch(1);
        long dayKey = -1;
        long dayEpoch;
        volatile boolean running = true;

        Loop(NioSubscribers owner, Selector selector) {
            this.owner = owner;
            this.selector = selector;
            for (int i = 0; i < SECONDS; i++) {
                seconds[i] = new Histogram(TimeUnit.SECONDS.toMicros(120), 2);
            }
        }

        void register(Conn c) {
            pending.add(c);
            selector.wakeup();
        }

        @Override
        public void run() {
            try {
                while (running) {
                    selector.select(100);
                    for (Conn c; (c = pending.poll()) != null; ) {
                        c.channel.register(selector, SelectionKey.OP_CONNECT, c);
                    }
                    Iterator<SelectionKey> it = selector.selectedKeys().iterator();
                    while (it.hasNext()) {
                        SelectionKey key = it.next();
                        it.remove();
                        handle(key, (Conn) key.attachment());
                    }
                }
                for (SelectionKey key : selector.keys()) {
                    key.channel().close();
                }
                selector.close();
            } catch (IOException e) {
                e.printStackTrace();
            } finally {
                closed.countDown();
            }
        }

        private void handle(SelectionKey key, Conn c) {
            try {
                if (key.isConnectable()) {
                    c.channel.finishConnect();
                    c.channel.write(c.request);
                    key.interestOps(SelectionKey.OP_READ);
                    return;
                }
                if (key.isReadable()) {
                    read(key, c);
                }
            } catch (IOException e) {
                lost(key, c);
            }
        }

        private void read(SelectionKey key, Conn c) throws IOException {
            System.arraycopy(c.carry, 0, buf, 0, c.carried);
            int n = c.channel.read(ByteBuffer.wrap(buf, c.carried, buf.length - c.carried));
            if (n < 0) {
                lost(key, c);
                return;
            }
            owner.lastRead.setOpaque(System.nanoTime());
            int limit = c.carried + n;
            int from = 0;
            if (!c.answered) {
                if (limit < 12) {
                    keep(c, 0, limit);
                    return;
                }
                c.answered = true;
                if (buf[9] == '2' && buf[10] == '0' && buf[11] == '0') {
                    owner.open.incrementAndGet();
                } else {
                    owner.failed.incrementAndGet();
                    key.cancel();
                    c.channel.close();
                    return;
                }
                from = 12;
            }
            scan(c, from, limit);
        }

        private void lost(SelectionKey key, Conn c) {
            if (!c.answered) {
                c.answered = true;
                owner.failed.incrementAndGet();
            } else {
                owner.closed.incrementAndGet();
            }
            key.cancel();
            try {
                c.channel.close();
            } catch (IOException ignored) {
                // closing a broken socket
            }
        }

        /**
         * One pass over buf[from, limit): counts articles (with latency) and resync events. Horspool
         * over both 14-byte patterns at once: the window's last byte decides the shift (the smaller of
         * the two patterns' shifts, so neither is ever skipped); on lowercase English text that is ~6
         * bytes, so a 5 KB event costs ~800 byte loads instead of 5,000 compares.
         */
        private void scan(Conn c, int from, int limit) {
            long now = 0;
            int events = 0;
            int cutAt = -1;
            int at = from;
            while (at + PATTERN <= limit) {
                byte last = buf[at + PATTERN - 1];
                if (last == '"' && matches(buf, at, limit, MARK) && buf[at] == '"') {
                    int start = at + PATTERN;
                    int end = start;
                    while (end < limit && buf[end] != '"') {
                        end++;
                    }
                    if (end >= limit) {
                        cutAt = at;      // timestamp cut by the read boundary: keep it for the next read
                        break;
                    }
                    if (now == 0) {
                        now = nowMicros();
                    }
                    long sent = parseMicros(buf, start, end);
                    long latency = Math.max(0, now - sent);
                    synchronized (histogram) {
                        histogram.recordValue(latency);
                        long second = (sent - origin) / 1_000_000;
                        if (second >= 0 && second < SECONDS) {
                            seconds[(int) second].recordValue(latency);
                        }
                    }
                    events++;
                    at = end + 1;
                } else if (last == 'c' && buf[at] == '\n' && matches(buf, at, limit, RESYNC)) {
                    owner.cut.incrementAndGet();
                    at += PATTERN;
                } else {
                    at += SHIFT[last & 0xff];
                }
            }
            if (events > 0) {
                owner.delivered.addAndGet(events);
                owner.lastReceive.set(System.nanoTime());
            }
            // Past the loop `at` > limit - PATTERN: a pattern may start there, cut by the read boundary
            // (Horspool's shifts never pass over the start of one, even of one the buffer cuts).
            keep(c, Math.max(cutAt >= 0 ? cutAt : Math.min(at, limit), limit - c.carry.length), limit);
        }

        private void keep(Conn c, int from, int limit) {
            c.carried = Math.max(0, limit - from);
            System.arraycopy(buf, from, c.carry, 0, c.carried);
        }

        /** Instant.toString() form, yyyy-MM-ddTHH:mm:ss[.fraction]Z, without allocating. */
        private long parseMicros(byte[] b, int s, int e) {
            long key = digits(b, s, 4) * 10000 + digits(b, s + 5, 2) * 100 + digits(b, s + 8, 2);
            if (key != dayKey) {
                dayKey = key;
                dayEpoch = LocalDate.of((int) (key / 10000), (int) (key / 100 % 100), (int) (key % 100)).toEpochDay();
            }
            long seconds = dayEpoch * 86_400 + digits(b, s + 11, 2) * 3600 + digits(b, s + 14, 2) * 60 + digits(b, s + 17, 2);
            long micros = 0;
            int scale = 100_000;
            for (int i = s + 20; i < e && b[i] != 'Z' && scale > 0; i++, scale /= 10) {
                micros += (b[i] - '0') * scale;
            }
            return seconds * 1_000_000 + micros;
        }

        private static long digits(byte[] b, int at, int count) {
            long v = 0;
            for (int i = 0; i < count; i++) {
                v = v * 10 + (b[at + i] - '0');
            }
            return v;
        }
    }

    /** Event names start a line; the JSON in data lines has no raw newline, so only '\n' is a candidate. */
    static final byte[] RESYNC = "\nevent: resync".getBytes(StandardCharsets.US_ASCII);
    static final int PATTERN = 14;
    /** Horspool's bad-character shift, the smaller of MARK's and RESYNC's for each byte. */
    static final int[] SHIFT = new int[256];

    static {
        if (MARK.length != PATTERN || RESYNC.length != PATTERN) {
            throw new IllegalStateException("both patterns must be " + PATTERN + " bytes");
        }
        java.util.Arrays.fill(SHIFT, PATTERN);
        for (byte[] p : new byte[][] {MARK, RESYNC}) {
            for (int j = 0; j < PATTERN - 1; j++) {
                SHIFT[p[j] & 0xff] = Math.min(SHIFT[p[j] & 0xff], PATTERN - 1 - j);
            }
        }
    }

    static boolean matches(byte[] b, int at, int limit, byte[] word) {
        if (at + word.length > limit) {
            return false;
        }
        for (int j = 1; j < word.length; j++) {
            if (b[at + j] != word[j]) {
                return false;
            }
        }
        return true;
    }

    /** enrichedAt is near the end of the JSON: search backwards instead of parsing 5 KB. */
    static long enrichedAtMicros(byte[] value) {
        for (int i = value.length - MARK.length; i >= 0; i--) {
            if (value[i] == '"' && matches(value, i, value.length, MARK)) {
                int start = i + MARK.length;
                int end = start;
                while (end < value.length && value[end] != '"') {
                    end++;
                }
                Instant t = Instant.parse(new String(value, start, end - start, StandardCharsets.US_ASCII));
                return t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000;
            }
        }
        return -1;
    }

    /** Per core: [busy, total] jiffies from /proc/stat (every process on the machine, not only ours). */
    static long[][] coreTicks() {
        List<long[]> cores = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(Path.of("/proc/stat"))) {
                if (line.startsWith("cpu") && Character.isDigit(line.charAt(3))) {
                    String[] f = line.trim().split("\\s+");
                    long total = 0;
                    for (int i = 1; i < f.length; i++) {
                        total += Long.parseLong(f[i]);
                    }
                    long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
                    cores.add(new long[] {total - idle, total});
                }
            }
        } catch (IOException e) {
            return new long[0][];
        }
        return cores.toArray(new long[0][]);
    }

    static String coreBusy(long[][] before, long[][] after) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(before.length, after.length); i++) {
            long total = Math.max(1, after[i][1] - before[i][1]);
            sb.append(sb.length() == 0 ? "" : ", ").append("cpu").append(i).append(' ')
                    .append(100 * (after[i][0] - before[i][0]) / total).append('%');
        }
        return sb.toString();
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " / " + f[1] + " / " + f[2];
        } catch (IOException e) {
            return "?";
        }
    }

    /**
     * utime + stime ticks of each thread of a process, summed by thread name without its digits
     * ("vert.x-eventloop-thread-", "C2 CompilerThre", "GC Thread#"): who in the server uses the core.
     */
    static java.util.Map<String, Long> threadTicks(long pid) {
        java.util.Map<String, Long> byName = new java.util.TreeMap<>();
        if (pid <= 0) {
            return byName;
        }
        try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("[0-9]", "");
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    byName.merge(name, Long.parseLong(f[11]) + Long.parseLong(f[12]), Long::sum);
                } catch (IOException | RuntimeException gone) {
                    // the thread ended between the listing and the read
                }
            }
        } catch (IOException e) {
            return byName;
        }
        return byName;
    }

    /** Per thread group: share of a core over the window and µs per delivered event, largest first. */
    static String byThread(java.util.Map<String, Long> before, java.util.Map<String, Long> after, long delivered, double wall) {
        StringBuilder sb = new StringBuilder("# server threads during the publish window: name, share of a core, µs per delivered event\n");
        after.entrySet().stream()
                .map(e -> java.util.Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
                .filter(e -> e.getValue() > 0)
                .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
                .forEach(e -> sb.append(String.format("%-28s %5.1f%% %7.2f%n", e.getKey(), e.getValue() / wall,
                        delivered == 0 ? 0 : e.getValue() * 1e4 / delivered)));
        return sb.toString();
    }

    /** utime + stime of a process, from /proc (clock ticks of 1/100 s). */
    static double cpuSeconds(long pid) {
        return cpuSeconds(pid, true);
    }

    /** stime (kernel: socket writes and, on loopback, much of the TCP path) or utime + stime. */
    static double cpuSeconds(long pid, boolean withUser) {
        if (pid <= 0) {
            return 0;
        }
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return ((withUser ? Long.parseLong(f[11]) : 0) + Long.parseLong(f[12])) / 100.0;
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
