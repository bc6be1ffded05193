package org.ceasefire.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code key=value} arguments of the benchmark's processes; a blank value counts as absent. */
final class Args {
    private final Map<String, String> values = new LinkedHashMap<>();

    Args(String[] args) {
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("expected key=value, got " + arg);
            }
            String value = arg.substring(eq + 1).trim();
            if (!value.isEmpty() && !value.startsWith("${")) {
                values.put(arg.substring(0, eq).trim(), value);
            }
        }
    }

    String get(String key) {
        String value = values.get(key);
        if (value == null) {
            throw new IllegalArgumentException("missing argument " + key + "=...");
        }
        return value;
    }

    String get(String key, String otherwise) {
        return values.getOrDefault(key, otherwise);
    }

    long getLong(String key, long otherwise) {
        return values.containsKey(key) ? Long.parseLong(values.get(key).replace("_", "")) : otherwise;
    }

    double getDouble(String key, double otherwise) {
        return values.containsKey(key) ? Double.parseDouble(values.get(key)) : otherwise;
    }
}
