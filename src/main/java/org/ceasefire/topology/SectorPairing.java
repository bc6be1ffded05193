package org.ceasefire.topology;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.ceasefire.avro.ClaimContradiction;
import org.ceasefire.avro.internal.ResolvedStatement;
import org.ceasefire.avro.internal.SectorPair;
import org.ceasefire.avro.internal.SectorStatement;

/**
 * The membership changes of one sector: statements entering and leaving, time-based pairs and
 * corroborations formed and broken, refers_to pairs arriving from the reference stage. Everything is
 * recorded in the {@link SectorView}; tallies and outputs are derived from it afterwards.
 */
final class SectorPairing {
    private final PairingRules rules;
    private final Pairs pairs;
    private final KeyValueStore<String, ResolvedStatement> pairingStore;

    SectorPairing(PairingRules rules, Pairs pairs, KeyValueStore<String, ResolvedStatement> pairingStore) {
        this.rules = rules;
        this.pairs = pairs;
        this.pairingStore = pairingStore;
    }

    void add(SectorView view, ResolvedStatement statement) {
        String id = statement.getStatement().getStatementId();
        SectorStatement entry = view.statement(id);
        if (entry.getStatement() != null) {
            // Stage A always withdraws before it adds; this only guards against a replayed add.
            withdraw(view, id);
        }
        entry.setStatement(statement);
        if (!PairingRules.pairsByTime(statement)) {
            return;
        }
        for (ResolvedStatement candidate : candidates(view.sector(), statement)) {
            if (candidate.getStatement().getStatementId().equals(id)) {
                continue;
            }
            PairingRules.Relation relation = rules.relate(statement, candidate);
            if (relation != null) {
                link(view, relation);
            }
        }
        pairingStore.put(SectorKeys.pairing(view.sector(), statement), statement);
    }

    void withdraw(SectorView view, String id) {
        SectorStatement entry = view.statement(id);
        ResolvedStatement statement = entry.getStatement();
        if (statement == null) {
            return;
        }
        pairingStore.delete(SectorKeys.pairing(view.sector(), statement));
        for (String pairId : new ArrayList<>(entry.getPairIds())) {
            SectorPair pair = view.pair(pairId);
            if (pair.getTimePair() != null) {
                ClaimContradiction broken = pair.getTimePair();
                pair.setTimePair(null);
                syncMembers(view, pair, broken);
            }
        }
        for (String observationId : new ArrayList<>(entry.getCorroboratedBy())) {
            corroborate(view, observationId, id, false);
        }
        for (String accusationId : new ArrayList<>(entry.getCorroborates())) {
            corroborate(view, id, accusationId, false);
        }
        entry.setStatement(null);
    }

    void addReferred(SectorView view, ClaimContradiction pair) {
        SectorPair entry = view.pair(pair.getPairId());
        ClaimContradiction previous = entry.getReferredPair();
        entry.setReferredPair(pair);
        if (previous != null) {
            syncMembers(view, entry, previous);
        }
        syncMembers(view, entry, pair);
    }

    void withdrawReferred(SectorView view, ClaimContradiction pair) {
        SectorPair entry = view.pair(pair.getPairId());
        entry.setReferredPair(null);
        syncMembers(view, entry, pair);
    }

    private List<ResolvedStatement> candidates(String sector, ResolvedStatement statement) {
        List<ResolvedStatement> found = new ArrayList<>();
        for (PairingRules.ScanRange range : rules.candidates(statement)) {
            String prefix = SectorKeys.pairingPrefix(sector, range.claim());
            // The id part follows the time, so "|" + the last printable char closes the upper bound.
            try (KeyValueIterator<String, ResolvedStatement> it = pairingStore.range(
                    prefix + SectorKeys.time(range.from()), prefix + SectorKeys.time(range.to()) + "|\uffff")) {
                while (it.hasNext()) {
                    KeyValue<String, ResolvedStatement> next = it.next();
                    found.add(next.value);
                }
            }
        }
        return found;
    }

    private void link(SectorView view, PairingRules.Relation relation) {
        String accusationId = relation.accusation().getStatement().getStatementId();
        String otherId = relation.other().getStatement().getStatementId();
        if (relation.corroboration()) {
            corroborate(view, otherId, accusationId, true);
            return;
        }
        ClaimContradiction pair = pairs.pair(relation.kind(), view.sector(), relation.accusation(), relation.other());
        SectorPair entry = view.pair(pair.getPairId());
        entry.setTimePair(pair);
        syncMembers(view, entry, pair);
    }

    private static void corroborate(SectorView view, String observationId, String accusationId, boolean present) {
        SectorView.setMember(view.statement(accusationId).getCorroboratedBy(), observationId, present);
        SectorView.setMember(view.statement(observationId).getCorroborates(), accusationId, present);
    }

    /**
     * Makes the pair lists of the statements of {@code pair} agree with {@code entry}: a statement belongs
     * to the pair while the time pair names it or the refers_to pair names it as the accusation (only the
     * accusation's answered state matters in this sector; the denial may be tallied elsewhere).
     */
    private static void syncMembers(SectorView view, SectorPair entry, ClaimContradiction pair) {
        for (String id : List.of(pair.getSideOne().getStatementId(), pair.getSideTwo().getStatementId())) {
            boolean inTime = entry.getTimePair() != null && names(entry.getTimePair(), id);
            boolean inReferred = entry.getReferredPair() != null && Pairs.accusationIds(entry.getReferredPair()).contains(id);
            List<String> pairIds = view.statement(id).getPairIds();
            SectorView.setMember(pairIds, entry.getPairId(), inTime || inReferred);
        }
    }

    private static boolean names(ClaimContradiction pair, String id) {
        return pair.getSideOne().getStatementId().equals(id) || pair.getSideTwo().getStatementId().equals(id);
    }

    /**
     * Removes statements the log appended before {@code cutoff} from the pairing store: state stays bounded.
     * Log time, not incident time, decides, so a history back-filled years after the incidents still
     * pairs, and partitions read at different speeds do not evict each other's candidates early.
     */
    void evictBefore(long cutoff) {
        List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, ResolvedStatement> it = pairingStore.all()) {
            while (it.hasNext()) {
                KeyValue<String, ResolvedStatement> next = it.next();
                if (next.value.getLogTimestamp() < cutoff) {
                    expired.add(next.key);
                }
            }
        }
        expired.forEach(pairingStore::delete);
    }
}
