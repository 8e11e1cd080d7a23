package dev.newswire.enrich.pipeline.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The micro-batcher with a stand-in model that records its calls (the real model: MiniLmBatchTest). */
class MicroBatcherTest {

    private final List<List<String>> calls = new CopyOnWriteArrayList<>();
    /** Vector of a text: its length and first character, so each caller can check it got its own. */
    private final Function<List<String>, float[][]> model = texts -> {
        calls.add(List.copyOf(texts));
        if (texts.contains("bad")) {
            throw new IllegalStateException("model failed");
        }
        return texts.stream().map(t -> new float[] {t.length(), t.isEmpty() ? 0 : t.charAt(0)}).toArray(float[][]::new);
    };

    @Test
    void concurrentCallersShareModelCallsAndEachGetsItsOwnVector() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (MicroBatcher batcher = new MicroBatcher(model, 8, Duration.ofMillis(500), ComputeSlots.UNLIMITED)) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<float[]>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String text = (char) ('a' + i) + "x".repeat(i);
                results.add(pool.submit(() -> {
                    start.await();
                    return batcher.embed(text);
                }));
            }
            start.countDown();
            for (int i = 0; i < 8; i++) {
                assertThat(results.get(i).get()).containsExactly(i + 1, 'a' + i);
            }
            assertThat(calls.stream().mapToInt(List::size).sum()).isEqualTo(8);
            assertThat(calls.size()).as("8 texts in fewer model calls").isLessThan(8);
            assertThat(calls.stream().mapToInt(List::size).max().orElse(0)).isLessThanOrEqualTo(8);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aBatchNeverExceedsItsMaximum() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try (MicroBatcher batcher = new MicroBatcher(model, 3, Duration.ofMillis(300), ComputeSlots.UNLIMITED)) {
            List<Future<float[]>> results = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                String text = "t" + i;
                results.add(pool.submit(() -> batcher.embed(text)));
            }
            for (Future<float[]> f : results) {
                f.get();
            }
            assertThat(calls).allSatisfy(batch -> assertThat(batch).hasSizeLessThanOrEqualTo(3));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aLoneTextGoesThroughAfterTheShortWait() {
        try (MicroBatcher batcher = new MicroBatcher(model, 8, Duration.ofMillis(20), ComputeSlots.UNLIMITED)) {
            float[] v = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> batcher.embed("alone"));
            assertThat(v).containsExactly(5, 'a');
            assertThat(calls).containsExactly(List.of("alone"));
        }
    }

    @Test
    void aTextTheModelFailsOnFailsOnlyItsOwnCaller() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (MicroBatcher batcher = new MicroBatcher(model, 2, Duration.ofSeconds(2), ComputeSlots.UNLIMITED)) {
            Future<float[]> bad = pool.submit(() -> batcher.embed("bad"));
            Future<float[]> good = pool.submit(() -> batcher.embed("good"));
            assertThat(good.get()).containsExactly(4, 'g');
            assertThatThrownBy(bad::get).hasRootCauseMessage("model failed");
            assertThat(calls.get(0)).as("both in one batch first").containsExactlyInAnyOrder("bad", "good");
            assertThat(batcher.embed("next")).containsExactly(4, 'n');
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aCallerHoldingTheOnlyComputeSlotLendsItToTheBatch() {
        // The batch computes in a slot; a caller that kept its slot while waiting would deadlock here.
        ComputeSlots slots = new ComputeSlots(1);
        try (MicroBatcher batcher = new MicroBatcher(model, 8, Duration.ofMillis(1), slots)) {
            float[] v = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> slots.compute(() -> batcher.embed("held")));
            assertThat(v).containsExactly(4, 'h');
            assertThat(slots.available()).isEqualTo(1);
        }
    }
}
