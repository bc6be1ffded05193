package org.ceasefire.registry.serde;

import org.apache.avro.generic.GenericRecord;
import org.ceasefire.registry.SchemaRegistry;

/** A typed {@link KafkaAvroSerializer} for GenericRecords, like Confluent's of the same name. */
public class GenericAvroSerializer extends TypedAvroSerializer<GenericRecord> {

    public GenericAvroSerializer() {
        super(new KafkaAvroSerializer());
    }

    public GenericAvroSerializer(SchemaRegistry registry) {
        super(new KafkaAvroSerializer(registry));
    }
}
