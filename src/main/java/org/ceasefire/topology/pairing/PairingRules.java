package org.ceasefire.topology.pairing;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.ceasefire.avro.ClaimType;
import org.ceasefire.avro.ContradictionKind;
import org.ceasefire.avro.internal.PairingCandidate;
import org.ceasefire.avro.internal.ResolvedStatement;
import org.ceasefire.conflict.ConflictDefinition;
import org.ceasefire.conflict.Side;
import org.ceasefire.topology.TimePairing;

/**
 * The time-based relations between two statements of one sector (docs/architecture.md, "Pairing").
 * Pure: whether two statements relate depends only on the two, never on arrival order, so the set of
 * pairs is a function of the set of active statements.
 */
final class PairingRules {
    /** A relation found: a contradiction of some kind, or an observation corroborating an accusation. */
    record Relation(ContradictionKind kind, PairingCandidate accusation, PairingCandidate other, boolean corroboration) {
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
     * Whether a whole-front calm report can answer {@code s}: an accusation placed in one of the
     * conflict's sectors (one made for the whole front meets whole-front calms in its own sector).
     */
    boolean answerableByFrontCalm(ResolvedStatement s) {
        return s.getStatement().getClaim() == ClaimType.ACCUSATION && TimePairing.eligible(s) && conflict.hasSector(s.getSector());
    }

    /** Where the partners of {@code s} can be in the pairing store. */
    List<ScanRange> candidates(PairingCandidate s) {
        long t = s.getIncidentStart();
        List<ScanRange> ranges = new ArrayList<>();
        switch (s.getClaim()) {
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
    Relation relate(PairingCandidate a, PairingCandidate b) {
        ClaimType ca = a.getClaim();
        ClaimType cb = b.getClaim();
        if (ca != ClaimType.ACCUSATION && cb == ClaimType.ACCUSATION) {
            return relate(b, a);
        }
        if (ca != ClaimType.ACCUSATION) {
            return null;
        }
        boolean opposed = conflict.areOpposed(a.getIssuer(), b.getIssuer());
        boolean near = Math.abs(a.getIncidentStart() - b.getIncidentStart()) <= distance;
        return switch (cb) {
            case ACCUSATION -> opposed && near ? new Relation(ContradictionKind.MUTUAL_ACCUSATION, a, b, false) : null;
            case DENIAL -> opposed && near ? new Relation(ContradictionKind.ACCUSATION_DENIED, a, b, false) : null;
            case CALM -> opposed && calmCovers(b, a.getIncidentStart()) ? new Relation(ContradictionKind.ACCUSATION_VS_CALM, a, b, false) : null;
            case OBSERVATION -> near && observes(b, a) ? new Relation(null, a, b, true) : null;
            default -> null;
        };
    }

    /** A calm report speaks for [start, end] (end: start when absent, clipped to one horizon), widened by the distance. */
    private boolean calmCovers(PairingCandidate calm, long instant) {
        return instant >= calm.getIncidentStart() - distance && instant <= calmEnd(calm) + distance;
    }

    private long calmEnd(PairingCandidate calm) {
        long begin = calm.getIncidentStart();
        long end = calm.getIncidentEnd() == null ? begin : calm.getIncidentEnd();
        return Math.min(end, begin + horizon);
    }

    /** An observation naming an accused party corroborates only accusations against that party's side. */
    private boolean observes(PairingCandidate observation, PairingCandidate accusation) {
        String named = observation.getAccused();
        if (named == null || named.isEmpty()) {
            return true;
        }
        String sideNamed = conflict.sideOf(named).map(Side::id).orElse(null);
        String sideAccused = conflict.sideOf(accusation.getAccused()).map(Side::id).orElse(null);
        return Objects.equals(sideNamed, sideAccused);
    }
}
