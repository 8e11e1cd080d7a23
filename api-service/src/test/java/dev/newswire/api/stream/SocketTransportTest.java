package dev.newswire.api.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.newswire.kafka.NewswireKafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, fan-out: the api-service's sockets run on Netty's native epoll transport where its
 * library loads (Linux x86_64, the shipped classifier), which costs less CPU per SSE write than NIO
 * (docs/benchmarks/api.md). Every other stream test (DirectWritesTest, GapTest, SlowConsumerTest,
 * the browser test) then runs on it too. The fallback to NIO where it cannot load:
 * {@link NativeTransportFallbackTest}.
 */
@QuarkusTest
@QuarkusTestResource(NewswireKafkaResource.class)
class SocketTransportTest {

    @Inject
    SocketTransport transport;

    @Test
    void runsOnNativeEpollOnLinuxX8664() {
        assumeTrue(NativeTransportFallbackTest.shipsNativeLibrary(), "the native library ships for Linux x86_64 only");
        assertThat(transport.name()).isEqualTo("epoll");
    }
}
