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
 * <p>
 * An incident is the period from incident_start to incident_end (the instant when there is no end),
 * taken as at most one horizon long. Two periods are within the pairing distance when the gap between
 * them is (overlapping periods: a gap of 0).
 */
final class PairingRules {
    /** A relation found: a contradiction of some kind, or an observation corroborating an accusation. */
    record Relation(ContradictionKind kind, PairingCandidate accusation, PairingCandidate other, boolean corroboration) {
    }

    /**
     * Candidates are kept in two classes by the length of their period: {@code SHORT} (at most the pairing
     * distance, nearly all of them) and {@code LONG} (up to one horizon). The pairing store is indexed by
     * incident_start, so a scan must reach back by the longest period a partner may have: the tight bound
     * for the many short ones, the horizon only for the few long ones.
     */
    enum Length {
        SHORT, LONG
    }

    /** A range of the pairing store to scan: statements of one claim type and length class whose incident_start lies in [from, to]. */
    record ScanRange(ClaimType claim, Length length, long from, long to) {
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

    /**
     * Whether {@code s} can relate to anything in its own sector: a calm report or an observation placed
     * outside its issuer's area that day cannot, and is then not kept as a candidate at all.
     */
    boolean withinArea(PairingCandidate s) {
        ClaimType claim = s.getClaim();
        if (claim != ClaimType.CALM && claim != ClaimType.OBSERVATION) {
            return true;
        }
        return TimePairing.speaksFor(conflict, s.getIssuer(), s.getSector(), s.getIncidentStart());
    }

    /** The length class {@code s} is stored in. */
    Length length(PairingCandidate s) {
        return end(s) - s.getIncidentStart() > distance ? Length.LONG : Length.SHORT;
    }

    /** Where the partners of {@code s} can be in the pairing store (a partner of class c starts at most longest(c) before its end). */
    List<ScanRange> candidates(PairingCandidate s) {
        long start = s.getIncidentStart();
        long end = end(s);
        List<ScanRange> ranges = new ArrayList<>();
        for (Length length : Length.values()) {
            long reach = longest(length);
            switch (s.getClaim()) {
                case ACCUSATION -> {
                    ranges.add(new ScanRange(ClaimType.ACCUSATION, length, start - distance - reach, end + distance));
                    // Both denial rules (period covering the accusation, or an instant within the distance) lie inside this range.
                    ranges.add(new ScanRange(ClaimType.DENIAL, length, start - distance - reach, end + distance));
                    ranges.add(new ScanRange(ClaimType.CALM, length, start - reach, end));
                    ranges.add(new ScanRange(ClaimType.OBSERVATION, length, start - distance - reach, end + distance));
                }
                case DENIAL -> ranges.add(hasPeriod(s)
                        ? new ScanRange(ClaimType.ACCUSATION, length, start, end)
                        : new ScanRange(ClaimType.ACCUSATION, length, start - distance - reach, start + distance));
                case OBSERVATION -> ranges.add(new ScanRange(ClaimType.ACCUSATION, length, start - distance - reach, end + distance));
                case CALM -> ranges.add(new ScanRange(ClaimType.ACCUSATION, length, start - reach, end));
                default -> { }
            }
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
        return switch (cb) {
            case ACCUSATION -> opposed && gap(a, b) <= distance ? new Relation(ContradictionKind.MUTUAL_ACCUSATION, a, b, false) : null;
            case DENIAL -> opposed && denies(b, a) ? new Relation(ContradictionKind.ACCUSATION_DENIED, a, b, false) : null;
            case CALM -> opposed && calmCovers(b, a) ? new Relation(ContradictionKind.ACCUSATION_VS_CALM, a, b, false) : null;
            case OBSERVATION -> gap(a, b) <= distance && observes(b, a) ? new Relation(null, a, b, true) : null;
            default -> null;
        };
    }

    /** A denial with a period answers the accusations inside it; one without, those within the distance of its instant. */
    private boolean denies(PairingCandidate denial, PairingCandidate accusation) {
        if (hasPeriod(denial)) {
            return denial.getIncidentStart() <= accusation.getIncidentStart() && end(accusation) <= end(denial);
        }
        return gap(denial, accusation) <= distance;
    }

    /**
     * A calm report speaks for its own period, no more (a calm without incident_end: its start instant), and
     * only for its issuer's area on its day; the accusation's period must meet it. The sector is the
     * accusation's: a whole-front calm is related to the accusations of every sector.
     */
    private boolean calmCovers(PairingCandidate calm, PairingCandidate accusation) {
        return gap(calm, accusation) == 0
                && TimePairing.speaksFor(conflict, calm.getIssuer(), accusation.getSector(), calm.getIncidentStart());
    }

    /**
     * An observation corroborates only inside its monitor's mandate (sector and day), and when it names an
     * accused party, only accusations against that party's side.
     */
    private boolean observes(PairingCandidate observation, PairingCandidate accusation) {
        if (!TimePairing.speaksFor(conflict, observation.getIssuer(), accusation.getSector(), observation.getIncidentStart())) {
            return false;
        }
        String named = observation.getAccused();
        if (named == null || named.isEmpty()) {
            return true;
        }
        String sideNamed = conflict.sideOf(named).map(Side::id).orElse(null);
        String sideAccused = conflict.sideOf(accusation.getAccused()).map(Side::id).orElse(null);
        return Objects.equals(sideNamed, sideAccused);
    }

    /** The time between two periods; 0 when they overlap or touch. */
    private long gap(PairingCandidate a, PairingCandidate b) {
        return Math.max(0L, Math.max(a.getIncidentStart(), b.getIncidentStart()) - Math.min(end(a), end(b)));
    }

    /** The end of a statement's period: its start when it has none, and at most one horizon after its start. */
    long end(PairingCandidate s) {
        long start = s.getIncidentStart();
        Long end = s.getIncidentEnd();
        return end == null ? start : Math.max(start, Math.min(end, start + horizon));
    }

    private static boolean hasPeriod(PairingCandidate s) {
        return s.getIncidentEnd() != null;
    }

    /** The longest period a candidate of {@code length} can have. */
    private long longest(Length length) {
        return length == Length.SHORT ? Math.min(distance, horizon) : horizon;
    }
}
