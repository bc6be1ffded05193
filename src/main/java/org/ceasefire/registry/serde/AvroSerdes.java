package org.ceasefire.registry.serde;

import java.util.Map;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.serialization.Serde;

/**
 * Builds the application's Avro serdes from configuration. The serde class is itself a setting,
 * so users who have Confluent's artifacts can put
 * {@code ceasefire.avro.serde.class=io.confluent.kafka.streams.serdes.avro.SpecificAvroSerde}
 * in their configuration and change nothing else; the bytes on the wire are the same.
 */
public final class AvroSerdes {

    /** Names the SpecificRecord serde class; it needs a no-arg constructor. */
    public static final String SERDE_CLASS_CONFIG = "ceasefire.avro.serde.class";

    private AvroSerdes() {
    }

    /**
     * The serde settings with the serde class added: the application's own settings
     * ({@code ceasefire.*}) are not passed to Kafka's clients, so this one is added back here.
     */
    public static Map<String, Object> withSerdeClass(Map<String, ?> clientConfig, String serdeClass) {
        Map<String, Object> config = new java.util.TreeMap<>(clientConfig);
        if (serdeClass != null && !serdeClass.isBlank()) {
            config.put(SERDE_CLASS_CONFIG, serdeClass.trim());
        }
        return config;
    }

    /** A configured serde for generated Avro classes, of the class named by {@link #SERDE_CLASS_CONFIG}. */
    @SuppressWarnings("unchecked")
    public static <T extends SpecificRecord> Serde<T> specific(Map<String, ?> config, boolean isKey) {
        Object setting = config.get(SERDE_CLASS_CONFIG);
        String className = setting == null ? SpecificAvroSerde.class.getName()
                : setting instanceof Class<?> type ? type.getName() : setting.toString().trim();
        Object instance;
        try {
            instance = Class.forName(className, true, classLoader()).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new ConfigException(SERDE_CLASS_CONFIG, className, "cannot be instantiated: " + e);
        }
        if (!(instance instanceof Serde<?> serde)) {
            throw new ConfigException(SERDE_CLASS_CONFIG, className, "is not a " + Serde.class.getName());
        }
        serde.configure(config, isKey);
        return (Serde<T>) serde;
    }

    private static ClassLoader classLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : AvroSerdes.class.getClassLoader();
    }
}
