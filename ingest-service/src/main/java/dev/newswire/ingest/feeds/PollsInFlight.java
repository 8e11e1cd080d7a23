package dev.newswire.ingest.feeds;

import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** Polls running now, by registry partition: a rebalance waits for those of the partitions it takes away. */
@Singleton
public class PollsInFlight {

    private final Map<Integer, Integer> running = new HashMap<>();

    public synchronized void started(int partition) {
        running.merge(partition, 1, Integer::sum);
    }

    public synchronized void finished(int partition) {
        running.computeIfPresent(partition, (p, n) -> n <= 1 ? null : n - 1);
        notifyAll();
    }

    /** True once no poll of {@code partitions} runs; false if some still do after {@code wait}. */
    public synchronized boolean awaitNone(Set<Integer> partitions, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (partitions.stream().anyMatch(running::containsKey)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
