package dev.newswire.ingest.intake;

import dev.newswire.ingest.config.IngestConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.Semaphore;

/**
 * The request bytes held across all concurrent POSTs, capped by {@code newswire.ingest.max-bytes-in-flight}.
 * A request takes a {@link Lease} before it reads its body and grows it as it reads; when the cap is
 * reached it is refused at once ({@link ServiceBusyException}, 503 + Retry-After) rather than queued,
 * so memory stays bounded by design whatever clients send, and a busy service says so instead of dying.
 */
@ApplicationScoped
public class BytesInFlight {

    private final Semaphore permits;
    private final int capacity;

    public BytesInFlight(IngestConfig config, MeterRegistry registry) {
        this.capacity = (int) Math.min(Integer.MAX_VALUE, Math.max(1, config.maxBytesInFlight().asLongValue()));
        this.permits = new Semaphore(capacity);
        Gauge.builder("newswire.ingest.bytes.in.flight", this, BytesInFlight::used)
                .description("Request bytes held by requests being read, parsed or published")
                .baseUnit("bytes")
                .register(registry);
    }

    public Lease lease() {
        return new Lease();
    }

    public int used() {
        return capacity - permits.availablePermits();
    }

    public int capacity() {
        return capacity;
    }

    /** Bytes one request holds; closing it gives them back. */
    public final class Lease implements AutoCloseable {
        private long held;

        private Lease() {
        }

        /** Takes {@code bytes} more, or throws {@link ServiceBusyException} when the cap would be passed. */
        public void grow(long bytes) {
            if (bytes <= 0) {
                return;
            }
            if (bytes > capacity || !permits.tryAcquire((int) bytes)) {
                throw new ServiceBusyException("The service is holding its limit of " + capacity
                        + " request bytes for other requests; retry shortly.");
            }
            held += bytes;
        }

        @Override
        public void close() {
            if (held > 0) {
                permits.release((int) held);
                held = 0;
            }
        }
    }
}
