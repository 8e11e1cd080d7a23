package dev.newswire.ingest.replay;

import java.time.Instant;

/**
 * What {@code GET /api/replay/{id}} reports. Per pass, {@code total} = sent + duplicates + failed +
 * rejected once the pass is over; counters add up over loop passes.
 *
 * @param state              RUNNING, DONE, STOPPED (by DELETE or shutdown) or FAILED (could not read the folder)
 * @param total              articles found in the files (one pass)
 * @param sent               published and acknowledged by the broker
 * @param duplicates         skipped as repeats within the dedup window
 * @param failed             the broker did not take them
 * @param rejected           invalid files or lines (see the log)
 * @param actualRatePerSecond sent per second since the start
 */
public record ReplayStatus(String id, String dir, String glob, double ratePerSecond, boolean loop, String state,
                           int pass, int files, long total, long sent, long duplicates, long failed, long rejected,
                           double actualRatePerSecond, Instant startedAt, Instant finishedAt) {
}
