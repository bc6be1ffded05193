package org.ceasefire.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.ceasefire.config.AppConfig;
import org.ceasefire.config.AppSettings;
import picocli.CommandLine.Option;

/** The configuration flags every cluster-facing command shares (a picocli mixin). */
public final class ConfigOptions {
    @Option(names = {"-c", "--config"}, description = "A properties file: Kafka client/Streams keys and the app's own keys (docs/configuration.md).")
    Path file;

    @Option(names = "--bootstrap-servers", description = "Kafka brokers (bootstrap.servers; env CEASEFIRE_BOOTSTRAP_SERVERS).")
    String bootstrapServers;

    @Option(names = "--schema-registry-url", description = "Schema Registry URL(s) (schema.registry.url; env CEASEFIRE_SCHEMA_REGISTRY_URL).")
    String schemaRegistryUrl;

    @Option(names = "--topic-prefix", description = "Prefix of every topic (ceasefire.topic.prefix).")
    String topicPrefix;

    @Option(names = {"-D", "--set"}, description = "Any setting as key=value; overrides the file and the environment.")
    Map<String, String> settings = new LinkedHashMap<>();

    /** Loads the configuration: defaults < file < environment < flags. */
    public AppConfig load() {
        Map<String, String> overrides = new LinkedHashMap<>(settings);
        putIfSet(overrides, AppSettings.BOOTSTRAP_SERVERS.key(), bootstrapServers);
        putIfSet(overrides, AppSettings.SCHEMA_REGISTRY_URL.key(), schemaRegistryUrl);
        putIfSet(overrides, AppSettings.TOPIC_PREFIX.key(), topicPrefix);
        return AppConfig.load(file, System.getenv(), overrides);
    }

    private static void putIfSet(Map<String, String> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
