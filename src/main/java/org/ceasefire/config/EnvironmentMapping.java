package org.ceasefire.config;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Maps environment variables to configuration keys: {@code CEASEFIRE_} followed by the key in upper
 * case with dots as underscores. The app's own keys drop their {@code ceasefire.} prefix, so
 * {@code ceasefire.http.port} is {@code CEASEFIRE_HTTP_PORT}; any Kafka key works the same way, so
 * {@code sasl.jaas.config} is {@code CEASEFIRE_SASL_JAAS_CONFIG}.
 */
public final class EnvironmentMapping {
    public static final String ENV_PREFIX = "CEASEFIRE_";
    private static final String APP_PREFIX = "ceasefire.";

    private EnvironmentMapping() {
    }

    public static String variableFor(String key) {
        String bare = key.startsWith(APP_PREFIX) ? key.substring(APP_PREFIX.length()) : key;
        return ENV_PREFIX + bare.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
    }

    /** The configuration keys set by {@code environment}, in key order. */
    public static Map<String, String> keysFrom(Map<String, String> environment) {
        Map<String, String> keys = new TreeMap<>();
        environment.forEach((variable, value) -> {
            if (variable.startsWith(ENV_PREFIX) && variable.length() > ENV_PREFIX.length()) {
                keys.put(keyFor(variable), value);
            }
        });
        return keys;
    }

    static String keyFor(String variable) {
        String bare = variable.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.');
        boolean appKey = AppSettings.ALL.stream().anyMatch(s -> s.key().equals(APP_PREFIX + bare));
        return appKey ? APP_PREFIX + bare : bare;
    }
}
