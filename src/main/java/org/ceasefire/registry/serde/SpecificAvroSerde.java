package org.ceasefire.registry.serde;

import org.apache.avro.specific.SpecificRecord;
import org.ceasefire.registry.SchemaRegistry;

/**
 * Serde for generated Avro classes, configured exactly like Confluent's
 * {@code io.confluent.kafka.streams.serdes.avro.SpecificAvroSerde}, which can replace it by class name.
 */
public class SpecificAvroSerde<T extends SpecificRecord> extends AvroSerdePair<T> {

    public SpecificAvroSerde() {
        super(new SpecificAvroSerializer<>(), new SpecificAvroDeserializer<>());
    }

    /** For tests and callers that hold a registry already; configure() still reads the other keys. */
    public SpecificAvroSerde(SchemaRegistry registry) {
        super(new SpecificAvroSerializer<>(registry), new SpecificAvroDeserializer<>(registry));
    }
}
