package dev.newswire.api.stream;

import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Which socket transport the service's Vert.x runs on, logged once at start: the fan-out's cost per
 * event depends on it (docs/benchmarks/api.md). {@code quarkus.vertx.prefer-native-transport} asks
 * for Netty's native epoll; where its library cannot load (another OS or CPU than the x86_64 one
 * shipped, or {@code -Dio.netty.transport.noNative=true}) Vert.x silently falls back to NIO, so the
 * log line is where an operator sees which one a deployment got.
 */
@ApplicationScoped
public class SocketTransport {

    private static final Logger LOG = Logger.getLogger(SocketTransport.class);

    private final Vertx vertx;

    public SocketTransport(Vertx vertx) {
        this.vertx = vertx;
    }

    /** "epoll" (Netty's native transport) or "nio" (the JDK's). */
    public String name() {
        return vertx.isNativeTransportEnabled() ? "epoll" : "nio";
    }

    void log(@Observes StartupEvent start) {
        LOG.infof("Sockets on the %s transport%s", name(),
                vertx.isNativeTransportEnabled() ? "" : " (native epoll off or unavailable: each write costs more CPU)");
    }
}
