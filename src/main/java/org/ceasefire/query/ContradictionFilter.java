package org.ceasefire.query;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.ceasefire.avro.ClaimContradiction;
import org.ceasefire.avro.ContradictionKind;
import org.ceasefire.avro.StatementRef;

/**
 * Which contradictions a query wants. {@code party} matches a pair in which that party issued one
 * of the statements or is the accused; the time range applies to the pair's incident_start and is
 * half-open, {@code [from, to)}. {@code statement} keeps the pairs one statement is part of.
 */
public record ContradictionFilter(Optional<String> sector, Optional<ContradictionKind> kind, Optional<String> party,
                                  Optional<Instant> from, Optional<Instant> to, Optional<String> statement) {

    public static ContradictionFilter all() {
        return new ContradictionFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    public static ContradictionFilter ofStatement(String statementId) {
        return new ContradictionFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(statementId));
    }

    public boolean matches(ClaimContradiction c) {
        if (statement.isPresent() && !statement.get().equals(c.getSideOne().getStatementId())
                && !statement.get().equals(c.getSideTwo().getStatementId())) {
            return false;
        }
        if (sector.isPresent() && !sector.get().equals(c.getSector())) {
            return false;
        }
        if (kind.isPresent() && kind.get() != c.getKind()) {
            return false;
        }
        if (party.isPresent() && !involves(c.getSideOne(), party.get()) && !involves(c.getSideTwo(), party.get())) {
            return false;
        }
        Instant incident = c.getIncidentStart();
        if (from.isPresent() && incident.isBefore(from.get())) {
            return false;
        }
        return to.isEmpty() || incident.isBefore(to.get());
    }

    private static boolean involves(StatementRef ref, String party) {
        return party.equals(ref.getIssuer()) || Objects.equals(party, ref.getAccused());
    }
}
