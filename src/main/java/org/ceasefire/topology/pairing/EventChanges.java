package org.ceasefire.topology.pairing;

import java.util.LinkedHashSet;
import java.util.Set;

import org.ceasefire.topology.tally.TallyChanges;

/** What one event changed in the sector stage: tally deltas, and the pairs whose published form may have changed. */
final class EventChanges {
    /** A pair of one sector. */
    record PairInSector(String sector, String pairId) {
    }

    private final TallyChanges tallies = new TallyChanges();
    private final Set<PairInSector> pairs = new LinkedHashSet<>();

    TallyChanges tallies() {
        return tallies;
    }

    void pairChanged(String sector, String pairId) {
        pairs.add(new PairInSector(sector, pairId));
    }

    Set<PairInSector> changedPairs() {
        return pairs;
    }
}
