package org.ceasefire.registry.confluent;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * What Confluent's {@code io.confluent.kafka.streams.serdes.avro.SpecificAvroSerde} is: Confluent's
 * KafkaAvroSerializer and KafkaAvroDeserializer with {@code specific.avro.reader=true}. That class
 * lives in Confluent's kafka-streams-avro-serde, which the tests cannot fetch; the serializer and
 * deserializer inside it are Confluent's own. Counts its configurations, so a test can tell that
 * the application used it.
 */
public class ConfluentSpecificAvroSerde<T extends SpecificRecord> implements Serde<T> {

    static final AtomicInteger CONFIGURED = new AtomicInteger();

    private Serializer<Object> serializer;
    private Deserializer<Object> deserializer;

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        Map<String, Object> specific = new HashMap<>(configs);
        specific.put("specific.avro.reader", true);
        serializer = ConfluentSerdes.serializer(specific, isKey);
        deserializer = ConfluentSerdes.deserializer(specific, isKey);
        CONFIGURED.incrementAndGet();
    }

    @Override
    @SuppressWarnings("unchecked")
    public Serializer<T> serializer() {
        return (Serializer<T>) (Serializer<?>) serializer;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Deserializer<T> deserializer() {
        return (Deserializer<T>) (Deserializer<?>) deserializer;
    }

    @Override
    public void close() {
        if (serializer != null) {
            serializer.close();
            deserializer.close();
        }
    }
}
