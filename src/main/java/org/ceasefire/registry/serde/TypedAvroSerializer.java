package org.ceasefire.registry.serde;

import java.util.Map;

import org.apache.kafka.common.serialization.Serializer;

/** A {@link KafkaAvroSerializer} typed for one kind of record (generic or generated). */
abstract class TypedAvroSerializer<T> implements Serializer<T> {

    private final KafkaAvroSerializer inner;

    TypedAvroSerializer(KafkaAvroSerializer inner) {
        this.inner = inner;
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
