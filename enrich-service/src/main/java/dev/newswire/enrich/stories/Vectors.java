package dev.newswire.enrich.stories;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;

/**
 * Sparse vectors as sorted maps (feature → weight). Sorted so that sums and pruning run in the same
 * order on every instance: floating-point sums, and with them story assignment, are then
 * bit-for-bit reproducible on replay.
 */
final class Vectors {

    private Vectors() {
    }

    static double norm(Map<String, Double> v) {
        double sum = 0;
        for (double w : v.values()) {
            sum += w * w;
        }
        return Math.sqrt(sum);
    }

    static Map<String, Double> unit(Map<String, Double> v) {
        double norm = norm(v);
        Map<String, Double> out = new TreeMap<>();
        if (norm > 0) {
            v.forEach((k, w) -> out.put(k, w / norm));
        }
        return out;
    }

    /** Cosine of a unit vector with any vector. */
    static double cosine(Map<String, Double> unit, Map<String, Double> other) {
        double norm = norm(other);
        if (norm == 0) {
            return 0;
        }
        double dot = 0;
        for (Map.Entry<String, Double> e : unit.entrySet()) {
            Double w = other.get(e.getKey());
            if (w != null) {
                dot += e.getValue() * w;
            }
        }
        return dot / norm;
    }

    /** a + b, keeping the {@code max} heaviest features (ties by name): a story profile stays small. */
    static Map<String, Double> sum(Map<String, Double> a, Map<String, Double> b, int max) {
        Map<String, Double> sum = new TreeMap<>(a);
        b.forEach((k, w) -> sum.merge(k, w, Double::sum));
        return top(sum, max);
    }

    static Map<String, Double> top(Map<String, Double> v, int max) {
        if (v.size() <= max) {
            return v instanceof TreeMap ? v : new TreeMap<>(v);
        }
        Map<String, Double> out = new TreeMap<>();
        v.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(max)
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /**
     * The keys of the {@code k} heaviest entries (ties by key), as {@code sorted(heaviestFirst()).limit(k)}
     * would give, in O(n log k): the candidate maps hold thousands of stories at a full window, and
     * sorting all of them was the largest cost of a story assignment (StoryAssignmentBench).
     */
    static List<String> heaviest(Map<String, Double> weights, int k) {
        if (k <= 0) {
            return List.of();
        }
        Comparator<Map.Entry<String, Double>> order = heaviestFirst();
        PriorityQueue<Map.Entry<String, Double>> kept = new PriorityQueue<>(k + 1, order.reversed());
        for (Map.Entry<String, Double> e : weights.entrySet()) {
            if (kept.size() < k) {
                kept.add(e);
            } else if (order.compare(e, kept.peek()) < 0) {
                kept.poll();
                kept.add(e);
            }
        }
        List<String> out = new ArrayList<>(kept.size());
        kept.forEach(e -> out.add(e.getKey()));
        return out;
    }

    static Comparator<Map.Entry<String, Double>> heaviestFirst() {
        return Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey());
    }
}
