package dev.newswire.api.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What {@code quarkus.vertx.prefer-native-transport=true} relies on: where Netty's native epoll
 * library cannot load, Vert.x serves on NIO instead of failing to start. A fresh JVM per case (Netty
 * decides once per JVM) runs {@link TransportProbe}: Vert.x asked for the native transport, one
 * HTTP request over loopback. With {@code -Dio.netty.transport.noNative=true} (what a machine without
 * the library amounts to) it must serve on NIO; without it, on this Linux x86_64, on epoll.
 */
class NativeTransportFallbackTest {

    static boolean shipsNativeLibrary() {
        String arch = System.getProperty("os.arch");
        return System.getProperty("os.name").toLowerCase().contains("linux") && ("amd64".equals(arch) || "x86_64".equals(arch));
    }

    @Test
    void withoutTheNativeLibraryItServesOnNio() throws Exception {
        assertThat(probe(true)).isEqualTo("nio served");
    }

    @Test
    void withTheLibraryItServesOnEpoll() throws Exception {
        assumeTrue(shipsNativeLibrary(), "the native library ships for Linux x86_64 only");
        assertThat(probe(false)).isEqualTo("epoll served");
    }

    private static String probe(boolean noNative) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        if (noNative) {
            command.add("-Dio.netty.transport.noNative=true");
        }
        command.add(TransportProbe.class.getName());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("probe ended").isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        return out.lines().filter(l -> l.startsWith("transport: ")).map(l -> l.substring("transport: ".length()))
                .findFirst().orElse(out);
    }
}
