package org.ceasefire.topology.pairing;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.streams.state.KeyValueStore;
import org.ceasefire.avro.ClaimContradiction;
import org.ceasefire.avro.internal.PairEvent;
import org.ceasefire.avro.internal.ResolvedStatement;
import org.ceasefire.avro.internal.SectorPair;
import org.ceasefire.topology.Pairs;
import org.ceasefire.topology.SectorKeys;
import org.ceasefire.topology.tally.CasualtySupersessions;

/**
 * Turns a changed pair row into what its sector asserts about the pair on the pair-events topic: the
 * full contradiction (both statements as published, the corroborating observations), or nothing.
 * The full statements are read only here, once per published pair.
 */
final class PairPublisher {
    private final Pairs pairs;
    private final SectorLinks links;
    private final KeyValueStore<String, ResolvedStatement> statements;
    private final CasualtySupersessions supersessions;

    PairPublisher(Pairs pairs, SectorLinks links, KeyValueStore<String, ResolvedStatement> statements, CasualtySupersessions supersessions) {
        this.pairs = pairs;
        this.supersessions = supersessions;
        this.links = links;
        this.statements = statements;
    }

    PairEvent event(String sector, String pairId, EventChanges changes) {
        SectorPair row = links.pair(sector, pairId);
        if (row == null) {
            return new PairEvent(sector, null);
        }
        ClaimContradiction pair = row.getReferredPair();
        if (pair == null) {
            String otherScope = row.getOtherFrontWide() ? PairingCandidates.TASK_WIDE : sector;
            ResolvedStatement accusation = statement(SectorKeys.member(sector, row.getAccusationId()), changes);
            ResolvedStatement other = statement(SectorKeys.member(otherScope, row.getOtherId()), changes);
            pair = pairs.pair(row.getKind(), sector, accusation, other);
        }
        List<String> corroborating = new ArrayList<>();
        for (String accusationId : SectorLinks.accusationIds(row)) {
            corroborating.addAll(links.corroboratorsOf(sector, accusationId));
        }
        return new PairEvent(sector, supersessions.annotate(sector, Pairs.withCorroboration(pair, corroborating)));
    }

    private ResolvedStatement statement(String key, EventChanges changes) {
        ResolvedStatement known = changes.inHand(key);
        return known != null ? known : statements.get(key);
    }
}
