package org.ceasefire.topology.tally;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/** The tally changes one event makes, summed per sector and day before they are applied to the stores. */
public final class TallyChanges {
    /** A sector's day. */
    public record SectorDay(String sector, LocalDate day) {
    }

    private final Map<SectorDay, TallyCounts> changes = new HashMap<>();

    /** The counts to add to {@code sector}'s tally of {@code day} (negative amounts subtract). */
    public TallyCounts at(String sector, LocalDate day) {
        return changes.computeIfAbsent(new SectorDay(sector, day), key -> new TallyCounts());
    }

    Map<SectorDay, TallyCounts> bySectorDay() {
        return changes;
    }
}
