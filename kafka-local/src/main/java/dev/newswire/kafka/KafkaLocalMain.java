package dev.newswire.kafka;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs {@link EmbeddedKafka} as a standalone process: {@code java -jar kafka-local-runner.jar
 * [--port 9092] [--controller-port 9093] [--host 127.0.0.1] [--advertised-host H]
 * [--data-dir .run/kafka] [--partitions 3] [--no-topics]}. Data survives restarts; Ctrl-C or
 * SIGTERM stops it cleanly.
 */
public final class KafkaLocalMain {

    private KafkaLocalMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Options options = Options.parse(args);
        EmbeddedKafka kafka = EmbeddedKafka.builder()
                .host(options.host)
                .advertisedHost(options.advertisedHost)
                .port(options.port)
                .controllerPort(options.controllerPort)
                .dataDir(options.dataDir)
                .start();
        if (options.createTopics) {
            NewswireTopics.create(kafka.bootstrapServers(), options.partitions);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kafka.close();
            stopped.countDown();
        }, "kafka-local-shutdown"));
        // Scripts wait for this exact line.
        System.out.println("kafka-local ready on " + kafka.bootstrapServers() + " (data " + kafka.dataDir() + ")");
        stopped.await();
    }

    private record Options(int port, int controllerPort, String host, String advertisedHost, Path dataDir,
                           int partitions, boolean createTopics) {

        static Options parse(String[] args) {
            int port = envInt("KAFKA_LOCAL_PORT", 9092);
            int controllerPort = envInt("KAFKA_LOCAL_CONTROLLER_PORT", 0);
            String host = env("KAFKA_LOCAL_HOST", "127.0.0.1");
            String advertised = System.getenv("KAFKA_LOCAL_ADVERTISED_HOST");
            Path dataDir = Path.of(env("KAFKA_LOCAL_DATA_DIR", ".run/kafka"));
            int partitions = 3;
            boolean topics = true;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--port" -> port = Integer.parseInt(args[++i]);
                    case "--controller-port" -> controllerPort = Integer.parseInt(args[++i]);
                    case "--host" -> host = args[++i];
                    case "--advertised-host" -> advertised = args[++i];
                    case "--data-dir" -> dataDir = Path.of(args[++i]);
                    case "--partitions" -> partitions = Integer.parseInt(args[++i]);
                    case "--no-topics" -> topics = false;
                    case "--help", "-h" -> {
                        System.out.println("usage: kafka-local [--port 9092] [--controller-port N] [--host 127.0.0.1]"
                                + " [--advertised-host H] [--data-dir DIR] [--partitions 3] [--no-topics]");
                        System.exit(0);
                    }
                    default -> throw new IllegalArgumentException("unknown option " + args[i] + " (try --help)");
                }
            }
            if (controllerPort == 0) {
                controllerPort = port + 1;
            }
            return new Options(port, controllerPort, host, advertised, dataDir, partitions, topics);
        }

        private static String env(String name, String fallback) {
            String value = System.getenv(name);
            return value == null || value.isBlank() ? fallback : value;
        }

        private static int envInt(String name, int fallback) {
            return Integer.parseInt(env(name, Integer.toString(fallback)));
        }
    }
}
