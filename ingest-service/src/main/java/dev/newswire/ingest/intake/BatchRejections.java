package dev.newswire.ingest.intake;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The refused lines of one batch: the first {@code listed} kept in full, every one counted by code. */
final class BatchRejections {

    private final int listed;
    private final List<BatchResult.RejectedLine> lines = new ArrayList<>();
    private final Map<String, Integer> byCode = new LinkedHashMap<>();
    private int count;

    BatchRejections(int listed) {
        this.listed = Math.max(0, listed);
    }

    void add(int line, RejectedArticleException e) {
        count++;
        byCode.merge(e.reason().slug(), 1, Integer::sum);
        if (lines.size() < listed) {
            lines.add(new BatchResult.RejectedLine(line, e.reason().status(), e.reason().slug(), e.getMessage()));
        }
    }

    boolean isEmpty() {
        return count == 0;
    }

    List<BatchResult.RejectedLine> listed() {
        return List.copyOf(lines);
    }

    int count() {
        return count;
    }

    Map<String, Integer> byCode() {
        return Map.copyOf(byCode);
    }

    /** The problem members of a batch where no line was good. */
    Map<String, Object> asDetails() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("rejected", listed());
        details.put("rejectedCount", count);
        details.put("rejectedByCode", byCode());
        return details;
    }
}
