package org.ceasefire.topology.updates;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.ceasefire.avro.internal.CasualtyNode;
import org.ceasefire.avro.internal.CasualtySupersession;
import org.ceasefire.topology.SectorKeys;

/**
 * The chains of casualty updates of one issuer ("105 killed" updates "49 killed", which updated "12 killed"),
 * and which statement's figures count in each. The rules, which look at the statements alone so that the
 * result is the same in any arrival order:
 * <ul>
 *   <li>U updates T when U names T in {@code updates}, T is a statement of the same issuer (the stage is
 *       keyed by issuer, so another issuer's statement is never found) and U was published after T; any
 *       other {@code updates} is ignored, and U's own figures count;</li>
 *   <li>a statement is <em>live</em> when it is active, or when a live statement updates it: a retracted
 *       link in the middle of a chain still passes the update on, so the latest figure is counted once;</li>
 *   <li>a statement's figures are replaced when a live statement updates it; they are replaced by the chain's
 *       latest figure: follow the live update published last (the larger id on a tie) until a statement that
 *       nothing live updates;</li>
 *   <li>an update naming an id not (yet) known changes nothing until that statement arrives.</li>
 * </ul>
 * Stores: nodes {@code issuer|id} → {@link CasualtyNode}; updaters {@code issuer|target|updater} → updater id.
 */
final class CasualtyChains {
    /** A change to send to one sector. */
    record SectorChange(String sector, CasualtySupersession supersession) {
    }

    /** A bound on the chain walked per change, so a malformed history cannot stall a task. */
    private static final int MAX_CHAIN = 10_000;

    private final KeyValueStore<String, CasualtyNode> nodes;
    private final KeyValueStore<String, String> updaters;

    CasualtyChains(KeyValueStore<String, CasualtyNode> nodes, KeyValueStore<String, String> updaters) {
        this.nodes = nodes;
        this.updaters = updaters;
    }

    /** Applies the new state of one statement ({@code received}) and returns what every affected sector must learn. */
    List<SectorChange> apply(CasualtyNode received) {
        String issuer = received.getIssuer();
        String id = received.getStatementId();
        CasualtyNode before = nodes.get(key(issuer, id));
        if (before != null && !Objects.equals(before.getUpdates(), received.getUpdates()) && before.getUpdates() != null) {
            updaters.delete(key(issuer, before.getUpdates()) + SectorKeys.SEPARATOR + id);
        }
        if (received.getUpdates() != null) {
            updaters.put(key(issuer, received.getUpdates()) + SectorKeys.SEPARATOR + id, id);
        }
        CasualtyNode node = CasualtyNode.newBuilder(received)
                .setLive(false).setSupersededBy(null).setLatestCasualties(new ArrayList<>())
                .setEmittedSectors(before == null ? new ArrayList<>() : new ArrayList<>(before.getEmittedSectors()))
                .build();
        List<SectorChange> changes = new ArrayList<>();
        // The statement itself, then each statement it updates, through the chain: only they can change.
        Set<String> seen = new HashSet<>();
        String previousTarget = before == null ? null : before.getUpdates();
        CasualtyNode current = node;
        boolean first = true;
        while (current != null && seen.add(current.getStatementId()) && seen.size() <= MAX_CHAIN) {
            CasualtyNode old = first ? before : nodes.get(key(issuer, current.getStatementId()));
            CasualtyNode computed = compute(current);
            changes.addAll(sectorChanges(old, computed));
            store(computed);
            first = false;
            current = computed.getUpdates() == null ? null : nodes.get(key(issuer, computed.getUpdates()));
        }
        // A statement that stopped naming an earlier one: that earlier chain may count its own figures again.
        if (previousTarget != null && !previousTarget.equals(received.getUpdates())) {
            CasualtyNode target = nodes.get(key(issuer, previousTarget));
            Set<String> seenOld = new HashSet<>();
            while (target != null && seenOld.add(target.getStatementId()) && seenOld.size() <= MAX_CHAIN) {
                CasualtyNode computed = compute(target);
                changes.addAll(sectorChanges(target, computed));
                store(computed);
                target = computed.getUpdates() == null ? null : nodes.get(key(issuer, computed.getUpdates()));
            }
        }
        return changes;
    }

