package dev.newswire.ingest.intake;

import java.util.List;
import java.util.Map;

/**
 * The answer to an NDJSON batch: ids the broker has (in line order; repeats also listed in
 * {@code duplicates}), and the refused lines: the first ones one by one (1-based number, status,
 * problem code, reason), all of them counted in {@code rejectedCount} and by code in
 * {@code rejectedByCode}, so a batch of garbage cannot make an answer larger than the batch.
 */
public record BatchResult(List<String> accepted, List<String> duplicates, List<RejectedLine> rejected,
                          int rejectedCount, Map<String, Integer> rejectedByCode) {

    public record RejectedLine(int line, int status, String code, String reason) {
    }
}
