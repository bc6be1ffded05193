package org.ceasefire.registry.confluent;

import java.util.Map;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Confluent's {@code KafkaAvroSerializer} and {@code KafkaAvroDeserializer}, configured with the
 * usual keys. They implement our kafka-clients' interfaces: Confluent's jar comes after ours on
 * the class path (see {@code ConfluentJarIT}).
 */
public final class ConfluentSerdes {

    static final String SERIALIZER = "io.confluent.kafka.serializers.KafkaAvroSerializer";
    static final String DESERIALIZER = "io.confluent.kafka.serializers.KafkaAvroDeserializer";

    private ConfluentSerdes() {
    }

    @SuppressWarnings("unchecked")
    public static Serializer<Object> serializer(Map<String, ?> config, boolean isKey) {
        Serializer<Object> serializer = (Serializer<Object>) ConfluentClasses.create(SERIALIZER);
        serializer.configure(config, isKey);
        return serializer;
    }

    @SuppressWarnings("unchecked")
    public static Deserializer<Object> deserializer(Map<String, ?> config, boolean isKey) {
        Deserializer<Object> deserializer = (Deserializer<Object>) ConfluentClasses.create(DESERIALIZER);
        deserializer.configure(config, isKey);
        return deserializer;
    }
}
