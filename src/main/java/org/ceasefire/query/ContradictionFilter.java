package org.ceasefire.query;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.ceasefire.avro.ClaimContradiction;
import org.ceasefire.avro.ContradictionKind;
import org.ceasefire.avro.StatementRef;
import org.ceasefire.avro.TimePrecision;
import org.ceasefire.topology.Precision;

/**
 * Which contradictions a query wants. {@code party} matches a pair in which that party issued one
 * of the statements or is the accused; the time range applies to the pair's incident_start and is
 * half-open, {@code [from, to)}. {@code statement} keeps the pairs one statement is part of.
 * {@code timePrecision} and {@code placePrecision} keep the pairs known at least that precisely: HOUR keeps
 * EXACT and HOUR pairs, {@code town} keeps village, height and town pairs (never one whose place precision is unknown).
 */
public record ContradictionFilter(Optional<String> sector, Optional<ContradictionKind> kind, Optional<String> party,
                                  Optional<Instant> from, Optional<Instant> to, Optional<String> statement,
                                  Optional<TimePrecision> timePrecision, Optional<String> placePrecision) {

    /** A filter on everything but precision. */
    public ContradictionFilter(Optional<String> sector, Optional<ContradictionKind> kind, Optional<String> party,
                               Optional<Instant> from, Optional<Instant> to, Optional<String> statement) {
        this(sector, kind, party, from, to, statement, Optional.empty(), Optional.empty());
    }

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
        if (timePrecision.isPresent() && c.getTimePrecision().ordinal() > timePrecision.get().ordinal()) {
            return false;
        }
        if (placePrecision.isPresent()) {
            int rank = Precision.placeRank(c.getPlacePrecision());
            if (rank < 0 || rank > Precision.placeRank(placePrecision.get())) {
                return false;
            }
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
