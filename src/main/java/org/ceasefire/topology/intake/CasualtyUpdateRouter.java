package org.ceasefire.topology.intake;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.streams.KeyValue;
import org.ceasefire.avro.MinistryStatement;
import org.ceasefire.avro.internal.CasualtyNode;
import org.ceasefire.avro.internal.ResolvedStatement;
import org.ceasefire.topology.Routed;

/**
 * What the casualty-update stage (keyed by issuer) must learn of an applied revision: the statement's new
 * state, when it carries figures or names an earlier statement in {@code updates} (or its previous revision
 * did). The state is that of the applied revision alone (a retraction too: inactive, with the link it
 * states, so an update made through it still passes on), so it is the same whatever order the revisions
 * arrived in; a statement whose issuer changed leaves the old issuer's chains.
 */
final class CasualtyUpdateRouter {
    private CasualtyUpdateRouter() {
    }

    /**
     * @param previous the revision applied before this one, retracted or not (null: none)
     * @param applied  the revision applied now, possibly a retraction
     */
    static List<KeyValue<String, Routed>> route(ResolvedStatement previous, ResolvedStatement applied) {
        List<KeyValue<String, Routed>> out = new ArrayList<>();
        boolean previousTakesPart = previous != null && takesPart(previous.getStatement());
        boolean appliedTakesPart = takesPart(applied.getStatement());
        if (previousTakesPart && (!appliedTakesPart || !previous.getStatement().getIssuer().equals(applied.getStatement().getIssuer()))) {
            out.add(event(node(previous, false, false)));
        }
        if (appliedTakesPart) {
            out.add(event(node(applied, !applied.getStatement().getRetracted(), true)));
        }
        return out;
    }

    static boolean takesPart(MinistryStatement s) {
        return !s.getCasualties().isEmpty() || s.getUpdates() != null;
    }

    private static CasualtyNode node(ResolvedStatement resolved, boolean active, boolean keepLink) {
        MinistryStatement s = resolved.getStatement();
        List<String> sectors = new ArrayList<>();
        for (ResolvedStatement inSector : ChangeRouter.bySector(resolved)) {
            sectors.add(inSector.getSector());
        }
        return CasualtyNode.newBuilder()
                .setStatementId(s.getStatementId())
                .setIssuer(s.getIssuer())
                .setPublishedAt(s.getPublishedAt().toEpochMilli())
                .setUpdates(keepLink ? s.getUpdates() : null)
                .setActive(active)
                .setSectors(sectors)
                .setCasualties(new ArrayList<>(s.getCasualties()))
                .build();
    }

    private static KeyValue<String, Routed> event(CasualtyNode node) {
        return KeyValue.pair(node.getIssuer(), new Routed.ToCasualtyUpdates(node));
    }
}
