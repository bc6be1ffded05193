package org.ceasefire.audit;

/** A record the pipeline refused: its key, why, and where it came from in the statements log. */
public record RejectedRecord(String key, String reason, int partition, long offset) {
}