    /** The node with live, superseded_by and latest figures recomputed from the stored state of its updaters. */
    private CasualtyNode compute(CasualtyNode node) {
        CasualtyNode latest = null;
        for (CasualtyNode updater : liveUpdaters(node)) {
            if (latest == null || updater.getPublishedAt() > latest.getPublishedAt()
                    || (updater.getPublishedAt() == latest.getPublishedAt() && updater.getStatementId().compareTo(latest.getStatementId()) > 0)) {
                latest = updater;
            }
        }
        CasualtyNode.Builder computed = CasualtyNode.newBuilder(node).setLive(node.getActive() || latest != null);
        if (latest == null) {
            return computed.setSupersededBy(null).setLatestCasualties(new ArrayList<>()).build();
        }
        // The latest updater's own conclusion says where its chain ends; if its figures count, it is the end.
        boolean latestCounts = latest.getSupersededBy() == null;
        return computed
                .setSupersededBy(latestCounts ? latest.getStatementId() : latest.getSupersededBy())
                .setLatestCasualties(new ArrayList<>(latestCounts ? latest.getCasualties() : latest.getLatestCasualties()))
                .build();
    }

    private List<CasualtyNode> liveUpdaters(CasualtyNode node) {
        List<CasualtyNode> live = new ArrayList<>();
        String prefix = key(node.getIssuer(), node.getStatementId()) + SectorKeys.SEPARATOR;
        try (KeyValueIterator<String, String> it = updaters.range(prefix, prefix + Character.MAX_VALUE)) {
            while (it.hasNext()) {
                KeyValue<String, String> entry = it.next();
                if (entry.value == null) {
                    continue;
                }
                CasualtyNode updater = nodes.get(key(node.getIssuer(), entry.value));
                if (updater != null && updater.getLive() && node.getStatementId().equals(updater.getUpdates())
                        && updater.getPublishedAt() > node.getPublishedAt()) {
                    live.add(updater);
                }
            }
        }
        return live;
    }

    /** What the sectors must learn: a replaced statement's new state where it is, a clearance where it no longer is. */
    private static List<SectorChange> sectorChanges(CasualtyNode before, CasualtyNode after) {
        List<SectorChange> changes = new ArrayList<>();
        // Only an active statement is tallied anywhere; a retracted one (or one that left the issuer's chains)
        // still passes an update on, but has nothing to replace.
        Set<String> now = !after.getActive() || after.getSupersededBy() == null ? Set.of() : new LinkedHashSet<>(after.getSectors());
        boolean sameState = before != null && before.getActive() == after.getActive() && Objects.equals(before.getSupersededBy(), after.getSupersededBy())
                && Objects.equals(before.getLatestCasualties(), after.getLatestCasualties());
        for (String sector : after.getEmittedSectors()) {
            if (!now.contains(sector)) {
                changes.add(new SectorChange(sector, new CasualtySupersession(after.getStatementId(), after.getIssuer(), null,
                        new ArrayList<>())));
            }
        }
        for (String sector : now) {
            if (!sameState || !after.getEmittedSectors().contains(sector)) {
                changes.add(new SectorChange(sector, new CasualtySupersession(after.getStatementId(), after.getIssuer(),
                        after.getSupersededBy(), new ArrayList<>(after.getLatestCasualties()))));
            }
        }
        after.setEmittedSectors(new ArrayList<>(now));
        return changes;
    }

    private void store(CasualtyNode node) {
        String key = key(node.getIssuer(), node.getStatementId());
        boolean needed = node.getActive() || node.getUpdates() != null || !node.getEmittedSectors().isEmpty();
        if (needed) {
            nodes.put(key, node);
        } else {
            nodes.delete(key);
        }
    }

    private static String key(String issuer, String id) {
        return issuer + SectorKeys.SEPARATOR + id;
    }
}
