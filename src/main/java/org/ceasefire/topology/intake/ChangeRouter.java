package org.ceasefire.topology.intake;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.streams.KeyValue;
import org.ceasefire.avro.ClaimType;
import org.ceasefire.avro.MinistryStatement;
import org.ceasefire.avro.internal.ResolvedStatement;
import org.ceasefire.avro.internal.SectorEvent;
import org.ceasefire.avro.internal.SectorPlace;
import org.ceasefire.avro.internal.StatementEvent;
import org.ceasefire.conflict.ConflictDefinition;
import org.ceasefire.topology.Routed;
import org.ceasefire.topology.TimePairing;

/**
 * Turns "revision {@code before} is replaced by {@code after}" into the events the later stages need:
 * withdraw the old revision, add the new one, in every sector and reference group each belongs to.
 * Withdrawals come first so that a stage never holds two revisions of one statement.
 */
final class ChangeRouter {
    private ChangeRouter() {
    }

    /** Events keyed by sector or by referenced statement id; either argument may be null (nothing active). */
    static List<KeyValue<String, Routed>> route(ConflictDefinition conflict, ResolvedStatement before, ResolvedStatement after) {
        List<KeyValue<String, Routed>> out = new ArrayList<>();
        if (before != null) {
            emit(conflict, before, false, out);
        }
        if (after != null) {
            emit(conflict, after, true, out);
        }
        return out;
    }

    private static void emit(ConflictDefinition conflict, ResolvedStatement statement, boolean added, List<KeyValue<String, Routed>> out) {
        for (ResolvedStatement inSector : bySector(statement)) {
            String sector = inSector.getSector();
            out.add(KeyValue.pair(sector, new Routed.ToSector(new SectorEvent(sector, added, inSector, null, false, null))));
        }
        String sector = statement.getSector();
        if (isFrontWideCalm(statement) && !TimePairing.frontOf(conflict, statement).isEmpty()) {
            // Once more, to the partitions of the sectors its issuer speaks for (SectorEventPartitioner): each
            // task pairs it with the accusations of its own sectors. An issuer whose area is empty that day
            // speaks for none, and the copy would only be dropped.
            out.add(KeyValue.pair(sector, new Routed.ToSector(new SectorEvent(sector, added, statement, null, true, null))));
        }
        String referenceKey = referenceKey(statement.getStatement());
        if (referenceKey != null) {
            out.add(KeyValue.pair(referenceKey, new Routed.ToReferences(new StatementEvent(added, statement))));
        }
    }

    /**
     * The statement as each sector its location names holds it: with that sector and its place. A
     * location of several places in several sectors ("Martakert and Martuni") belongs to each of them,
     * is tallied once in each and paired in each; a refers_to pair forms in the first one only.
     */
    static List<ResolvedStatement> bySector(ResolvedStatement statement) {
        if (statement.getOtherSectors().isEmpty()) {
            return List.of(statement);
        }
        List<ResolvedStatement> copies = new ArrayList<>();
        copies.add(ResolvedStatement.newBuilder(statement).setOtherSectors(new ArrayList<>()).build());
        for (SectorPlace other : statement.getOtherSectors()) {
            copies.add(ResolvedStatement.newBuilder(statement).setSector(other.getSector()).setPlaceId(other.getPlaceId())
                    .setPlacePrecision(other.getPlacePrecision())
                    .setOtherSectors(new ArrayList<>()).build());
        }
        return copies;
    }

    /** A whole-front CALM report that can pair by time: "calm everywhere" answers an accusation in any sector. */
    static boolean isFrontWideCalm(ResolvedStatement statement) {
        return statement.getStatement().getClaim() == ClaimType.CALM
                && ConflictDefinition.WHOLE_FRONT_SECTOR.equals(statement.getSector())
                && TimePairing.eligible(statement);
    }

    /** The id of the accusation a refers_to pair would be formed around, or null when the statement takes no part. */
    static String referenceKey(MinistryStatement statement) {
        if (statement.getClaim() == ClaimType.ACCUSATION) {
            return statement.getStatementId();
        }
        if (statement.getClaim() == ClaimType.DENIAL && TimePairing.hasText(statement.getRefersTo())) {
            return statement.getRefersTo();
        }
        return null;
    }
}
