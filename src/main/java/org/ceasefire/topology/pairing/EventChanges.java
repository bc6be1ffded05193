package org.ceasefire.topology.pairing;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.ceasefire.avro.internal.ResolvedStatement;
import org.ceasefire.topology.tally.TallyChanges;

/** What one event changed in the sector stage: tally deltas, and the pairs whose published form may have changed. */
final class EventChanges {
    /** A pair of one sector. */
    record PairInSector(String sector, String pairId) {
    }

    private final TallyChanges tallies = new TallyChanges();
    /** Statements this event has in hand (scope|id → statement), so that publishing its pairs need not read them back. */
    private final Map<String, ResolvedStatement> inHand = new HashMap<>();
    private final Set<PairInSector> pairs = new LinkedHashSet<>();

    TallyChanges tallies() {
        return tallies;
    }

    void pairChanged(String sector, String pairId) {
        pairs.add(new PairInSector(sector, pairId));
    }

    void inHand(String key, ResolvedStatement statement) {
        inHand.put(key, statement);
    }

    ResolvedStatement inHand(String key) {
        return inHand.get(key);
    }

    Set<PairInSector> changedPairs() {
        return pairs;
    }
}
