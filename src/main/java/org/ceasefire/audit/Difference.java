package org.ceasefire.audit;

/**
 * One way the live output differs from the replay: which output ({@code tally} or {@code contradiction}),
 * its key (sector|period or pair id), the field path, and both values ({@code (absent)} when the record is missing).
 */
public record Difference(String output, String key, String field, String live, String replayed) {
}
