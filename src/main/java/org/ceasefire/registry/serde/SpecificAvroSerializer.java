package org.ceasefire.registry.serde;

import org.apache.avro.specific.SpecificRecord;
import org.ceasefire.registry.SchemaRegistry;

/** A typed {@link KafkaAvroSerializer} for generated classes, like Confluent's of the same name. */
public class SpecificAvroSerializer<T extends SpecificRecord> extends TypedAvroSerializer<T> {

    public SpecificAvroSerializer() {
        super(new KafkaAvroSerializer());
    }

    public SpecificAvroSerializer(SchemaRegistry registry) {
        super(new KafkaAvroSerializer(registry));
    }
}
