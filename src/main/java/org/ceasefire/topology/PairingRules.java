package org.ceasefire.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.ceasefire.avro.ClaimType;
import org.ceasefire.avro.ContradictionKind;
import org.ceasefire.avro.MinistryStatement;
import org.ceasefire.avro.internal.ResolvedStatement;
import org.ceasefire.conflict.ConflictDefinition;
import org.ceasefire.conflict.Side;

/**
 * The time-based relations between two statements of one sector, as design.md defines them. Pure:
 * whether two statements relate depends only on the two, never on arrival order, so the set of pairs
 * is a function of the set of active statements.
 */
final class PairingRules {
    /** A relation found: a contradiction of some kind, or an observation corroborating an accusation. */
    record Relation(ContradictionKind kind, ResolvedStatement accusation, ResolvedStatement other, boolean corroboration) {
    }

    /** A range of the pairing store to scan: statements of one claim type whose incident_start lies in [from, to]. */
    record ScanRange(ClaimType claim, long from, long to) {
    }

    private final ConflictDefinition conflict;
    private final long distance;
    private final long horizon;

    PairingRules(ConflictDefinition conflict, long distanceMillis, long horizonMillis) {
        this.conflict = conflict;
        this.distance = distanceMillis;
        this.horizon = horizonMillis;
    }

    /**
     * Whether a statement can pair by time at all: late statements and unknown places pair only through
     * refers_to, and a DENIAL that names what it answers pairs only with that.
     */
    static boolean pairsByTime(ResolvedStatement s) {
        MinistryStatement statement = s.getStatement();
        if (s.getLate() || statement.getRetracted() || ConflictDefinition.UNRESOLVED_SECTOR.equals(s.getSector())) {
            return false;
        }
        return statement.getClaim() != ClaimType.DENIAL || !ChangeRouter.hasText(statement.getRefersTo());
    }

    /**
     * Whether a whole-front calm report can answer {@code s}: an accusation placed in one of the
     * conflict's sectors (one made for the whole front meets whole-front calms in its own sector).
     */
    boolean answerableByFrontCalm(ResolvedStatement s) {
        return s.getStatement().getClaim() == ClaimType.ACCUSATION && pairsByTime(s) && conflict.hasSector(s.getSector());
    }

    /** Where the partners of {@code s} can be in the pairing store. */
    List<ScanRange> candidates(ResolvedStatement s) {
        long t = start(s);
        List<ScanRange> ranges = new ArrayList<>();
        switch (s.getStatement().getClaim()) {
            case ACCUSATION -> {
                ranges.add(new ScanRange(ClaimType.ACCUSATION, t - distance, t + distance));
                ranges.add(new ScanRange(ClaimType.DENIAL, t - distance, t + distance));
                // A calm report covers at most one horizon from its start (see calmCovers), so this bounds the scan.
                ranges.add(new ScanRange(ClaimType.CALM, t - distance - horizon, t + distance));
                ranges.add(new ScanRange(ClaimType.OBSERVATION, t - distance, t + distance));
            }
            case DENIAL, OBSERVATION -> ranges.add(new ScanRange(ClaimType.ACCUSATION, t - distance, t + distance));
            case CALM -> ranges.add(new ScanRange(ClaimType.ACCUSATION, t - distance, calmEnd(s) + distance));
            default -> { }
        }
        return ranges;
    }

    /** The relation between two distinct time-pairable statements of one sector, or null. */
    Relation relate(ResolvedStatement a, ResolvedStatement b) {
        ClaimType ca = a.getStatement().getClaim();
        ClaimType cb = b.getStatement().getClaim();
        if (ca != ClaimType.ACCUSATION && cb == ClaimType.ACCUSATION) {
            return relate(b, a);
        }
        if (ca != ClaimType.ACCUSATION) {
            return null;
        }
        boolean opposed = conflict.areOpposed(a.getStatement().getIssuer(), b.getStatement().getIssuer());
        boolean near = Math.abs(start(a) - start(b)) <= distance;
        return switch (cb) {
            case ACCUSATION -> opposed && near ? new Relation(ContradictionKind.MUTUAL_ACCUSATION, a, b, false) : null;
            case DENIAL -> opposed && near ? new Relation(ContradictionKind.ACCUSATION_DENIED, a, b, false) : null;
            case CALM -> opposed && calmCovers(b, start(a)) ? new Relation(ContradictionKind.ACCUSATION_VS_CALM, a, b, false) : null;
            case OBSERVATION -> near && observes(b, a) ? new Relation(null, a, b, true) : null;
            default -> null;
        };
    }

    /** A calm report speaks for [start, end] (end: start when absent, clipped to one horizon), widened by the distance. */
    private boolean calmCovers(ResolvedStatement calm, long instant) {
        return instant >= start(calm) - distance && instant <= calmEnd(calm) + distance;
    }

    private long calmEnd(ResolvedStatement calm) {
        long begin = start(calm);
        long end = calm.getStatement().getIncidentEnd() == null ? begin : calm.getStatement().getIncidentEnd().toEpochMilli();
        return Math.min(end, begin + horizon);
    }

    /** An observation naming an accused party corroborates only accusations against that party's side. */
    private boolean observes(ResolvedStatement observation, ResolvedStatement accusation) {
        String named = observation.getStatement().getAccused();
        if (named == null || named.isEmpty()) {
            return true;
        }
        String sideNamed = conflict.sideOf(named).map(Side::id).orElse(null);
        String sideAccused = conflict.sideOf(accusation.getStatement().getAccused()).map(Side::id).orElse(null);
        return Objects.equals(sideNamed, sideAccused);
    }

    static long start(ResolvedStatement s) {
        return s.getStatement().getIncidentStart().toEpochMilli();
    }
}
