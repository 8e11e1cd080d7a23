package dev.newswire.faults;

import static org.awaitility.Awaitility.await;

import dev.newswire.faults.ArticleFeeder.Submission;
import dev.newswire.faults.TopicSnapshot.Rec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The running system under test and the bookkeeping across scenarios: one cluster, one steady
 * feed, one resuming SSE client, and per scenario the checks of {@link DeliveryCheck} on the
 * articles acknowledged in its window. A violation is reported by the first scenario that sees it,
 * so one broken promise does not fail every later scenario.
 */
final class FaultRun implements AutoCloseable {

    final boolean longForm = Boolean.getBoolean("faults.long");
    final Duration brokerOutage = longForm ? Duration.ofSeconds(Long.getLong("faults.long.outage", 600)) : Duration.ofSeconds(15);
    final Duration deliveryWait = longForm ? Duration.ofMinutes(10) : Duration.ofSeconds(120);
    /** Articles per second: 5 in the short form leaves enrich headroom on a busy 2-core machine. */
    final int rate = Integer.getInteger("faults.rate", longForm ? 12 : 5);
    /** The api view is kept small so resumes older than a few seconds take the Kafka catch-up path. */
    static final int VIEW_CAPACITY = 50;

    final Cluster cluster;
    final ArticleFeeder feeder;
    final ResumingSseClient client;
    final AtomicReference<ServiceInstance> clientApi = new AtomicReference<>();
    private final Path summary;
    private final Set<String> reported = new HashSet<>();
    private final List<String> lines = new ArrayList<>();

    FaultRun() {
        Path root = Path.of(System.getProperty("newswire.repo.root", "..")).toAbsolutePath().normalize();
        Path workDir = root.resolve("faults/target/faults-run-" + System.currentTimeMillis());
        summary = workDir.resolve("summary.txt");
        cluster = new Cluster(root, workDir, Map.of("newswire.api.view-capacity", Integer.toString(VIEW_CAPACITY)));
        cluster.startBroker();
        ServiceInstance enrich = cluster.add("enrich", Map.of());
        ServiceInstance api = cluster.add("api", Map.of());
        ServiceInstance ingest = cluster.add("ingest", Map.of());
        for (ServiceInstance s : List.of(enrich, api, ingest)) {
            cluster.awaitReady(s, Duration.ofSeconds(240));
        }
        clientApi.set(api);
        feeder = new ArticleFeeder(() -> cluster.first("ingest").url(), rate);
        client = new ResumingSseClient("client-A", () -> clientApi.get().url());
        feeder.start();
        client.start();
        await("first articles at the client").atMost(Duration.ofSeconds(120)).until(() -> client.deliveries().size() >= 20);
        log("mode %s, %d articles/s, broker outage %s, api view capacity %d, cluster %s", longForm ? "long" : "short",
                rate, Scenario.seconds(brokerOutage), VIEW_CAPACITY, cluster.services());
    }

    Scenario begin(String name) {
        // Start from a healthy system, so a scenario is judged on its own fault only.
        for (ServiceInstance s : cluster.services()) {
            if (s.held()) {
                continue;
            }
            try {
                cluster.awaitReady(s, Duration.ofSeconds(60));
            } catch (ConditionTimeoutException e) {
                log("%s: %s not ready before the fault: restarting it", name, s.name());
                s.process().kill9();
                s.start();
                cluster.awaitReady(s, Duration.ofSeconds(180));
            }
        }
        log("--- %s", name);
        return new Scenario(name, cluster.supervisorRestarts());
    }

    /** Waits until the feed has had {@code count} more articles acknowledged (steady flow before a fault). */
    void awaitFlow(int count) {
        int target = feeder.acked().size() + count;
        await("feed flowing").atMost(Duration.ofSeconds(120)).until(() -> feeder.acked().size() >= target);
    }

    /** Waits for the window's articles to arrive, then checks every promise; returns this scenario's new violations. */
    List<String> finish(Scenario s) {
        Instant end = Instant.now();
        List<String> window = feeder.ackedBetween(s.startedAt(), end);
        Instant waitFrom = Instant.now();
        try {
            await("acknowledged articles at the client").atMost(deliveryWait).pollInterval(Duration.ofSeconds(1))
                    .until(() -> DeliveryCheck.ackedButNotDelivered(window, client).isEmpty());
        } catch (ConditionTimeoutException e) {
            // Reported below with the ids that are missing.
        }
        s.figure("drain", Scenario.seconds(Duration.between(waitFrom, Instant.now())));
        List<Rec> raw = TopicSnapshot.read(cluster.bootstrap(), TopicSnapshot.RAW);
        List<Rec> enriched = TopicSnapshot.read(cluster.bootstrap(), TopicSnapshot.ENRICHED);
        List<Rec> dlq = TopicSnapshot.read(cluster.bootstrap(), TopicSnapshot.DLQ);
        s.violations(summarise(DeliveryCheck.ackedButNotInRaw(window, raw)));
        s.violations(summarise(DeliveryCheck.ackedButNotDelivered(window, client)));
        s.violations(DeliveryCheck.streamIntegrity(client, enriched));
        s.violations(DeliveryCheck.dlqEmpty(dlq));
        checkRecovery(s, enriched);
        checkAnswers(s);
        int reEnriched = reEnrichedSince(enriched, s.startedAt());
        s.figure("re-enriched", reEnriched);
        if (s.maxReEnrichments() != null && reEnriched > s.maxReEnrichments()) {
            s.violation(reEnriched + " articles enriched again (at most " + s.maxReEnrichments() + ")");
        }
        s.figure("acked", window.size());
        s.figure("supervisor restarts", restartsSince(s.restartsBefore()));
        List<String> fresh = s.violations().stream().filter(reported::add).toList();
        log("%s: %s%s", s.name(), s.figures(), fresh.isEmpty() ? " — OK" : " — FAILED:\n    " + String.join("\n    ", fresh));
        return fresh;
    }

