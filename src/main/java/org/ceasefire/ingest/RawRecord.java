package org.ceasefire.ingest;

import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ceasefire.contract.Violation;

/**
 * One record as read from an input, before it is turned into a statement: where it came from (the
 * line it starts on and the bytes {@code [fromByte, toByte)} it occupies), its text (kept for the
 * rejects file), the fields found, and the problems the reader itself already saw (text that is not
 * JSON or not UTF-8, a line over the limit, a CSV cell that is not a number...).
 *
 * @param original the record's text; only its start when {@code complete} is false (a line refused unread)
 * @param fields   null when the reader could not make any fields out of the text
 */
public record RawRecord(String source, long line, long fromByte, long toByte, String original, boolean complete,
                        ObjectNode fields, List<Violation> readProblems) {
    public RawRecord {
        readProblems = List.copyOf(readProblems);
    }
}
