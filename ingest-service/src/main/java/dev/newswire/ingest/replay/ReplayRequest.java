package dev.newswire.ingest.replay;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A replay: the files of {@code dir} matching {@code glob}, in name order, as a stream.
 *
 * @param dir            folder on the ingest-service's machine, inside one of the replay roots
 *                       ({@code newswire.ingest.replay.roots}); relative names are tried against the
 *                       working directory, then against each root
 * @param ratePerSecond  articles per second, at most {@code newswire.ingest.replay.max-rate-per-second};
 *                       0 (default) = as fast as the broker takes them (a loop: at that maximum)
 * @param loop           start over at the end, with fresh receivedAt, until stopped
 * @param glob           file-name pattern ({@code * ? [a-z] [!x] {a,b}}), default {@code *}
 * @param skipDuplicates skip articles published within the dedup window (default true); loop passes
 *                       after the first always re-publish, that is what a loop is for
 */
@Schema(description = "Replay a folder of .txt/.html/.json/.ndjson files as a stream",
        example = "{\"dir\": \"seeds\", \"ratePerSecond\": 2, \"loop\": false, \"glob\": \"*.txt\"}")
public record ReplayRequest(String dir, Double ratePerSecond, Boolean loop, String glob, Boolean skipDuplicates) {

    public double rate() {
        return ratePerSecond == null ? 0 : ratePerSecond;
    }

    public boolean looping() {
        return Boolean.TRUE.equals(loop);
    }

    public String pattern() {
        return glob == null || glob.isBlank() ? "*" : glob;
    }

    public boolean skippingDuplicates() {
        return !Boolean.FALSE.equals(skipDuplicates);
    }
}
