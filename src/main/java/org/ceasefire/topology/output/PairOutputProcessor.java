package org.ceasefire.topology.output;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.ceasefire.avro.ClaimContradiction;
import org.ceasefire.avro.internal.PairAssertions;
import org.ceasefire.avro.internal.PairEvent;

/**
 * Stage D, keyed by pair id: the single writer of each pair on the contradictions topic. A revision
 * can move a pair from one sector to another; the two sectors' tasks would otherwise race, and the old
 * sector's tombstone could land after the new sector's pair. Here the pair is published as long as any
 * sector asserts it (the first sector by name, should two briefly do), and withdrawn when none does.
 */
public final class PairOutputProcessor implements Processor<String, PairEvent, String, ClaimContradiction> {
    private final String assertionsStore;
    private ProcessorContext<String, ClaimContradiction> context;
    private KeyValueStore<String, PairAssertions> assertions;

    /** @param assertionsStore pair_id → PairAssertions */
    public PairOutputProcessor(String assertionsStore) {
        this.assertionsStore = assertionsStore;
    }

    @Override
    public void init(ProcessorContext<String, ClaimContradiction> context) {
        this.context = context;
        this.assertions = context.getStateStore(assertionsStore);
    }

    @Override
    public void process(Record<String, PairEvent> record) {
        String pairId = record.key();
        PairAssertions stored = assertions.get(pairId);
        TreeMap<String, ClaimContradiction> bySector = new TreeMap<>(stored == null ? Map.of() : stored.getBySector());
        ClaimContradiction before = bySector.isEmpty() ? null : bySector.firstEntry().getValue();
        PairEvent event = record.value();
        if (event.getPair() == null) {
            bySector.remove(event.getSector());
        } else {
            bySector.put(event.getSector(), event.getPair());
        }
        ClaimContradiction after = bySector.isEmpty() ? null : bySector.firstEntry().getValue();
        if (bySector.isEmpty()) {
            assertions.delete(pairId);
        } else {
            assertions.put(pairId, new PairAssertions(bySector));
        }
        if (!Objects.equals(before, after)) {
            context.forward(record.withValue(after));
        }
    }
}
