package dev.newswire.ingest.intake;

import java.util.List;

/**
 * The answer to an NDJSON batch: ids the broker has (in line order; repeats also listed in
 * {@code duplicates}), and per refused line its 1-based number, status, problem code and reason.
 */
public record BatchResult(List<String> accepted, List<String> duplicates, List<RejectedLine> rejected) {

    public record RejectedLine(int line, int status, String code, String reason) {
    }
}
