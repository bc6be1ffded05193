package org.ceasefire.registry.serde;

import org.apache.avro.specific.SpecificRecord;
import org.ceasefire.registry.SchemaRegistry;

/**
 * A typed {@link KafkaAvroDeserializer} that always returns generated classes
 * ({@code specific.avro.reader} forced on), like Confluent's of the same name.
 */
public class SpecificAvroDeserializer<T extends SpecificRecord> extends TypedAvroDeserializer<T> {

    public SpecificAvroDeserializer() {
        super(new KafkaAvroDeserializer(), true);
    }

    public SpecificAvroDeserializer(SchemaRegistry registry) {
        super(new KafkaAvroDeserializer(registry), true);
    }

    @Override
    @SuppressWarnings("unchecked")
    T typed(String topic, Object value) {
        return (T) value;
    }
}
