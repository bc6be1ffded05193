package org.ceasefire.topology;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.ceasefire.avro.Place;

/** Keeps the global gazetteer store and its name index up to date with the gazetteer topic, corrections and removals included. */
final class GazetteerProcessor implements Processor<String, Place, Void, Void> {
    private final String conflictId;
    private KeyValueStore<String, Place> store;

    GazetteerProcessor(String conflictId) {
        this.conflictId = conflictId;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(CeasefireTopology.GAZETTEER_STORE);
    }

    @Override
    public void process(Record<String, Place> record) {
        if (record.key() == null) {
            return;
        }
        Place place = record.value();
        // Places of another conflict sharing the topic are treated as absent, so they never shadow ours.
        if (place != null && !conflictId.equals(place.getConflict())) {
            place = null;
        }
        GazetteerStore.apply(store, record.key(), place);
    }
}
