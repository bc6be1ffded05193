package org.ceasefire.topology.references;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.ceasefire.avro.ClaimContradiction;
import org.ceasefire.avro.ClaimType;
import org.ceasefire.avro.ContradictionKind;
import org.ceasefire.avro.internal.ReferenceGroup;
import org.ceasefire.avro.internal.ResolvedStatement;
import org.ceasefire.avro.internal.SectorEvent;
import org.ceasefire.avro.internal.StatementEvent;
import org.ceasefire.conflict.ConflictDefinition;
import org.ceasefire.topology.Pairs;

/**
 * Stage C, keyed by the accused statement's id: pairs an accusation with each DENIAL whose refers_to
 * names it, whatever their times or places (lateness and unresolved places included), and sends each
 * pair to the accusation's sector, where it is tallied and corroborated.
 */
public final class ReferencePairingProcessor implements Processor<String, StatementEvent, String, SectorEvent> {
    private final ConflictDefinition conflict;
    private final Pairs pairs;
    private final String groupsStore;
    private ProcessorContext<String, SectorEvent> context;
    private KeyValueStore<String, ReferenceGroup> groups;

    /** @param groupsStore accused statement id → ReferenceGroup */
    public ReferencePairingProcessor(ConflictDefinition conflict, String groupsStore) {
        this.conflict = conflict;
        this.groupsStore = groupsStore;
        this.pairs = new Pairs(conflict);
    }

    @Override
    public void init(ProcessorContext<String, SectorEvent> context) {
        this.context = context;
        this.groups = context.getStateStore(groupsStore);
    }

    @Override
    public void process(Record<String, StatementEvent> record) {
        String accusationId = record.key();
        ReferenceGroup before = groups.get(accusationId);
        ReferenceGroup after = updated(before, record.value());
        if (after.getAccusation() == null && after.getDenials().isEmpty()) {
            groups.delete(accusationId);
        } else {
            groups.put(accusationId, after);
        }
        Map<String, ClaimContradiction> old = pairsOf(before);
        Map<String, ClaimContradiction> current = pairsOf(after);
        for (Map.Entry<String, ClaimContradiction> entry : old.entrySet()) {
            ClaimContradiction now = current.get(entry.getKey());
            if (now == null || !now.getSector().equals(entry.getValue().getSector())) {
                send(entry.getValue(), false, record.timestamp());
            }
        }
        for (Map.Entry<String, ClaimContradiction> entry : current.entrySet()) {
            if (!entry.getValue().equals(old.get(entry.getKey()))) {
                send(entry.getValue(), true, record.timestamp());
            }
        }
    }

    private static ReferenceGroup updated(ReferenceGroup before, StatementEvent event) {
        ResolvedStatement statement = event.getStatement();
        String id = statement.getStatement().getStatementId();
        ResolvedStatement accusation = before == null ? null : before.getAccusation();
        List<ResolvedStatement> denials = new ArrayList<>(before == null ? List.of() : before.getDenials());
        if (statement.getStatement().getClaim() == ClaimType.ACCUSATION) {
            accusation = event.getAdded() ? statement : null;
        } else {
            denials.removeIf(denial -> denial.getStatement().getStatementId().equals(id));
            if (event.getAdded()) {
                denials.add(statement);
                denials.sort(Comparator.comparing(denial -> denial.getStatement().getStatementId()));
            }
        }
        return new ReferenceGroup(accusation, denials);
    }

    private Map<String, ClaimContradiction> pairsOf(ReferenceGroup group) {
        Map<String, ClaimContradiction> result = new TreeMap<>();
        if (group == null || group.getAccusation() == null) {
            return result;
        }
        ResolvedStatement accusation = group.getAccusation();
        for (ResolvedStatement denial : group.getDenials()) {
            // Only the other side can deny; a party confirming its own side's accusation is no contradiction.
            if (conflict.areOpposed(accusation.getStatement().getIssuer(), denial.getStatement().getIssuer())) {
                ClaimContradiction pair = pairs.pair(ContradictionKind.ACCUSATION_DENIED, accusation.getSector(), accusation, denial);
                result.put(pair.getPairId(), pair);
            }
        }
        return result;
    }

    private void send(ClaimContradiction pair, boolean added, long timestamp) {
        SectorEvent event = new SectorEvent(pair.getSector(), added, null, pair, false, null);
        context.forward(new Record<>(pair.getSector(), event, timestamp));
    }
}
