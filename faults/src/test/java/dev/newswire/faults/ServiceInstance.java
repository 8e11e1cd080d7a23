package dev.newswire.faults;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One running copy of a service: its kind (ingest, enrich, api), port and JVM. Started with the JVM
 * options {@code ./newswire up} gives it ({@link LaunchOptions}); {@code HOSTNAME} differs per copy so
 * that a process identity derived from it (Kafka static membership) is unique, as it is for pods.
 */
final class ServiceInstance {

    private final String kind;
    private final int index;
    private final int port;
    private final JavaProcess process;
    /** Set while a scenario deliberately holds this instance down: the supervisor leaves it alone. */
    private volatile boolean held;
    private volatile boolean wasLive;
    private volatile int downPolls;

    ServiceInstance(String kind, int index, int port, Path root, Path logDir, String bootstrap, Map<String, String> props) {
        this.kind = kind;
        this.index = index;
        this.port = port;
        List<String> command = new ArrayList<>(List.of("env", "HOSTNAME=faults-" + kind + "-" + index, "java"));
        command.addAll(LaunchOptions.of(root, kind));
        command.addAll(List.of("-Dquarkus.http.port=" + port, "-Dquarkus.http.host=127.0.0.1",
                "-Dkafka.bootstrap.servers=" + bootstrap));
        props.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-jar");
        command.add(root.resolve(kind + "-service/target/quarkus-app/quarkus-run.jar").toString());
        this.process = new JavaProcess(kind + "-" + index, command, logDir);
    }

    String kind() {
        return kind;
    }

    String name() {
        return process.name();
    }

    int port() {
        return port;
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    JavaProcess process() {
        return process;
    }

    void start() {
        wasLive = false;
        downPolls = 0;
        process.start();
    }

    boolean live() {
        return Http.status(url() + "/q/health/live") == 200;
    }

    boolean ready() {
        return Http.status(url() + "/q/health/ready") == 200;
    }

    void hold(boolean hold) {
        this.held = hold;
    }

    boolean held() {
        return held;
    }

    /** One supervisor poll: true when this instance has been DOWN for {@code limit} polls after once being up. */
    boolean pollDown(int limit) {
        if (live()) {
            wasLive = true;
            downPolls = 0;
            return false;
        }
        if (!process.alive()) {
            return true;
        }
        return wasLive && ++downPolls >= limit;
    }

    @Override
    public String toString() {
        return process + " on :" + port;
    }
}
