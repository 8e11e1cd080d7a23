package dev.newswire.kafka;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka broker (KRaft, combined broker + controller) running inside this JVM,
 * built from Kafka's own server classes: storage formatted with {@link StorageTool}, served by
 * {@link KafkaRaftServer}. Used by {@code ./newswire up} (through {@link KafkaLocalMain}) and by
 * every integration test, so nothing in Newswire needs Docker to talk to a real broker.
 *
 * <p>Wrapping the server by hand is what makes tests fast and self-contained: a broker starts in a
 * few seconds on free ports, keeps its port and data across {@link #stop()}/{@link #restart()}
 * (for broker-down tests), and removes its temporary directory on {@link #close()}.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final Path dataDir;
    private final boolean ownsDataDir;
    private final String host;
    private final String advertisedHost;
    private final int port;
    private final int controllerPort;
    private final Map<String, String> overrides;
    private KafkaRaftServer server;

    private EmbeddedKafka(Builder builder) {
        try {
            this.ownsDataDir = builder.dataDir == null;
            this.dataDir = ownsDataDir ? Files.createTempDirectory("newswire-kafka-") : builder.dataDir.toAbsolutePath();
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the broker's data directory", e);
        }
        this.host = builder.host;
        this.advertisedHost = builder.advertisedHost == null ? builder.host : builder.advertisedHost;
        this.port = builder.port == 0 ? freePort() : builder.port;
        this.controllerPort = builder.controllerPort == 0 ? freePort() : builder.controllerPort;
        this.overrides = Map.copyOf(builder.overrides);
    }

    /** Starts a broker on free ports with a temporary data directory deleted on {@link #close()}. */
    public static EmbeddedKafka start() {
        return builder().start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@code host:port} for clients. */
    public String bootstrapServers() {
        return advertisedHost + ":" + port;
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    private synchronized EmbeddedKafka startServer() {
        if (server != null) {
            return this;
        }
        long t0 = System.nanoTime();
        Properties props = serverProperties();
        formatIfNeeded(props);
        KafkaRaftServer raftServer = new KafkaRaftServer(new KafkaConfig(props, false), Time.SYSTEM);
        raftServer.startup();
        server = raftServer;
        awaitReady();
        LOG.info("Kafka broker ready on {} in {} ms (data {})", bootstrapServers(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0), dataDir);
        return this;
    }

    /** Stops the broker but keeps its port and data, so {@link #restart()} brings the same log back. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        server.shutdown();
        server.awaitShutdown();
        server = null;
    }

    /** Starts a stopped broker again on the same port and data directory. */
    public synchronized void restart() {
        startServer();
    }

    @Override
    public synchronized void close() {
        stop();
        if (ownsDataDir) {
            deleteRecursively(dataDir);
        }
    }

    private Properties serverProperties() {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        // The voter address must be routable: a wildcard bind (containers) is reached on loopback.
        String voterHost = "0.0.0.0".equals(host) || "::".equals(host) ? "127.0.0.1" : host;
        p.put("controller.quorum.voters", "1@" + voterHost + ":" + controllerPort);
        p.put("listeners", "PLAINTEXT://" + host + ":" + port + ",CONTROLLER://" + host + ":" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://" + advertisedHost + ":" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", dataDir.resolve("logs").toString());
        p.put("metadata.log.dir", dataDir.resolve("metadata").toString());
        // One node: every internal topic must live with a single replica.
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "3");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("num.partitions", "3");
        p.put("auto.create.topics.enable", "true");
        // Small segments and a fast cleaner so compaction and retention are observable locally.
        p.put("log.cleaner.backoff.ms", "1000");
        p.put("log.retention.check.interval.ms", "10000");
        p.putAll(overrides);
        return p;
    }

    private void formatIfNeeded(Properties props) {
        if (Files.exists(dataDir.resolve("metadata").resolve("meta.properties"))) {
            return;
        }
        Path config = dataDir.resolve("server.properties");
        try (var out = Files.newBufferedWriter(config)) {
            props.store(out, "written by newswire kafka-local for storage formatting");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int rc = StorageTool.execute(new String[] {
                "format", "--cluster-id", Uuid.randomUuid().toString(), "--config", config.toString(), "--ignore-formatted"},
                new PrintStream(output, true, StandardCharsets.UTF_8));
        if (rc != 0) {
            throw new IllegalStateException("kafka storage format failed (" + rc + "): " + output.toString(StandardCharsets.UTF_8));
        }
    }

    private void awaitReady() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        try (Admin admin = Admin.create(props)) {
            while (true) {
                try {
                    if (!admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (Exception e) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("Kafka broker on " + bootstrapServers() + " not ready in " + READY_TIMEOUT, e);
                    }
                }
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            LOG.warn("could not delete {}: {}", dir, e.toString());
        }
    }

    /** Options for a broker; every one has a default that works on a developer machine. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private String advertisedHost;
        private int port;
        private int controllerPort;
        private Path dataDir;
        private final Map<String, String> overrides = new java.util.HashMap<>();

        /** Client port; 0 (the default) picks a free one. */
        public Builder port(int value) {
            this.port = value;
            return this;
        }

        /** Controller (KRaft quorum) port; 0 (the default) picks a free one. */
        public Builder controllerPort(int value) {
            this.controllerPort = value;
            return this;
        }

        /** Address to bind, {@code 127.0.0.1} by default; {@code 0.0.0.0} inside a container. */
        public Builder host(String value) {
            this.host = value;
            return this;
        }

        /** Host name clients are told to connect to; the bind host by default. */
        public Builder advertisedHost(String value) {
            this.advertisedHost = value;
            return this;
        }

        /** Data directory kept across restarts; a temporary one (deleted on close) by default. */
        public Builder dataDir(Path value) {
            this.dataDir = value;
            return this;
        }

        /** Any other broker setting, e.g. {@code log.retention.ms}. */
        public Builder config(String key, String value) {
            this.overrides.put(key, value);
            return this;
        }

        public EmbeddedKafka start() {
            EmbeddedKafka kafka = new EmbeddedKafka(this);
            try {
                return kafka.startServer();
            } catch (RuntimeException e) {
                kafka.close();
                throw e;
            }
        }
    }
}
