package org.ceasefire.audit;

import java.time.Instant;

/** Where one statement revision sits in the statements log, so every result can be traced back to it. */
public record StatementTrace(String statementId, int revision, int partition, long offset, Instant logAppendTime,
                             Instant incidentStart, String location, String sourceUrl) {
}