    private void checkRecovery(Scenario s, List<Rec> enriched) {
        for (Scenario.EnrichedBound b : s.enrichedBounds()) {
            Map<Integer, Instant> firstAfter = new TreeMap<>();
            for (Rec r : enriched) {
                if (r.timestamp().isAfter(b.from())) {
                    firstAfter.merge(r.partition(), r.timestamp(), (x, y) -> x.isBefore(y) ? x : y);
                }
            }
            Set<Integer> partitions = enriched.stream().map(Rec::partition).collect(Collectors.toSet());
            if (firstAfter.isEmpty()) {
                s.violation(b.label() + ": nothing enriched after the fault");
                continue;
            }
            Duration first = Duration.between(b.from(), firstAfter.values().stream().min(Instant::compareTo).orElseThrow());
            Duration all = Duration.between(b.from(), firstAfter.values().stream().max(Instant::compareTo).orElseThrow());
            s.figure(b.label() + " first enriched", Scenario.seconds(first));
            if (firstAfter.size() < partitions.size()) {
                s.figure(b.label() + " partitions moving", firstAfter.keySet() + " of " + partitions);
                s.violation(b.label() + ": enriched moved only in partitions " + firstAfter.keySet() + " of " + partitions);
                continue;
            }
            s.figure(b.label() + " all partitions", Scenario.seconds(all));
            if (all.compareTo(b.bound()) > 0) {
                s.violation(b.label() + ": enriched moved in every partition only after " + Scenario.seconds(all)
                        + " (bound " + Scenario.seconds(b.bound()) + ")");
            }
        }
    }

    private void checkAnswers(Scenario s) {
        for (Scenario.AnswerBound b : s.answerBounds()) {
            List<Submission> sent = feeder.submissions().stream()
                    .filter(x -> !x.sentAt().isBefore(b.from()) && !x.sentAt().isAfter(b.to())).toList();
            for (boolean batch : new boolean[] {false, true}) {
                Optional<Submission> slowest = sent.stream().filter(x -> x.batch() == batch)
                        .max((x, y) -> x.took().compareTo(y.took()));
                slowest.ifPresent(x -> s.figure((batch ? "batch" : "single") + " slowest answer",
                        Scenario.seconds(x.took()) + " (" + x.status() + ")"));
                slowest.filter(x -> x.took().compareTo(b.bound()) > 0).ifPresent(x -> s.violation((batch
                        ? "NDJSON batch of " + x.lines() + " lines" : "single POST") + " answered " + x.status()
                        + " after " + Scenario.seconds(x.took()) + " during the outage (bound " + Scenario.seconds(b.bound()) + ")"));
            }
        }
    }

    private static int reEnrichedSince(List<Rec> enriched, Instant since) {
        Set<String> before = new HashSet<>();
        int again = 0;
        for (Rec r : enriched.stream().sorted((a, b) -> a.timestamp().compareTo(b.timestamp())).toList()) {
            if (!before.add(r.key()) && r.timestamp().isAfter(since)) {
                again++;
            }
        }
        return again;
    }

    private Map<String, Integer> restartsSince(Map<String, Integer> before) {
        Map<String, Integer> diff = new TreeMap<>();
        cluster.supervisorRestarts().forEach((k, v) -> {
            int d = v - before.getOrDefault(k, 0);
            if (d > 0) {
                diff.put(k, d);
            }
        });
        return diff;
    }

    private static List<String> summarise(List<String> violations) {
        if (violations.size() <= 5) {
            return violations;
        }
        List<String> shown = new ArrayList<>(violations.subList(0, 5));
        shown.add("… and " + (violations.size() - 5) + " more like these");
        return shown;
    }

    void log(String format, Object... args) {
        String line = String.format(format, args);
        System.out.println("[faults] " + line);
        lines.add(line);
        try {
            Files.createDirectories(summary.getParent());
            Files.writeString(summary, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException ignored) {
            // The console has it too.
        }
    }

    @Override
    public void close() {
        client.close();
        feeder.close();
        cluster.close();
    }
}
