package org.ceasefire.topology;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.kafka.streams.state.KeyValueStore;
import org.ceasefire.avro.ClaimContradiction;
import org.ceasefire.avro.internal.SectorPair;
import org.ceasefire.avro.internal.SectorStatement;

/**
 * One sector's statements and pairs while one event is processed: reads through to the stores,
 * remembers each entry as it was before the event, and writes back at the end. Comparing before and
 * after is how tallies and published pairs learn exactly what the event changed.
 */
final class SectorView {
    private final String sector;
    private final KeyValueStore<String, SectorStatement> statementStore;
    private final KeyValueStore<String, SectorPair> pairStore;
    private final Map<String, SectorStatement> statementsBefore = new HashMap<>();
    private final Map<String, SectorStatement> statements = new HashMap<>();
    private final Map<String, SectorPair> pairsBefore = new HashMap<>();
    private final Map<String, SectorPair> pairs = new HashMap<>();

    SectorView(String sector, KeyValueStore<String, SectorStatement> statementStore, KeyValueStore<String, SectorPair> pairStore) {
        this.sector = sector;
        this.statementStore = statementStore;
        this.pairStore = pairStore;
    }

    String sector() {
        return sector;
    }

    /** The statement entry, created empty when the sector does not know it yet. Mutations are kept until {@link #flush()}. */
    SectorStatement statement(String id) {
        if (!statements.containsKey(id)) {
            SectorStatement stored = statementStore.get(SectorKeys.member(sector, id));
            statementsBefore.put(id, stored == null ? null : copy(stored));
            statements.put(id, stored == null ? new SectorStatement(id, null, new ArrayList<>(), new ArrayList<>(), new ArrayList<>()) : copy(stored));
        }
        return statements.get(id);
    }

    SectorPair pair(String pairId) {
        if (!pairs.containsKey(pairId)) {
            SectorPair stored = pairStore.get(SectorKeys.member(sector, pairId));
            pairsBefore.put(pairId, stored == null ? null : SectorPair.newBuilder(stored).build());
            pairs.put(pairId, stored == null ? new SectorPair(pairId, null, null) : SectorPair.newBuilder(stored).build());
        }
        return pairs.get(pairId);
    }

    /** Keeps {@code id} in {@code list} (sorted, once) when {@code present}, else removes it. */
    static void setMember(List<String> list, String id, boolean present) {
        Set<String> members = new TreeSet<>(list);
        if (present) {
            members.add(id);
        } else {
            members.remove(id);
        }
        list.clear();
        list.addAll(members);
    }

    Set<String> touchedStatements() {
        return statements.keySet();
    }

    /** Pairs touched, plus every pair of a touched statement: their corroboration may have changed. */
    Set<String> affectedPairs() {
        Set<String> ids = new LinkedHashSet<>(pairs.keySet());
        for (String id : new ArrayList<>(statements.keySet())) {
            SectorStatement before = statementsBefore.get(id);
            if (before != null) {
                ids.addAll(before.getPairIds());
            }
            ids.addAll(statements.get(id).getPairIds());
        }
        return ids;
    }

    SectorStatement before(String id) {
        statement(id);
        return statementsBefore.get(id);
    }

    SectorStatement after(String id) {
        SectorStatement current = statement(id);
        return isEmpty(current) ? null : current;
    }

    /** The pair as published before the event, with the corroboration its accusations had then. */
    ClaimContradiction publishedBefore(String pairId) {
        pair(pairId);
        return published(pairsBefore.get(pairId), true);
    }

    ClaimContradiction publishedAfter(String pairId) {
        return published(pair(pairId), false);
    }

    private ClaimContradiction published(SectorPair entry, boolean before) {
        if (entry == null) {
            return null;
        }
        ClaimContradiction raw = entry.getReferredPair() != null ? entry.getReferredPair() : entry.getTimePair();
        if (raw == null) {
            return null;
        }
        List<String> corroborating = new ArrayList<>();
        for (String accusationId : Pairs.accusationIds(raw)) {
            SectorStatement accusation = before ? before(accusationId) : after(accusationId);
            if (accusation != null && accusation.getStatement() != null) {
                corroborating.addAll(accusation.getCorroboratedBy());
            }
        }
        return Pairs.withCorroboration(raw, corroborating);
    }

    /** Writes every changed entry back; entries with nothing left are deleted. */
    void flush() {
        statements.forEach((id, entry) -> {
            if (isEmpty(entry)) {
                if (statementsBefore.get(id) != null) {
                    statementStore.delete(SectorKeys.member(sector, id));
                }
            } else if (!entry.equals(statementsBefore.get(id))) {
                statementStore.put(SectorKeys.member(sector, id), entry);
            }
        });
        pairs.forEach((id, entry) -> {
            if (entry.getTimePair() == null && entry.getReferredPair() == null) {
                if (pairsBefore.get(id) != null) {
                    pairStore.delete(SectorKeys.member(sector, id));
                }
            } else if (!entry.equals(pairsBefore.get(id))) {
                pairStore.put(SectorKeys.member(sector, id), entry);
            }
        });
    }

    private static boolean isEmpty(SectorStatement entry) {
        return entry.getStatement() == null && entry.getPairIds().isEmpty() && entry.getCorroboratedBy().isEmpty()
                && entry.getCorroborates().isEmpty();
    }

    private static SectorStatement copy(SectorStatement entry) {
        return SectorStatement.newBuilder(entry)
                .setPairIds(new ArrayList<>(entry.getPairIds()))
                .setCorroboratedBy(new ArrayList<>(entry.getCorroboratedBy()))
                .setCorroborates(new ArrayList<>(entry.getCorroborates()))
                .build();
    }
}
