package org.ceasefire.registry.serde;

import java.util.Map;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.ceasefire.registry.SchemaRegistry;

/** A typed {@link KafkaAvroSerializer} for generated classes, like Confluent's of the same name. */
public class SpecificAvroSerializer<T extends SpecificRecord> implements Serializer<T> {

    private final KafkaAvroSerializer inner;

    public SpecificAvroSerializer() {
        this.inner = new KafkaAvroSerializer();
    }

    public SpecificAvroSerializer(SchemaRegistry registry) {
        this.inner = new KafkaAvroSerializer(registry);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        inner.configure(configs, isKey);
    }

    @Override
    public byte[] serialize(String topic, T record) {
        return inner.serialize(topic, record);
    }

    @Override
    public void close() {
        inner.close();
    }
}
