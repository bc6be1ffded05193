package org.ceasefire.config;

/**
 * One setting the application itself reads: its key, default (null when required without a default),
 * and meaning. Kafka's own keys are not listed here: they pass through to the clients unchanged.
 */
public record Setting(String key, String defaultValue, String meaning) {
    /** The environment variable that overrides this setting, e.g. CEASEFIRE_BOOTSTRAP_SERVERS. */
    public String environmentVariable() {
        return EnvironmentMapping.variableFor(key);
    }
}
