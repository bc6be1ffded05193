package org.ceasefire.cli;

import java.util.Map;
import java.util.function.Function;

import org.ceasefire.topics.Topics;
import picocli.CommandLine.Option;

/**
 * The broker, registry and topic prefix a command talks to, shared by the commands that produce.
 * Each value comes from its option, else from its environment variable, else from the default; the
 * source is reported in error messages, because "cannot reach localhost:9092" is only useful if
 * one knows why that address was used.
 */
public final class KafkaConnectionOptions {
    public static final String BOOTSTRAP_ENV = "CEASEFIRE_BOOTSTRAP_SERVERS";
    public static final String REGISTRY_ENV = "CEASEFIRE_SCHEMA_REGISTRY_URL";
    public static final String DEFAULT_BOOTSTRAP = "localhost:9092";
    public static final String DEFAULT_REGISTRY = "http://localhost:8081";

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT",
            description = "Kafka bootstrap servers (default: $" + BOOTSTRAP_ENV + ", else " + DEFAULT_BOOTSTRAP + ").")
    String bootstrapServers;

    @Option(names = "--schema-registry-url", paramLabel = "URL",
            description = "Schema registry URL; mock://NAME for an in-memory one (default: $" + REGISTRY_ENV + ", else " + DEFAULT_REGISTRY + ").")
    String schemaRegistryUrl;

    @Option(names = "--topic-prefix", paramLabel = "PREFIX", defaultValue = Topics.DEFAULT_PREFIX,
            description = "Prefix of the topic names (default: ${DEFAULT-VALUE}).")
    String topicPrefix;

    /** Environment lookup; replaced in tests. */
    Function<String, String> environment = System::getenv;

    public String bootstrapServers() {
        return choose(bootstrapServers, BOOTSTRAP_ENV, DEFAULT_BOOTSTRAP).value();
    }

    public String bootstrapServersSource() {
        return choose(bootstrapServers, BOOTSTRAP_ENV, DEFAULT_BOOTSTRAP).source("--bootstrap-servers");
    }

    public String schemaRegistryUrl() {
        return choose(schemaRegistryUrl, REGISTRY_ENV, DEFAULT_REGISTRY).value();
    }

    public String schemaRegistryUrlSource() {
        return choose(schemaRegistryUrl, REGISTRY_ENV, DEFAULT_REGISTRY).source("--schema-registry-url");
    }

    public Topics topics() {
        return new Topics(topicPrefix);
    }

    /** The serde configuration for the configured registry. */
    public Map<String, Object> serdeConfig() {
        return Map.of("schema.registry.url", schemaRegistryUrl());
    }

    private Setting choose(String option, String variable, String fallback) {
        if (option != null && !option.isBlank()) {
            return new Setting(option, null);
        }
        String fromEnvironment = environment.apply(variable);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return new Setting(fromEnvironment, "environment variable " + variable);
        }
        return new Setting(fallback, "the default; set it with the option or " + variable);
    }

    private record Setting(String value, String origin) {
        String source(String optionName) {
            return origin == null ? "set by " + optionName : "from " + origin;
        }
    }
}
