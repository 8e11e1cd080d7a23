package dev.newswire.enrich.pipeline.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ComputeSlotsTest {

    @Test
    void noMoreThreadsComputeAtOnceThanThereAreSlots() throws Exception {
        ComputeSlots slots = new ComputeSlots(2);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                done.add(pool.submit(() -> slots.compute(() -> {
                    most.accumulateAndGet(running.incrementAndGet(), Math::max);
                    busy(2);
                    running.decrementAndGet();
                    return 1;
                })));
            }
            for (Future<Integer> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(most.get()).isEqualTo(2);
        assertThat(slots.available()).isEqualTo(2);
    }

    @Test
    void awaitingGivesTheSlotToAnotherThreadAndTakesItBack() throws Exception {
        ComputeSlots slots = new ComputeSlots(1);
        CountDownLatch otherRan = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            String result = slots.compute(() -> slots.await(() -> {
                pool.submit(() -> slots.compute(() -> {
                    otherRan.countDown();
                    return null;
                }));
                try {
                    return otherRan.await(5, TimeUnit.SECONDS) ? "other ran while we waited" : "blocked";
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }));
            assertThat(result).isEqualTo("other ran while we waited");
        } finally {
            pool.shutdownNow();
        }
        assertThat(slots.available()).isEqualTo(1);
    }

    private static void busy(long millis) {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }
}
