package org.ceasefire.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.ceasefire.config.AppConfig;
import org.ceasefire.config.AppSettings;
import org.ceasefire.config.Setting;
import org.ceasefire.topics.Topics;
import picocli.CommandLine.Option;

/**
 * The configuration options every command that talks to a cluster shares (a picocli mixin):
 * defaults, then a properties file ({@code -c}), then {@code CEASEFIRE_*} environment variables, then
 * flags. Where each value came from is reported in error messages, because "cannot reach
 * localhost:9092" is only useful if one knows why that address was used.
 */
public final class ConfigOptions {
    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "A properties file: Kafka client, Streams and registry keys, and the app's own keys (docs/configuration.md).")
    Path file;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT",
            description = "Kafka bootstrap servers (bootstrap.servers; env CEASEFIRE_BOOTSTRAP_SERVERS; default localhost:9092).")
    String bootstrapServers;

    @Option(names = "--schema-registry-url", paramLabel = "URL",
            description = "Schema registry URL(s), comma-separated; mock://NAME for an in-memory one "
                    + "(schema.registry.url; env CEASEFIRE_SCHEMA_REGISTRY_URL; default http://localhost:8081).")
    String schemaRegistryUrl;

    @Option(names = "--topic-prefix", paramLabel = "PREFIX",
            description = "Prefix of the topic names (ceasefire.topic.prefix; default " + Topics.DEFAULT_PREFIX + ").")
    String topicPrefix;

    @Option(names = {"-D", "--set"}, paramLabel = "KEY=VALUE", description = "Any setting; overrides the file and the environment.")
    Map<String, String> settings = new LinkedHashMap<>();

    private final Map<String, String> environment;
    private AppConfig loaded;

    public ConfigOptions() {
        this(System.getenv());
    }

    /** Options that read their environment variables from {@code environment} (for tests). */
    public ConfigOptions(Map<String, String> environment) {
        this.environment = environment;
    }

    /** Sets the options as if given on the command line; null leaves one unset. */
    public ConfigOptions with(String bootstrapServers, String schemaRegistryUrl) {
        this.bootstrapServers = bootstrapServers;
        this.schemaRegistryUrl = schemaRegistryUrl;
        this.loaded = null;
        return this;
    }

    /** The configuration of this run, loaded and validated once. */
    public AppConfig load() {
        if (loaded == null) {
            Map<String, String> overrides = new LinkedHashMap<>(settings);
            putIfSet(overrides, AppSettings.BOOTSTRAP_SERVERS, bootstrapServers);
            putIfSet(overrides, AppSettings.SCHEMA_REGISTRY_URL, schemaRegistryUrl);
            putIfSet(overrides, AppSettings.TOPIC_PREFIX, topicPrefix);
            loaded = AppConfig.load(file, environment, overrides);
        }
        return loaded;
    }

    public String bootstrapServers() {
        return load().get(AppSettings.BOOTSTRAP_SERVERS);
    }

    public String bootstrapServersSource() {
        return load().sourceOf(AppSettings.BOOTSTRAP_SERVERS);
    }

    public String schemaRegistryUrl() {
        return load().get(AppSettings.SCHEMA_REGISTRY_URL);
    }

    public String schemaRegistryUrlSource() {
        return load().sourceOf(AppSettings.SCHEMA_REGISTRY_URL);
    }

    public Topics topics() {
        return new Topics(load().get(AppSettings.TOPIC_PREFIX));
    }

    /** Kafka client and registry settings (security included) for producers, admin clients and serdes. */
    public Map<String, Object> clientProperties() {
        return load().clientProperties();
    }

    private static void putIfSet(Map<String, String> map, Setting setting, String value) {
        if (value != null && !value.isBlank()) {
            map.put(setting.key(), value);
        }
    }
}
