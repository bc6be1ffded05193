package org.ceasefire.registry.serde;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.common.serialization.Deserializer;

/**
 * A {@link KafkaAvroDeserializer} typed for one kind of record: {@code specific.avro.reader} is
 * forced to what the type needs, whatever the configuration says.
 */
abstract class TypedAvroDeserializer<T> implements Deserializer<T> {

    private final KafkaAvroDeserializer inner;
    private final boolean specificReader;

    TypedAvroDeserializer(KafkaAvroDeserializer inner, boolean specificReader) {
        this.inner = inner;
        this.specificReader = specificReader;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        Map<String, Object> forced = new HashMap<>(configs);
        forced.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, specificReader);
        inner.configure(forced, isKey);
    }

    @Override
    public T deserialize(String topic, byte[] bytes) {
        return typed(topic, inner.deserialize(topic, bytes));
    }

    /** The decoded value as this deserializer's type, or a SerializationException saying why not. */
    abstract T typed(String topic, Object value);

    @Override
    public void close() {
        inner.close();
    }
}
