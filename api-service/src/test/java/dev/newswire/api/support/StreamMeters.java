package dev.newswire.api.support;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** What the stream tests read from the api-service's meters (names as StreamHub registers them). */
public final class StreamMeters {

    private StreamMeters() {
    }

    /** Subscribers cut by the server, every reason together. */
    public static double cuts(MeterRegistry registry) {
        return registry.find("newswire.api.subscribers.cut").counters().stream().mapToDouble(Counter::count).sum();
    }

    /** Open SSE sockets (the gauge). */
    public static int subscribers(MeterRegistry registry) {
        var gauge = registry.find("newswire.api.subscribers").gauge();
        return gauge == null ? 0 : (int) gauge.value();
    }

    /** Subscribers that got the direct write path so far. */
    public static double direct(MeterRegistry registry) {
        var counter = registry.find("newswire.api.subscribers.direct").counter();
        return counter == null ? 0 : counter.count();
    }

    /** Live records fanned out so far (one per record per event loop with subscribers). */
    public static long fannedOut(MeterRegistry registry) {
        Timer timer = registry.find("newswire.api.stream.fanout.delay").timer();
        return timer == null ? 0 : timer.count();
    }
}
