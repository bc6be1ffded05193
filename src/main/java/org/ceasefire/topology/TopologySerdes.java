package org.ceasefire.topology;

import java.util.Map;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.ceasefire.registry.serde.AvroSerdes;

/** The value serdes of every topic, repartition topic and store: Avro through the Schema Registry. */
final class TopologySerdes {
    private final Map<String, ?> config;

    TopologySerdes(Map<String, ?> config) {
        this.config = config;
    }

    <T extends SpecificRecord> Serde<T> value() {
        return AvroSerdes.specific(config, false);
    }
}
