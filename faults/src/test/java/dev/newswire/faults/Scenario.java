package dev.newswire.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One fault from injection to recovery: its window (which acknowledged articles it answers for),
 * the instants recovery is measured from, and the bounds it must meet.
 */
final class Scenario {

    /** "The enriched topic moves in every partition within {@code bound} of {@code from}." */
    record EnrichedBound(String label, Instant from, Duration bound) {
    }

    /** "Every ingest request sent in [from, to] is answered within {@code bound}." */
    record AnswerBound(Instant from, Instant to, Duration bound) {
    }

    private final String name;
    private final Instant startedAt = Instant.now();
    private final Map<String, Integer> restartsBefore;
    private final List<EnrichedBound> enrichedBounds = new ArrayList<>();
    private final List<AnswerBound> answerBounds = new ArrayList<>();
    private final List<String> violations = new ArrayList<>();
    private final Map<String, String> figures = new LinkedHashMap<>();
    private Integer maxReEnrichments;

    Scenario(String name, Map<String, Integer> restartsBefore) {
        this.name = name;
        this.restartsBefore = restartsBefore;
    }

    String name() {
        return name;
    }

    Instant startedAt() {
        return startedAt;
    }

    Map<String, Integer> restartsBefore() {
        return restartsBefore;
    }

    void expectEnrichedWithin(String label, Instant from, Duration bound) {
        enrichedBounds.add(new EnrichedBound(label, from, bound));
    }

    void expectAnswersWithin(Instant from, Instant to, Duration bound) {
        answerBounds.add(new AnswerBound(from, to, bound));
    }

    void expectReEnrichmentsAtMost(int max) {
        maxReEnrichments = max;
    }

    Integer maxReEnrichments() {
        return maxReEnrichments;
    }

    List<EnrichedBound> enrichedBounds() {
        return enrichedBounds;
    }

    List<AnswerBound> answerBounds() {
        return answerBounds;
    }

    void violation(String text) {
        violations.add(text);
    }

    void violations(List<String> texts) {
        violations.addAll(texts);
    }

    List<String> violations() {
        return violations;
    }

    void figure(String key, Object value) {
        figures.put(key, String.valueOf(value));
    }

    Map<String, String> figures() {
        return figures;
    }

    static String seconds(Duration d) {
        return String.format("%.1f s", d.toMillis() / 1000.0);
    }
}
