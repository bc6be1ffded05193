package org.ceasefire.ingest;

import java.util.List;
import java.util.stream.Collectors;

import org.ceasefire.contract.Violation;

/** A record that was not sent, and why: one message naming the input, the line, the fields and the reasons. */
public record Rejection(String source, long line, String original, List<Violation> reasons) {
    public Rejection {
        reasons = List.copyOf(reasons);
    }

    /** {@code file:line: field: reason; field: reason}. */
    public String message() {
        return source + ":" + line + ": " + reasons.stream().map(Violation::toString).collect(Collectors.joining("; "));
    }
}
