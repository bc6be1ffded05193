package org.ceasefire.ingest;

import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ceasefire.contract.Violation;

/**
 * One record as read from an input, before it is turned into a statement: where it came from,
 * the original text (kept for the rejects file), the fields found, and the problems the reader
 * itself already saw (text that is not JSON, a CSV cell that is not a number...).
 *
 * @param fields null when the reader could not make any fields out of the text
 */
public record RawRecord(String source, long line, String original, ObjectNode fields, List<Violation> readProblems) {
    public RawRecord {
        readProblems = List.copyOf(readProblems);
    }
}
