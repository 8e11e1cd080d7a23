package dev.newswire.ingest.intake;

/** An article the broker has: its id, and whether it was a repeat within the dedup window (not re-published). */
public record Accepted(String id, boolean duplicate) {
}
