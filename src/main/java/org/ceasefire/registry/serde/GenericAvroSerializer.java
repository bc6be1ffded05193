package org.ceasefire.registry.serde;

import java.util.Map;

import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.ceasefire.registry.SchemaRegistry;

/** A typed {@link KafkaAvroSerializer} for GenericRecords, like Confluent's of the same name. */
public class GenericAvroSerializer implements Serializer<GenericRecord> {

    private final KafkaAvroSerializer inner;

    public GenericAvroSerializer() {
        this.inner = new KafkaAvroSerializer();
    }

    public GenericAvroSerializer(SchemaRegistry registry) {
        this.inner = new KafkaAvroSerializer(registry);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        inner.configure(configs, isKey);
    }

    @Override
    public byte[] serialize(String topic, GenericRecord record) {
        return inner.serialize(topic, record);
    }

    @Override
    public void close() {
        inner.close();
    }
}
