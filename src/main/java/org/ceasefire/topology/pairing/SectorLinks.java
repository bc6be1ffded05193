package org.ceasefire.topology.pairing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.ceasefire.avro.ClaimContradiction;
import org.ceasefire.avro.ClaimType;
import org.ceasefire.avro.ContradictionKind;
import org.ceasefire.avro.StatementRef;
import org.ceasefire.avro.internal.AccusationLinks;
import org.ceasefire.avro.internal.SectorPair;
import org.ceasefire.topology.Pairs;
import org.ceasefire.topology.SectorKeys;
import org.ceasefire.topology.tally.Contributions;
import org.ceasefire.topology.tally.TallyDays;

/**
 * The pairs of the sector stage and what links statements to them, each a small row of its own, so
 * that a new pair writes a few rows and never rewrites what its statements already had:
 * <ul>
 *   <li>pairs: {@code sector|pair_id} → {@link SectorPair} (ids, kind, formed by time and/or refers_to, corroborated);</li>
 *   <li>members: {@code scope|statement_id|pair_id} → the pair's sector: the pairs a statement is part of
 *       (the scope is the sector, or task-wide for a whole-front calm report);</li>
 *   <li>corroborations: {@code sector|accusation|<|observation} and {@code sector|observation|>|accusation};</li>
 *   <li>accusation links: {@code sector|accusation} → {@link AccusationLinks}, the counts that decide whether
 *       an accusation is tallied as unanswered (and as corroborated).</li>
 * </ul>
 * Every change records its tally delta and the pairs to publish again in the event's {@link EventChanges}.
 */
final class SectorLinks {
    private static final String CORROBORATED_BY = SectorKeys.SEPARATOR + "<" + SectorKeys.SEPARATOR;
    private static final String CORROBORATES = SectorKeys.SEPARATOR + ">" + SectorKeys.SEPARATOR;

    /** A statement's membership in a pair; accusations' memberships are counted in their links. */
    private record Member(String scope, String statementId, boolean accusation) {
    }

    /** A pair a statement is a member of. */
    record Membership(String pairSector, String pairId) {
    }

    private final EventRows<SectorPair> pairs;
    private final KeyValueStore<String, String> members;
    private final KeyValueStore<String, String> corroborations;
    private final EventRows<AccusationLinks> links;
    private final TallyDays days;

    SectorLinks(KeyValueStore<String, SectorPair> pairs, KeyValueStore<String, String> members,
                KeyValueStore<String, String> corroborations, KeyValueStore<String, AccusationLinks> links, TallyDays days) {
        this.days = days;
        this.pairs = new EventRows<>(pairs);
        this.members = members;
        this.corroborations = corroborations;
        this.links = new EventRows<>(links);
    }

    /** Called before each event, so that what an event remembers of the rows stays one event's worth. */
    void beginEvent() {
        pairs.clear();
        links.clear();
    }

    SectorPair pair(String sector, String pairId) {
        return pairs.get(SectorKeys.member(sector, pairId));
    }

    /** A time pair formed in {@code sector}; {@code otherTaskWide} when the other statement is a whole-front calm. */
    void addTimePair(String sector, PairingRules.Relation relation, boolean otherTaskWide, EventChanges changes) {
        String accusationId = relation.accusation().getStatementId();
        String otherId = relation.other().getStatementId();
        String pairId = Pairs.pairId(accusationId, otherId);
        SectorPair before = pair(sector, pairId);
        if (before != null && before.getTimePair()) {
            return;
        }
        long start = Math.min(relation.accusation().getIncidentStart(), relation.other().getIncidentStart());
        SectorPair after = (before == null ? SectorPair.newBuilder().setPairId(pairId).setReferredPair(null) : SectorPair.newBuilder(before))
                .setKind(relation.kind())
                .setIncidentStart(start)
                .setAccusationId(accusationId)
                .setOtherId(otherId)
                .setOtherFrontWide(otherTaskWide)
                .setTimePair(true)
                .setCorroborated(false)
                .build();
        replace(sector, before, after, changes);
    }

    void removeTimePair(String sector, String pairId, EventChanges changes) {
        SectorPair before = pair(sector, pairId);
        if (before == null || !before.getTimePair()) {
            return;
        }
        SectorPair after = before.getReferredPair() == null ? null : SectorPair.newBuilder(before).setTimePair(false).build();
        replace(sector, before, after, changes);
    }

