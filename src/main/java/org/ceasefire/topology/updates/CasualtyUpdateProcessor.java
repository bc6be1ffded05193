package org.ceasefire.topology.updates;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.ceasefire.avro.internal.CasualtyNode;
import org.ceasefire.avro.internal.SectorEvent;

/**
 * The casualty-update stage, keyed by issuer: every statement of an issuer that carries casualty figures or
 * names an earlier one in {@code updates} meets here, so a chain of running totals is resolved in one task
 * whatever the order its statements arrive in. It tells each sector a statement is tallied in whether that
 * statement's figures are replaced (and by which statement's), and the sector stage tallies accordingly.
 */
public final class CasualtyUpdateProcessor implements Processor<String, CasualtyNode, String, SectorEvent> {
    private final String nodesStore;
    private final String updatersStore;
    private ProcessorContext<String, SectorEvent> context;
    private CasualtyChains chains;

    public CasualtyUpdateProcessor(String nodesStore, String updatersStore) {
        this.nodesStore = nodesStore;
        this.updatersStore = updatersStore;
    }

    @Override
    public void init(ProcessorContext<String, SectorEvent> context) {
        this.context = context;
        chains = new CasualtyChains(context.getStateStore(nodesStore), context.getStateStore(updatersStore));
    }

    @Override
    public void process(Record<String, CasualtyNode> record) {
        for (CasualtyChains.SectorChange change : chains.apply(record.value())) {
            SectorEvent event = SectorEvent.newBuilder()
                    .setSector(change.sector())
                    .setAdded(change.supersession().getSupersededBy() != null)
                    .setStatement(null)
                    .setReferredPair(null)
                    .setFrontWide(false)
                    .setSuperseded(change.supersession())
                    .build();
            context.forward(new Record<>(change.sector(), event, record.timestamp()));
        }
    }
}
