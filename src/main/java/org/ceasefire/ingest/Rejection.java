package org.ceasefire.ingest;

import java.util.List;
import java.util.stream.Collectors;

import org.ceasefire.contract.Violation;

/**
 * A record that was not sent, and why: one message naming the input, the line, the fields and the
 * reasons. {@code original} is only the start of the record when {@code complete} is false; the byte
 * range then says where the whole of it is in the input.
 */
public record Rejection(String source, long line, long fromByte, long toByte, String original, boolean complete,
                        List<Violation> reasons) {
    public Rejection {
        reasons = List.copyOf(reasons);
    }

    static Rejection of(RawRecord record, List<Violation> reasons) {
        return new Rejection(record.source(), record.line(), record.fromByte(), record.toByte(), record.original(),
                record.complete(), reasons);
    }

    /** {@code file:line: field: reason; field: reason}, safe to print on a terminal. */
    public String message() {
        return TerminalText.safe(source + ":" + line + ": " + reasons.stream().map(Violation::toString).collect(Collectors.joining("; ")));
    }
}
