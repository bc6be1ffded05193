package org.ceasefire.conflict;

import java.time.LocalDate;
import java.util.List;

/**
 * Part of an issuer's area of responsibility: the sectors it speaks for (a party) or observes (a
 * monitor's mandate) over a period. {@code from} is the first day, {@code until} the first day after;
 * either may be null. {@code source} says where the sectors and dates come from.
 */
public record Area(List<String> sectors, LocalDate from, LocalDate until, String source) {
    public Area {
        sectors = List.copyOf(sectors);
        if (from != null && until != null && !until.isAfter(from)) {
            throw new IllegalArgumentException("area " + sectors + ": until " + until + " is not after from " + from);
        }
    }

    /** True when {@code sector} is part of this area on {@code day}. */
    public boolean covers(String sector, LocalDate day) {
        return (from == null || !day.isBefore(from)) && (until == null || day.isBefore(until)) && sectors.contains(sector);
    }
}
