package org.ceasefire.registry.serde;

import java.util.HashMap;
import java.util.Map;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.ceasefire.registry.SchemaRegistry;

/**
 * A typed {@link KafkaAvroDeserializer} that always returns generated classes
 * ({@code specific.avro.reader} forced on), like Confluent's of the same name.
 */
public class SpecificAvroDeserializer<T extends SpecificRecord> implements Deserializer<T> {

    private final KafkaAvroDeserializer inner;

    public SpecificAvroDeserializer() {
        this.inner = new KafkaAvroDeserializer();
    }

    public SpecificAvroDeserializer(SchemaRegistry registry) {
        this.inner = new KafkaAvroDeserializer(registry);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        Map<String, Object> specific = new HashMap<>(configs);
        specific.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, true);
        inner.configure(specific, isKey);
    }

    @Override
    @SuppressWarnings("unchecked")
    public T deserialize(String topic, byte[] bytes) {
        return (T) inner.deserialize(topic, bytes);
    }

    @Override
    public void close() {
        inner.close();
    }
}
