package org.ceasefire.topology;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.ceasefire.avro.Casualty;
import org.ceasefire.avro.ClaimContradiction;
import org.ceasefire.avro.MinistryStatement;
import org.ceasefire.avro.internal.SectorStatement;

/**
 * What one statement or one pair adds to its sector's tally of one day. A tally is the sum of the
 * contributions of the active statements and pairs, so a change subtracts the old contribution and
 * adds the new one: revisions, retractions and duplicates can never be counted twice.
 */
final class Contributions {
    /** A contribution to the tally of {@code day}. */
    record Contribution(LocalDate day, TallyCounts counts) {
    }

    private Contributions() {
    }

    static LocalDate day(Instant instant) {
        return instant.atZone(ZoneOffset.UTC).toLocalDate();
    }

    /** The statement's contribution, or null when it is not tallied in {@code sector} (withdrawn, or a broadcast copy). */
    static Contribution of(SectorStatement entry, String sector) {
        if (entry == null || entry.getStatement() == null || !sector.equals(entry.getStatement().getSector())) {
            return null;
        }
        MinistryStatement s = entry.getStatement().getStatement();
        String issuer = s.getIssuer();
        TallyCounts counts = new TallyCounts();
        counts.add(TallyCounts.STATEMENTS, issuer, 1);
        switch (s.getClaim()) {
            case ACCUSATION -> {
                counts.add(TallyCounts.ACCUSATIONS, issuer, 1);
                boolean unanswered = entry.getPairIds().isEmpty();
                if (unanswered) {
                    counts.addUnanswered(1);
                    // A paired accusation's corroboration is counted on its pairs instead.
                    counts.addCorroborations(entry.getCorroboratedBy().isEmpty() ? 0 : 1);
                }
            }
            case DENIAL -> counts.add(TallyCounts.DENIALS, issuer, 1);
            case CALM -> counts.add(TallyCounts.CALM_REPORTS, issuer, 1);
            case OBSERVATION -> counts.add(TallyCounts.OBSERVATIONS, issuer, 1);
            default -> { }
        }
        for (Casualty casualty : s.getCasualties()) {
            String key = issuer + ">" + casualty.getParty();
            counts.add(TallyCounts.KILLED, key, casualty.getKilled());
            counts.add(TallyCounts.WOUNDED, key, casualty.getWounded());
            if (casualty.getCivilian()) {
                counts.add(TallyCounts.CIVILIAN, key, casualty.getKilled() + casualty.getWounded());
            }
        }
        return new Contribution(day(s.getIncidentStart()), counts);
    }

    /** A published pair's contribution, on the day of its (earlier) incident_start; null for no pair. */
    static Contribution of(ClaimContradiction pair) {
        if (pair == null) {
            return null;
        }
        TallyCounts counts = new TallyCounts();
        counts.add(TallyCounts.CONTRADICTIONS, pair.getKind().name(), 1);
        counts.addCorroborations(pair.getCorroborated() ? 1 : 0);
        return new Contribution(day(pair.getIncidentStart()), counts);
    }
}
