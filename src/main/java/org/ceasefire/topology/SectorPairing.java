package org.ceasefire.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.ceasefire.avro.ClaimContradiction;
import org.ceasefire.avro.ClaimType;
import org.ceasefire.avro.internal.FrontCalm;
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
    private final KeyValueStore<String, FrontCalm> frontCalms;

    SectorPairing(PairingRules rules, Pairs pairs, KeyValueStore<String, ResolvedStatement> pairingStore,
                  KeyValueStore<String, FrontCalm> frontCalms) {
        this.rules = rules;
        this.pairs = pairs;
        this.pairingStore = pairingStore;
        this.frontCalms = frontCalms;
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
        if (rules.answerableByFrontCalm(statement)) {
            for (ResolvedStatement calm : frontCalmCandidates(statement)) {
                if (pairWithFrontCalm(view, calm, statement)) {
                    rememberSector(calm.getStatement().getStatementId(), view.sector());
                }
            }
            pairingStore.put(SectorKeys.pairing(SectorKeys.ALL_SECTORS, statement), statement);
        }
        pairingStore.put(SectorKeys.pairing(view.sector(), statement), statement);
    }

    /**
     * A whole-front calm report arrives at this task: it pairs with the accusations of this task's
     * sectors that it covers, each pair in the accusation's sector. {@code views} gives the view of a sector.
     */
    void addFrontCalm(ResolvedStatement calm, Function<String, SectorView> views) {
        String id = calm.getStatement().getStatementId();
        withdrawFrontCalm(id, views);
        SortedSet<String> sectors = new TreeSet<>();
        for (PairingRules.ScanRange range : rules.candidates(calm)) {
            for (ResolvedStatement accusation : scan(SectorKeys.ALL_SECTORS, range)) {
                if (pairWithFrontCalm(views.apply(accusation.getSector()), calm, accusation)) {
                    sectors.add(accusation.getSector());
                }
            }
        }
        frontCalms.put(id, new FrontCalm(calm, new ArrayList<>(sectors)));
        pairingStore.put(SectorKeys.pairing(SectorKeys.ALL_SECTORS, calm), calm);
    }

    /** Withdraws a whole-front calm report from every sector of this task where it has pairs. */
    void withdrawFrontCalm(String id, Function<String, SectorView> views) {
        FrontCalm held = frontCalms.get(id);
        if (held == null) {
            return;
        }
        pairingStore.delete(SectorKeys.pairing(SectorKeys.ALL_SECTORS, held.getStatement()));
        for (String sector : held.getSectors()) {
            withdraw(views.apply(sector), id);
        }
        frontCalms.delete(id);
    }

    /**
     * Forms the pair of a whole-front calm and an accusation of {@code view}'s sector when the calm covers it;
     * true when it did. The calm then takes part in this sector: the caller records the sector in its
     * {@link FrontCalm}, so that withdrawing the calm visits it.
     */
    private boolean pairWithFrontCalm(SectorView view, ResolvedStatement calm, ResolvedStatement accusation) {
        PairingRules.Relation relation = rules.relate(accusation, calm);
        if (relation == null) {
            return false;
        }
        view.statement(calm.getStatement().getStatementId()).setStatement(calm);
        link(view, relation);
        return true;
    }

    private void rememberSector(String calmId, String sector) {
        FrontCalm held = frontCalms.get(calmId);
        if (!held.getSectors().contains(sector)) {
            SectorView.setMember(held.getSectors(), sector, true);
            frontCalms.put(calmId, held);
        }
    }

    private List<ResolvedStatement> frontCalmCandidates(ResolvedStatement accusation) {
        List<ResolvedStatement> found = new ArrayList<>();
        for (PairingRules.ScanRange range : rules.candidates(accusation)) {
            if (range.claim() == ClaimType.CALM) {
                found.addAll(scan(SectorKeys.ALL_SECTORS, range));
            }
        }
        return found;
    }

    void withdraw(SectorView view, String id) {
        SectorStatement entry = view.statement(id);
        ResolvedStatement statement = entry.getStatement();
        if (statement == null) {
            return;
        }
        if (statement.getSector().equals(view.sector())) {
            // Not for a whole-front calm's presence in another sector: it is held task-wide.
            pairingStore.delete(SectorKeys.pairing(view.sector(), statement));
        }
        if (rules.answerableByFrontCalm(statement)) {
            pairingStore.delete(SectorKeys.pairing(SectorKeys.ALL_SECTORS, statement));
        }
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
            found.addAll(scan(sector, range));
        }
        return found;
    }

    private List<ResolvedStatement> scan(String sector, PairingRules.ScanRange range) {
        List<ResolvedStatement> found = new ArrayList<>();
        String prefix = SectorKeys.pairingPrefix(sector, range.claim());
        // The id part follows the time, so "|" + the last printable char closes the upper bound.
        try (KeyValueIterator<String, ResolvedStatement> it = pairingStore.range(
                prefix + SectorKeys.time(range.from()), prefix + SectorKeys.time(range.to()) + "|\uffff")) {
            while (it.hasNext()) {
                KeyValue<String, ResolvedStatement> next = it.next();
                if (next.value != null) {
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