    /** Sets (or, for null, removes) the refers_to form of a pair, as the reference stage built it. */
    void setReferred(String sector, String pairId, ClaimContradiction referred, EventChanges changes) {
        SectorPair before = pair(sector, pairId);
        SectorPair after;
        if (referred == null) {
            if (before == null || before.getReferredPair() == null) {
                return;
            }
            after = before.getTimePair() ? SectorPair.newBuilder(before).setReferredPair(null).build() : null;
        } else if (before == null) {
            StatementRef accusation = referred.getSideOne().getClaim() == ClaimType.ACCUSATION ? referred.getSideOne() : referred.getSideTwo();
            StatementRef other = accusation == referred.getSideOne() ? referred.getSideTwo() : referred.getSideOne();
            after = new SectorPair(pairId, referred.getKind(), referred.getIncidentStart().toEpochMilli(), accusation.getStatementId(),
                    other.getStatementId(), false, false, referred, false);
        } else {
            after = SectorPair.newBuilder(before).setReferredPair(referred).build();
        }
        replace(sector, before, after, changes);
    }

    /** The pairs {@code statementId} is a member of in {@code scope}. */
    List<Membership> memberships(String scope, String statementId) {
        String prefix = SectorKeys.member(scope, statementId) + SectorKeys.SEPARATOR;
        List<Membership> found = new ArrayList<>();
        try (KeyValueIterator<String, String> it = members.range(prefix, prefix + "\uffff")) {
            while (it.hasNext()) {
                KeyValue<String, String> next = it.next();
                if (next.value != null) {
                    found.add(new Membership(next.value, next.key.substring(prefix.length())));
                }
            }
        }
        return found;
    }

    /** Links or unlinks an observation corroborating an accusation; the accusation's pairs are published again. */
    void corroborate(String sector, String observationId, String accusationId, boolean present, EventChanges changes) {
        String forward = SectorKeys.member(sector, accusationId) + CORROBORATED_BY + observationId;
        if ((corroborations.get(forward) != null) == present) {
            return;
        }
        String backward = SectorKeys.member(sector, observationId) + CORROBORATES + accusationId;
        if (present) {
            corroborations.put(forward, observationId);
            corroborations.put(backward, accusationId);
        } else {
            corroborations.delete(forward);
            corroborations.delete(backward);
        }
        updateLinks(sector, accusationId, l -> l.setCorroborators(l.getCorroborators() + (present ? 1 : -1)), changes);
        for (Membership membership : memberships(sector, accusationId)) {
            refreshCorroboration(membership.pairSector(), membership.pairId(), changes);
        }
    }

    /** Unlinks every corroboration of a statement that leaves the sector. */
    void withdrawCorroborations(String sector, String statementId, ClaimType claim, EventChanges changes) {
        if (claim == ClaimType.ACCUSATION) {
            for (String observationId : linked(sector, statementId, CORROBORATED_BY)) {
                corroborate(sector, observationId, statementId, false, changes);
            }
        } else if (claim == ClaimType.OBSERVATION) {
            for (String accusationId : linked(sector, statementId, CORROBORATES)) {
                corroborate(sector, statementId, accusationId, false, changes);
            }
        }
    }

    /** The observations corroborating an accusation of {@code sector}, in id order. */
    List<String> corroboratorsOf(String sector, String accusationId) {
        return linked(sector, accusationId, CORROBORATED_BY);
    }

    /** Marks an accusation active in {@code sector} on {@code day}, or (null) no longer active. */
    void setActive(String sector, String accusationId, LocalDate day, EventChanges changes) {
        updateLinks(sector, accusationId, l -> l.setActiveDay(day == null ? null : (int) day.toEpochDay()), changes);
    }

    /** The ids of the accusations of a pair (one, or two for a mutual accusation). */
    static List<String> accusationIds(SectorPair pair) {
        if (pair.getReferredPair() != null) {
            return Pairs.accusationIds(pair.getReferredPair());
        }
        return pair.getKind() == ContradictionKind.MUTUAL_ACCUSATION ? List.of(pair.getAccusationId(), pair.getOtherId())
                : List.of(pair.getAccusationId());
    }

    private List<String> linked(String sector, String statementId, String direction) {
        String prefix = SectorKeys.member(sector, statementId) + direction;
        List<String> ids = new ArrayList<>();
        try (KeyValueIterator<String, String> it = corroborations.range(prefix, prefix + "\uffff")) {
            while (it.hasNext()) {
                KeyValue<String, String> next = it.next();
                if (next.value != null) {
                    ids.add(next.value);
                }
            }
        }
        return ids;
    }

