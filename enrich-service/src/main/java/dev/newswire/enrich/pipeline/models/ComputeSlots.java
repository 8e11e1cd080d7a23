package dev.newswire.enrich.pipeline.models;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * At most N threads compute at once (N = cores), however many articles are in flight. The service
 * keeps more articles in flight than it has cores so that MiniLM can embed several at once
 * ({@link MicroBatcher}); an article waiting for its batch gives its slot to another article, so
 * the cores stay busy without CoreNLP, OpenNLP and ONNX threads oversubscribing them.
 */
public final class ComputeSlots {

    /** No limit: for a caller that runs one article per thread anyway (tests, the pipeline bench). */
    public static final ComputeSlots UNLIMITED = new ComputeSlots(Integer.MAX_VALUE);

    private final Semaphore slots;
    private final int size;
    private final ThreadLocal<Boolean> held = ThreadLocal.withInitial(() -> false);

    public ComputeSlots(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("at least one compute slot, not " + size);
        }
        this.size = size;
        this.slots = new Semaphore(size, true);
    }

    public int size() {
        return size;
    }

    /** Runs CPU work in a slot (waits for one); re-entrant on the same thread. */
    public <T> T compute(Supplier<T> work) {
        if (held.get() || size == Integer.MAX_VALUE) {
            return work.get();
        }
        slots.acquireUninterruptibly();
        held.set(true);
        try {
            return work.get();
        } finally {
            held.set(false);
            slots.release();
        }
    }

    /** Runs a wait (for another thread's result) without a slot, so that another article can compute meanwhile. */
    public <T> T await(Supplier<T> wait) {
        if (!held.get() || size == Integer.MAX_VALUE) {
            return wait.get();
        }
        held.set(false);
        slots.release();
        try {
            return wait.get();
        } finally {
            slots.acquireUninterruptibly();
            held.set(true);
        }
    }

    /** Slots free right now (for tests and metrics). */
    public int available() {
        return size == Integer.MAX_VALUE ? Integer.MAX_VALUE : slots.availablePermits();
    }
}
