package org.ceasefire.registry.serde;

import java.util.Map;

import org.ceasefire.registry.SchemaRegistry;

/**
 * What Confluent's serializer and deserializer share: the settings, whether it serves keys or
 * values, and the registry, given in the constructor or built from {@code schema.registry.url}
 * (and then closed with the serde).
 */
abstract class RegistryBoundSerde {

    private final String name;
    private SchemaRegistry registry;
    private boolean ownsRegistry;
    private AvroSerdeConfig config;
    private boolean isKey;

    RegistryBoundSerde(String name, SchemaRegistry registry) {
        this.name = name;
        this.registry = registry;
    }

    public void configure(Map<String, ?> configs, boolean isKey) {
        this.config = new AvroSerdeConfig(configs, registry == null);
        this.isKey = isKey;
        if (registry == null) {
            this.registry = RegistryConnections.connect(config);
            this.ownsRegistry = RegistryConnections.owned(config);
        }
    }

    /** The settings; fails clearly when Kafka (or a caller) did not call configure() first. */
    final AvroSerdeConfig config() {
        if (config == null) {
            throw new IllegalStateException(name + " used before configure()");
        }
        return config;
    }

    final SchemaRegistry registry() {
        return registry;
    }

    final boolean isKey() {
        return isKey;
    }

    public void close() {
        if (ownsRegistry && registry != null) {
            registry.close();
        }
    }
}
