package org.ceasefire.registry.serde;

import java.util.HashMap;
import java.util.Map;

import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.ceasefire.registry.SchemaRegistry;

/**
 * A typed {@link KafkaAvroDeserializer} that always returns GenericRecords
 * ({@code specific.avro.reader} forced off), like Confluent's of the same name.
 */
public class GenericAvroDeserializer implements Deserializer<GenericRecord> {

    private final KafkaAvroDeserializer inner;

    public GenericAvroDeserializer() {
        this.inner = new KafkaAvroDeserializer();
    }

    public GenericAvroDeserializer(SchemaRegistry registry) {
        this.inner = new KafkaAvroDeserializer(registry);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        Map<String, Object> generic = new HashMap<>(configs);
        generic.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, false);
        inner.configure(generic, isKey);
    }

    @Override
    public GenericRecord deserialize(String topic, byte[] bytes) {
        Object value = inner.deserialize(topic, bytes);
        if (value == null || value instanceof GenericRecord) {
            return (GenericRecord) value;
        }
        throw new org.apache.kafka.common.errors.SerializationException("Cannot deserialize a record of topic '"
                + topic + "' as a GenericRecord: its writer's schema is a " + value.getClass().getSimpleName());
    }

    @Override
    public void close() {
        inner.close();
    }
}
