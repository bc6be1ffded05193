package org.ceasefire.topology.intake;

import java.util.List;

import org.ceasefire.avro.MinistryStatement;
import org.ceasefire.avro.internal.ResolvedStatement;
import org.ceasefire.avro.internal.StatementHistory;

/** Decides what a received revision of a statement does, given the revisions already applied. */
final class RevisionRules {
    enum Decision {
        /** New, higher, or a retraction: replaces the current revision everywhere. */
        APPLY,
        /** The same id and revision with the same content again: changes nothing. */
        DUPLICATE,
        /** Lower than the current revision: ignored, counted. */
        STALE,
        /** The same id and revision as an applied one, with different content: rejected. */
        CONFLICT
    }

    private RevisionRules() {
    }

    static Decision decide(StatementHistory history, MinistryStatement received) {
        if (history == null || history.getRevisions().isEmpty()) {
            return Decision.APPLY;
        }
        List<ResolvedStatement> applied = history.getRevisions();
        MinistryStatement current = applied.get(applied.size() - 1).getStatement();
        for (ResolvedStatement revision : applied) {
            MinistryStatement earlier = revision.getStatement();
            if (earlier.getRevision() == received.getRevision() && earlier.equals(received)) {
                return Decision.DUPLICATE;
            }
        }
        if (received.getRevision() > current.getRevision()) {
            return Decision.APPLY;
        }
        if (received.getRevision() == current.getRevision()) {
            // Ingestion scripts often retract without bumping the revision; that is still a retraction.
            return received.getRetracted() && !current.getRetracted() ? Decision.APPLY : Decision.CONFLICT;
        }
        boolean sameRevisionApplied = applied.stream().anyMatch(r -> r.getStatement().getRevision() == received.getRevision());
        return sameRevisionApplied ? Decision.CONFLICT : Decision.STALE;
    }

    /** The revision that currently counts, or null when there is none or it is retracted. */
    static ResolvedStatement active(StatementHistory history) {
        if (history == null || history.getRevisions().isEmpty()) {
            return null;
        }
        ResolvedStatement current = history.getRevisions().get(history.getRevisions().size() - 1);
        return current.getStatement().getRetracted() ? null : current;
    }
}
