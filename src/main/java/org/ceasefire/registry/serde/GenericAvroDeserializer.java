package org.ceasefire.registry.serde;

import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.ceasefire.registry.SchemaRegistry;

/**
 * A typed {@link KafkaAvroDeserializer} that always returns GenericRecords
 * ({@code specific.avro.reader} forced off), like Confluent's of the same name.
 */
public class GenericAvroDeserializer extends TypedAvroDeserializer<GenericRecord> {

    public GenericAvroDeserializer() {
        super(new KafkaAvroDeserializer(), false);
    }

    public GenericAvroDeserializer(SchemaRegistry registry) {
        super(new KafkaAvroDeserializer(registry), false);
    }

    @Override
    GenericRecord typed(String topic, Object value) {
        if (value == null || value instanceof GenericRecord) {
            return (GenericRecord) value;
        }
        throw new SerializationException("Cannot deserialize a record of topic '" + topic
                + "' as a GenericRecord: its writer's schema is a " + value.getClass().getSimpleName());
    }
}
