package org.ceasefire.topology.tally;

import java.time.Instant;
import java.time.LocalDate;

import org.ceasefire.avro.ClaimContradiction;
import org.ceasefire.avro.internal.SectorPair;
import org.ceasefire.conflict.LocalDays;

/**
 * The day a contribution is tallied on, in the conflict's own time zone: a statement's is the local day of
 * its {@code incident_start}, a pair's that of the earlier incident_start of the pair as published.
 */
public final class TallyDays {
    private final LocalDays calendar;

    public TallyDays(LocalDays calendar) {
        this.calendar = calendar;
    }

    /** The local day of an incident that began at {@code incidentStart}. */
    public LocalDate of(Instant incidentStart) {
        return calendar.day(incidentStart);
    }

    /** The local day a pair is tallied on. */
    public LocalDate of(SectorPair pair) {
        ClaimContradiction referred = pair.getReferredPair();
        return calendar.day(referred != null ? referred.getIncidentStart().toEpochMilli() : pair.getIncidentStart());
    }
}
