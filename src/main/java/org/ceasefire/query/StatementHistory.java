package org.ceasefire.query;

import java.util.List;

import org.ceasefire.avro.ClaimContradiction;
import org.ceasefire.avro.MinistryStatement;

/** A statement's revisions, oldest first, and the contradictions its current revision is part of. */
public record StatementHistory(String statementId, List<MinistryStatement> revisions, List<ClaimContradiction> pairs) {
    public StatementHistory {
        revisions = List.copyOf(revisions);
        pairs = List.copyOf(pairs);
    }
}
