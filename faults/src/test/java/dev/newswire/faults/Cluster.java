package dev.newswire.faults;

import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The broker (kafka-local runner) and the services as separate processes on free loopback ports,
 * plus a supervisor with the policy of {@code ./newswire up}: a service that exits, or whose
 * liveness stays DOWN for a few polls after it was up, is killed and started again.
 */
final class Cluster implements AutoCloseable {

    private static final Duration SUPERVISOR_POLL = Duration.ofSeconds(2);
    private static final int DOWN_POLLS = 3;

    private final Path root;
    private final Path workDir;
    private final int brokerPort;
    private final JavaProcess broker;
    private final Map<String, String> serviceProps;
    private final List<ServiceInstance> services = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> supervisorRestarts = new ConcurrentHashMap<>();
    private final ScheduledExecutorService supervisor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "faults-supervisor");
        t.setDaemon(true);
        return t;
    });
    private volatile Instant brokerReadyAt;

    Cluster(Path root, Path workDir, Map<String, String> serviceProps) {
        this.root = root;
        this.workDir = workDir;
        this.serviceProps = Map.copyOf(serviceProps);
        this.brokerPort = Http.freePortPair();
        Path jar = root.resolve("kafka-local/target/kafka-local-" + System.getProperty("newswire.version", "0.1.0-SNAPSHOT")
                + "-runner.jar");
        List<String> brokerCommand = new ArrayList<>(List.of("java"));
        brokerCommand.addAll(LaunchOptions.of(root, "kafka"));
        brokerCommand.addAll(List.of("-jar", jar.toString(),
                "--port", Integer.toString(brokerPort), "--controller-port", Integer.toString(brokerPort + 1),
                "--data-dir", workDir.resolve("data/kafka").toString()));
        this.broker = new JavaProcess("kafka", brokerCommand, workDir.resolve("logs"));
        supervisor.scheduleWithFixedDelay(this::supervise, 5, SUPERVISOR_POLL.toSeconds(), TimeUnit.SECONDS);
        // A test JVM stopped from outside (Ctrl-C, a CI timeout) must not leave brokers and services behind.
        Runtime.getRuntime().addShutdownHook(new Thread(this::killAll, "faults-cleanup"));
    }

    private void killAll() {
        services.forEach(s -> s.process().kill9());
        broker.kill9();
    }

    String bootstrap() {
        return "127.0.0.1:" + brokerPort;
    }

    void startBroker() {
        broker.start();
        await("broker ready").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .failFast("broker exited; see " + broker.log(), () -> !broker.alive())
                .until(() -> broker.logContains("kafka-local ready"));
        brokerReadyAt = Instant.now();
    }

    /** When the broker last became ready (as the suite saw its ready line). */
    Instant brokerReadyAt() {
        return brokerReadyAt;
    }

    void stopBroker() {
        broker.stop(30);
    }

    void killBroker() {
        broker.kill9();
    }

    ServiceInstance add(String kind, Map<String, String> extraProps) {
        int index = (int) services.stream().filter(s -> s.kind().equals(kind)).count() + 1;
        Map<String, String> props = new java.util.HashMap<>(serviceProps);
        props.putAll(extraProps);
        ServiceInstance instance = new ServiceInstance(kind, index, Http.freePort(), root, workDir.resolve("logs"),
                bootstrap(), props);
        services.add(instance);
        instance.start();
        return instance;
    }

    ServiceInstance first(String kind) {
        return services.stream().filter(s -> s.kind().equals(kind)).findFirst().orElseThrow();
    }

    List<ServiceInstance> services() {
        return services;
    }

    void awaitReady(ServiceInstance instance, Duration atMost) {
        await(instance.name() + " ready").atMost(atMost).pollInterval(Duration.ofMillis(250))
                .until(instance::ready);
    }

    void awaitLive(ServiceInstance instance, Duration atMost) {
        await(instance.name() + " live").atMost(atMost).pollInterval(Duration.ofMillis(100))
                .until(instance::live);
    }

    /** Restarts made by the supervisor (not by a scenario), per instance name. */
    Map<String, Integer> supervisorRestarts() {
        Map<String, Integer> copy = new java.util.TreeMap<>();
        supervisorRestarts.forEach((k, v) -> copy.put(k, v.get()));
        return copy;
    }

    private void supervise() {
        for (ServiceInstance s : services) {
            if (s.held()) {
                continue;
            }
            try {
                if (s.pollDown(DOWN_POLLS)) {
                    String why = s.process().alive() ? "liveness DOWN for " + DOWN_POLLS + " polls" : "process exited";
                    System.out.printf("[faults] supervisor: restarting %s (%s)%n", s.name(), why);
                    supervisorRestarts.computeIfAbsent(s.name(), k -> new AtomicInteger()).incrementAndGet();
                    s.process().kill9();
                    s.start();
                }
            } catch (RuntimeException e) {
                System.out.printf("[faults] supervisor: %s: %s%n", s.name(), e);
            }
        }
    }

    @Override
    public void close() {
        supervisor.shutdownNow();
        for (ServiceInstance s : services) {
            s.hold(true);
            s.process().stop(20);
        }
        broker.stop(20);
    }
}
