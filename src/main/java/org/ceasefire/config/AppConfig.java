package org.ceasefire.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The configuration of one run: defaults, then a properties file, then environment variables
 * ({@link EnvironmentMapping}), then command-line overrides, each overriding the one before. Keys
 * that are not the application's own ({@code ceasefire.*}) are Kafka client, producer, consumer,
 * Streams or Schema Registry keys and pass through unchanged, so SASL, SSL/mTLS and registry basic
 * auth or TLS work by configuration alone.
 */
public final class AppConfig {
    private final Map<String, String> values;
    private final Map<String, String> sources;

    private AppConfig(Map<String, String> values, Map<String, String> sources) {
        this.values = values;
        this.sources = sources;
    }

    /**
     * Loads and validates the configuration.
     *
     * @param file        a properties file, or null
     * @param environment the process environment (only {@code CEASEFIRE_*} variables are read)
     * @param overrides   values from command-line flags
     */
    public static AppConfig load(Path file, Map<String, String> environment, Map<String, String> overrides) {
        Map<String, String> values = new TreeMap<>();
        Map<String, String> sources = new TreeMap<>();
        for (Setting setting : AppSettings.ALL) {
            values.put(setting.key(), setting.defaultValue());
            sources.put(setting.key(), "default");
        }
        if (file != null) {
            readFile(file).forEach((key, value) -> {
                values.put(key, value);
                sources.put(key, "file " + file);
            });
        }
        EnvironmentMapping.keysFrom(environment).forEach((key, value) -> {
            values.put(key, value);
            sources.put(key, "environment variable " + EnvironmentMapping.variableFor(key));
        });
        overrides.forEach((key, value) -> {
            values.put(key, value);
            sources.put(key, "command line");
        });
        AppConfig config = new AppConfig(values, sources);
        config.validate();
        return config;
    }

    /** Defaults plus the given values: for tests and embedded runs. */
    public static AppConfig of(Map<String, String> values) {
        return load(null, Map.of(), values);
    }

    private static Map<String, String> readFile(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (NoSuchFileException e) {
            throw new InvalidConfigException("Configuration file " + file + " does not exist");
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidConfigException("Cannot read configuration file " + file + ": " + e.getMessage());
        }
        Map<String, String> values = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(key -> values.put(key.trim(), properties.getProperty(key).trim()));
        return values;
    }

    private void validate() {
        require(AppSettings.BOOTSTRAP_SERVERS);
        require(AppSettings.APPLICATION_ID);
        require(AppSettings.TOPIC_PREFIX);
        require(AppSettings.DATA_DIR);
        String registry = require(AppSettings.SCHEMA_REGISTRY_URL);
        for (String url : registry.split(",")) {
            String u = url.trim().toLowerCase(Locale.ROOT);
            if (!(u.startsWith("http://") || u.startsWith("https://") || u.startsWith("mock://"))) {
                throw invalid(AppSettings.SCHEMA_REGISTRY_URL, "'" + url.trim() + "' is not an http(s):// URL");
            }
        }
        if (getInt(AppSettings.TOPIC_PARTITIONS) < 1) {
            throw invalid(AppSettings.TOPIC_PARTITIONS, "must be at least 1");
        }
        int replication = getInt(AppSettings.TOPIC_REPLICATION_FACTOR);
        if (replication == 0 || replication < -1) {
            throw invalid(AppSettings.TOPIC_REPLICATION_FACTOR, "must be -1 (broker default) or at least 1");
        }
        int port = getInt(AppSettings.HTTP_PORT);
        if (port < 0 || port > 65535) {
            throw invalid(AppSettings.HTTP_PORT, "must be between 0 and 65535");
        }
        if (getDuration(AppSettings.PAIRING_DISTANCE).isNegative() || getDuration(AppSettings.PAIRING_DISTANCE).isZero()) {
            throw invalid(AppSettings.PAIRING_DISTANCE, "must be positive");
        }
        if (getDuration(AppSettings.PAIRING_HORIZON).compareTo(getDuration(AppSettings.PAIRING_DISTANCE)) < 0) {
            throw invalid(AppSettings.PAIRING_HORIZON, "must not be shorter than " + AppSettings.PAIRING_DISTANCE.key());
        }
        getDuration(AppSettings.SHUTDOWN_TIMEOUT);
        String advertised = get(AppSettings.ADVERTISED_HTTP);
        if (!advertised.isEmpty() && !advertised.matches("[^:\\s]+:\\d{1,5}")) {
            throw invalid(AppSettings.ADVERTISED_HTTP, "'" + advertised + "' is not host:port");
        }
    }

    private String require(Setting setting) {
        String value = get(setting);
        if (value.isBlank()) {
            throw invalid(setting, "is required");
        }
        return value;
    }

    private InvalidConfigException invalid(Setting setting, String reason) {
        return new InvalidConfigException(setting.key() + " " + reason + " (set by " + sources.get(setting.key())
                + "; environment variable " + setting.environmentVariable() + ")");
    }

    /** Where a setting's value came from, for messages: "from the default", "set by file app.properties", ... */
    public String sourceOf(Setting setting) {
        String source = sources.getOrDefault(setting.key(), "default");
        return source.equals("default")
                ? "from the default; set it with a flag, -c FILE or " + setting.environmentVariable()
                : "set by " + source;
    }

    public String get(Setting setting) {
        return values.getOrDefault(setting.key(), setting.defaultValue());
    }

    public int getInt(Setting setting) {
        String value = get(setting);
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw invalid(setting, "'" + value + "' is not a whole number");
        }
    }

    public Duration getDuration(Setting setting) {
        String value = get(setting);
        try {
            return Duration.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw invalid(setting, "'" + value + "' is not an ISO-8601 duration such as PT6H");
        }
    }

    /** The app's own folder, {@code ~} expanded to the user's home directory. */
    public Path dataDir() {
        return expandHome(require(AppSettings.DATA_DIR));
    }

    /** Kafka Streams' state directory: {@code state.dir}, or {@code state/} in the data folder. */
    public Path stateDir() {
        String stateDir = get(AppSettings.STATE_DIR);
        return stateDir.isBlank() ? dataDir().resolve("state") : expandHome(stateDir);
    }

    /** {@code ~} or {@code ~/...} at the start of a path is the user's home directory, as in a shell. */
    public static Path expandHome(String path) {
        String home = System.getProperty("user.home");
        if (path.equals("~")) {
            return Path.of(home);
        }
        if (path.startsWith("~/") || path.startsWith("~\\")) {
            return Path.of(home, path.substring(2));
        }
        return Path.of(path);
    }

    /** Every key that is not the application's own: for Kafka clients, Streams and the serde. */
    public Map<String, Object> clientProperties() {
        Map<String, Object> client = new TreeMap<>();
        values.forEach((key, value) -> {
            if (!key.startsWith("ceasefire.") && !value.isEmpty()) {
                client.put(key, value);
            }
        });
        return client;
    }

    /** Every value with where it came from; secrets are hidden. Safe to log. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        values.forEach((key, value) -> text.append(key).append('=').append(redact(key, value))
                .append("  (").append(sources.get(key)).append(")\n"));
        return text.toString();
    }

    /** The value as it may be shown in logs and errors: {@link Secrets}' rule. */
    public static String redact(String key, String value) {
        return Secrets.redact(key, value);
    }
}
