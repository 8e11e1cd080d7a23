package dev.newswire.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The suite's JVMs must run with the options users' do: a collector or C2 option that only
 * {@code ./newswire up} uses would never meet a broker outage or a kill -9 in CI.
 */
class LaunchOptionsTest {

    private static final Path ROOT = Path.of(System.getProperty("newswire.repo.root", "..")).toAbsolutePath().normalize();

    @Test
    void enrichRunsWithTheLaunchersCollectorAndOptionsFile() {
        List<String> options = LaunchOptions.of(ROOT, "enrich");

        assertThat(options).contains("-XX:+UseParallelGC",
                "@" + ROOT.resolve("enrich-service/src/main/jvm/enrich.jvmargs"));
        assertThat(options).filteredOn(o -> o.startsWith("-Xmx")).hasSize(1);
    }

    @Test
    void serviceInstanceStartsWithTheLaunchersOptions() {
        ServiceInstance enrich = new ServiceInstance("enrich", 0, 1, ROOT, ROOT.resolve("target"), "127.0.0.1:1",
                Map.of("a.b", "c"));

        List<String> command = enrich.process().command();
        int java = command.indexOf("java");
        assertThat(command.subList(java + 1, java + 1 + LaunchOptions.of(ROOT, "enrich").size()))
                .isEqualTo(LaunchOptions.of(ROOT, "enrich"));
        assertThat(command).contains("-Da.b=c", "-jar");
    }

    @Test
    void brokerRunsWithSerialCollectorAndItsOptionsFile() {
        assertThat(LaunchOptions.of(ROOT, "kafka")).contains("-XX:+UseSerialGC",
                "@" + ROOT.resolve("kafka-local/src/main/jvm/kafka.jvmargs"));
    }
}