    /**
     * Replaces a pair row and brings everything that depends on it along: memberships and their counts,
     * the corroborated flag, the tally of the pair's day, and the pair's place in the output.
     */
    private void replace(String sector, SectorPair before, SectorPair after, EventChanges changes) {
        String pairId = before != null ? before.getPairId() : after.getPairId();
        Set<Member> was = members(sector, before);
        Set<Member> now = members(sector, after);
        for (Member member : was) {
            if (!now.contains(member)) {
                members.delete(SectorKeys.member(member.scope(), member.statementId()) + SectorKeys.SEPARATOR + pairId);
                if (member.accusation()) {
                    updateLinks(sector, member.statementId(), l -> l.setPairs(l.getPairs() - 1), changes);
                }
            }
        }
        for (Member member : now) {
            if (!was.contains(member)) {
                members.put(SectorKeys.member(member.scope(), member.statementId()) + SectorKeys.SEPARATOR + pairId, sector);
                if (member.accusation()) {
                    updateLinks(sector, member.statementId(), l -> l.setPairs(l.getPairs() + 1), changes);
                }
            }
        }
        if (after == null) {
            pairs.delete(SectorKeys.member(sector, pairId));
        } else {
            after.setCorroborated(corroborated(sector, after));
            pairs.put(SectorKeys.member(sector, pairId), after);
        }
        if (before != null) {
            Contributions.pair(before, changes.tallies().at(sector, days.of(before)), -1);
        }
        if (after != null) {
            Contributions.pair(after, changes.tallies().at(sector, days.of(after)), 1);
        }
        changes.pairChanged(sector, pairId);
    }

    private void refreshCorroboration(String sector, String pairId, EventChanges changes) {
        SectorPair row = pair(sector, pairId);
        if (row == null) {
            return;
        }
        boolean corroborated = corroborated(sector, row);
        if (corroborated != row.getCorroborated()) {
            Contributions.pair(row, changes.tallies().at(sector, days.of(row)), -1);
            row.setCorroborated(corroborated);
            Contributions.pair(row, changes.tallies().at(sector, days.of(row)), 1);
            pairs.put(SectorKeys.member(sector, pairId), row);
        }
        // Its list of corroborating observations has changed either way.
        changes.pairChanged(sector, pairId);
    }

    /** A pair is corroborated when an observation corroborates any of its accusations. */
    private boolean corroborated(String sector, SectorPair pair) {
        for (String accusationId : accusationIds(pair)) {
            AccusationLinks l = links.get(SectorKeys.member(sector, accusationId));
            if (l != null && l.getCorroborators() > 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Who belongs to a pair: both statements of a time pair, and the accusation(s) of a refers_to pair
     * (only the accusation's answered state matters here; the denial may be tallied in another sector).
     */
    private static Set<Member> members(String sector, SectorPair pair) {
        Set<Member> result = new LinkedHashSet<>();
        if (pair == null) {
            return result;
        }
        if (pair.getTimePair()) {
            result.add(new Member(sector, pair.getAccusationId(), true));
            String otherScope = pair.getOtherFrontWide() ? PairingCandidates.TASK_WIDE : sector;
            result.add(new Member(otherScope, pair.getOtherId(), pair.getKind() == ContradictionKind.MUTUAL_ACCUSATION));
        }
        if (pair.getReferredPair() != null) {
            for (String accusationId : Pairs.accusationIds(pair.getReferredPair())) {
                result.add(new Member(sector, accusationId, true));
            }
        }
        return result;
    }

    /** Applies {@code change} to an accusation's links and records what that changes in its tally. */
    private void updateLinks(String sector, String accusationId, Consumer<AccusationLinks> change, EventChanges changes) {
        String key = SectorKeys.member(sector, accusationId);
        AccusationLinks before = links.get(key);
        AccusationLinks after = before == null ? new AccusationLinks(0, 0, null) : AccusationLinks.newBuilder(before).build();
        change.accept(after);
        if (after.equals(before)) {
            return;
        }
        if (before != null && before.getActiveDay() != null) {
            Contributions.accusation(before, changes.tallies().at(sector, LocalDate.ofEpochDay(before.getActiveDay())), -1);
        }
        if (after.getActiveDay() != null) {
            Contributions.accusation(after, changes.tallies().at(sector, LocalDate.ofEpochDay(after.getActiveDay())), 1);
        }
        if (after.getPairs() == 0 && after.getCorroborators() == 0 && after.getActiveDay() == null) {
            links.delete(key);
        } else {
            links.put(key, after);
        }
    }
}
