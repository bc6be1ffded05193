package org.ceasefire.registry.serde;

import org.apache.avro.generic.GenericRecord;
import org.ceasefire.registry.SchemaRegistry;

/** Serde for GenericRecords, configured like Confluent's {@code GenericAvroSerde}. */
public class GenericAvroSerde extends AvroSerdePair<GenericRecord> {

    public GenericAvroSerde() {
        super(new GenericAvroSerializer(), new GenericAvroDeserializer());
    }

    public GenericAvroSerde(SchemaRegistry registry) {
        super(new GenericAvroSerializer(registry), new GenericAvroDeserializer(registry));
    }
}
