package dev.newswire.enrich.pipeline.models;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Embeds the texts of several articles in flight with one model call. MiniLM on one CPU thread costs
 * much less per text in a padded batch of 4-8 than one text per call (docs/benchmarks/enrich.md). A
 * caller's text waits at most {@code maxWait} for company (a lone article goes through after that
 * small delay), and a batch goes as soon as it has {@code maxBatch} texts. Callers wait without a
 * compute slot ({@link ComputeSlots#await}); the batch itself runs in a slot, on a daemon thread of
 * its own; a text the model fails on fails its own caller only.
 */
public final class MicroBatcher implements AutoCloseable {

    private record Request(String text, CompletableFuture<float[]> result) {
    }

    private final Function<List<String>, float[][]> model;
    private final int maxBatch;
    private final long maxWaitNanos;
    private final ComputeSlots slots;
    private final LinkedBlockingQueue<Request> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean closed;

    public MicroBatcher(Function<List<String>, float[][]> model, int maxBatch, Duration maxWait, ComputeSlots slots) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be at least 1");
        }
        this.model = model;
        this.maxBatch = maxBatch;
        this.maxWaitNanos = maxWait.toNanos();
        this.slots = slots;
        this.thread = new Thread(this::loop, "enrich-embedding-batcher");
        thread.setDaemon(true);
        thread.start();
    }

    /** The text's vector, from a batch shared with whatever other texts arrive within the wait. */
    public float[] embed(String text) {
        if (closed) {
            throw new IllegalStateException("embedding batcher closed");
        }
        CompletableFuture<float[]> result = new CompletableFuture<>();
        queue.add(new Request(text, result));
        return slots.await(() -> {
            try {
                return result.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for an embedding", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
        });
    }

    private void loop() {
        List<Request> batch = new ArrayList<>(maxBatch);
        while (!closed) {
            try {
                Request first = queue.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                long deadline = System.nanoTime() + maxWaitNanos;
                while (batch.size() < maxBatch) {
                    long left = deadline - System.nanoTime();
                    Request next = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : queue.poll();
                    if (next == null) {
                        break;
                    }
                    batch.add(next);
                }
                run(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    private void run(List<Request> batch) {
        try {
            float[][] vectors = slots.compute(() -> model.apply(batch.stream().map(Request::text).toList()));
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).result().complete(vectors[i]);
            }
        } catch (RuntimeException | Error e) {
            if (batch.size() == 1) {
                batch.get(0).result().completeExceptionally(e);
                return;
            }
            // One bad text (e.g. one the model refuses) must fail its own article only, as it would
            // without batching: the others are embedded again one by one.
            for (Request r : batch) {
                run(List.of(r));
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        Request r;
        while ((r = queue.poll()) != null) {
            r.result().completeExceptionally(new IllegalStateException("embedding batcher closed"));
        }
    }
}
