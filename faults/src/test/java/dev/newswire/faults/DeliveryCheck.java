package dev.newswire.faults;

import dev.newswire.faults.ResumingSseClient.Delivery;
import dev.newswire.faults.ResumingSseClient.Gap;
import dev.newswire.faults.TopicSnapshot.Rec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The promises, checked from both ends: from the topics (raw, enriched, dlq) and from what an SSE
 * client received. Each method returns violations as sentences; empty means the promise held.
 */
final class DeliveryCheck {

    private DeliveryCheck() {
    }

    /** Acknowledged (202) ids that are not in the raw topic: ingest answered before the broker had them. */
    static List<String> ackedButNotInRaw(Collection<String> acked, List<Rec> raw) {
        Set<String> keys = keys(raw);
        return acked.stream().filter(id -> !keys.contains(id)).map(id -> "acknowledged " + id + " is not in raw").toList();
    }

    /** Acknowledged ids the client never received. */
    static List<String> ackedButNotDelivered(Collection<String> acked, ResumingSseClient client) {
        Set<String> got = new HashSet<>();
        client.deliveries().forEach(d -> got.add(d.id()));
        return acked.stream().filter(id -> !got.contains(id)).map(id -> "acknowledged " + id + " never reached " + client).toList();
    }

    /**
     * True duplicates (the same partition and offset twice), order per partition, and no silent gap:
     * every enriched offset between the client's first and last offset of a partition was delivered
     * or announced by a {@code gap} event.
     */
    static List<String> streamIntegrity(ResumingSseClient client, List<Rec> enriched) {
        List<String> violations = new ArrayList<>();
        Map<Integer, Long> last = new HashMap<>();
        Map<Integer, TreeSet<Long>> seen = new TreeMap<>();
        for (Delivery d : client.deliveries()) {
            TreeSet<Long> offsets = seen.computeIfAbsent(d.partition(), p -> new TreeSet<>());
            if (!offsets.add(d.offset())) {
                violations.add(client + ": true duplicate " + d.partition() + "@" + d.offset() + " (" + d.id()
                        + ", connection " + d.connection() + ")");
            }
            Long before = last.put(d.partition(), d.offset());
            if (before != null && d.offset() < before) {
                violations.add(client + ": out of order in partition " + d.partition() + ": " + d.offset() + " after " + before);
            }
        }
        Map<Integer, TreeSet<Long>> inTopic = new TreeMap<>();
        enriched.forEach(r -> inTopic.computeIfAbsent(r.partition(), p -> new TreeSet<>()).add(r.offset()));
        for (Map.Entry<Integer, TreeSet<Long>> e : seen.entrySet()) {
            int p = e.getKey();
            long max = e.getValue().last();
            List<Long> silent = new ArrayList<>();
            for (long offset : inTopic.getOrDefault(p, new TreeSet<>()).headSet(max, true)) {
                if (!e.getValue().contains(offset) && !announced(client.gaps(), p, offset)) {
                    silent.add(offset);
                }
            }
            if (!silent.isEmpty()) {
                violations.add(client + ": " + silent.size() + " record(s) of partition " + p
                        + " skipped without a gap event, first " + silent.subList(0, Math.min(5, silent.size())));
            }
        }
        client.anomalies().forEach(a -> violations.add(client + ": " + a));
        return violations;
    }

    static List<String> dlqEmpty(List<Rec> dlq) {
        return dlq.isEmpty() ? List.of() : List.of(dlq.size() + " record(s) in the DLQ, first key " + dlq.get(0).key());
    }

    /** Enriched records beyond the first per id: re-enrichments (same id, later enrichedAt). */
    static int reEnrichments(List<Rec> enriched) {
        return enriched.size() - keys(enriched).size();
    }

    /** Ids that appear more than once in raw: ingest published a repeat again. */
    static List<String> republished(Collection<String> ids, List<Rec> raw) {
        Map<String, Integer> count = new HashMap<>();
        raw.forEach(r -> count.merge(r.key(), 1, Integer::sum));
        return ids.stream().filter(id -> count.getOrDefault(id, 0) > 1)
                .map(id -> id + " is in raw " + count.get(id) + " times").toList();
    }

    private static boolean announced(List<Gap> gaps, int partition, long offset) {
        return gaps.stream().anyMatch(g -> g.partition() == partition && offset >= g.from() && offset <= g.to());
    }

    private static Set<String> keys(List<Rec> records) {
        Set<String> keys = new HashSet<>();
        records.forEach(r -> keys.add(r.key()));
        return keys;
    }
}
