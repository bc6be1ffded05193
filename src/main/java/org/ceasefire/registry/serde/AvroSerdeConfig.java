package org.ceasefire.registry.serde;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.ConfigException;

/**
 * The serde's settings, read from the same keys as Confluent's serializers so one configuration
 * works with either implementation.
 */
public final class AvroSerdeConfig {

    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    public static final String USE_LATEST_VERSION = "use.latest.version";
    public static final String SPECIFIC_AVRO_READER = "specific.avro.reader";
    public static final String KEY_SUBJECT_NAME_STRATEGY = "key.subject.name.strategy";
    public static final String VALUE_SUBJECT_NAME_STRATEGY = "value.subject.name.strategy";
    public static final String BASIC_AUTH_CREDENTIALS_SOURCE = "basic.auth.credentials.source";
    public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";
    /** Confluent's alias of {@link #BASIC_AUTH_USER_INFO}. */
    public static final String SCHEMA_REGISTRY_USER_INFO = "schema.registry.basic.auth.user.info";

    private final List<String> urls;
    private final boolean autoRegister;
    private final boolean useLatestVersion;
    private final boolean specificReader;
    private final SubjectNameStrategy keyStrategy;
    private final SubjectNameStrategy valueStrategy;
    private final String userInfo;

    public AvroSerdeConfig(Map<String, ?> config) {
        this(config, true);
    }

    /**
     * @param urlRequired false when the serde was given its registry in its constructor
     */
    public AvroSerdeConfig(Map<String, ?> config, boolean urlRequired) {
        Object url = config.get(SCHEMA_REGISTRY_URL);
        if (urlRequired && (url == null || url.toString().isBlank())) {
            throw new ConfigException("Missing required configuration \"" + SCHEMA_REGISTRY_URL
                    + "\" which has no default value.");
        }
        this.urls = url == null ? List.of()
                : url instanceof List<?> list ? list.stream().map(Object::toString).map(String::trim).toList()
                : Arrays.stream(url.toString().split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        this.autoRegister = bool(config, AUTO_REGISTER_SCHEMAS, true);
        this.useLatestVersion = bool(config, USE_LATEST_VERSION, false);
        this.specificReader = bool(config, SPECIFIC_AVRO_READER, false);
        this.keyStrategy = SubjectNameStrategies.named(KEY_SUBJECT_NAME_STRATEGY, config.get(KEY_SUBJECT_NAME_STRATEGY));
        this.valueStrategy = SubjectNameStrategies.named(VALUE_SUBJECT_NAME_STRATEGY,
                config.get(VALUE_SUBJECT_NAME_STRATEGY));
        this.userInfo = userInfo(config);
    }

    private static boolean bool(Map<String, ?> config, String key, boolean defaultValue) {
        Object value = config.get(key);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        String text = value.toString().trim();
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(text);
        }
        throw new ConfigException(key, value, "Expected value to be either true or false");
    }

    /** Credentials only when the source is USER_INFO, the one source this serde supports. */
    private static String userInfo(Map<String, ?> config) {
        Object source = config.get(BASIC_AUTH_CREDENTIALS_SOURCE);
        if (source == null || source.toString().isBlank()) {
            return null;
        }
        if (!"USER_INFO".equalsIgnoreCase(source.toString().trim())) {
            throw new ConfigException(BASIC_AUTH_CREDENTIALS_SOURCE, source, "only USER_INFO is supported");
        }
        Object info = config.get(BASIC_AUTH_USER_INFO);
        if (info == null) {
            info = config.get(SCHEMA_REGISTRY_USER_INFO);
        }
        if (info == null || !info.toString().contains(":")) {
            throw new ConfigException(BASIC_AUTH_USER_INFO, "(hidden)", "must be given as <user>:<password>");
        }
        return info.toString();
    }

    public List<String> urls() {
        return urls;
    }

    public boolean autoRegister() {
        return autoRegister;
    }

    public boolean useLatestVersion() {
        return useLatestVersion;
    }

    public boolean specificReader() {
        return specificReader;
    }

    public SubjectNameStrategy subjectNameStrategy(boolean isKey) {
        return isKey ? keyStrategy : valueStrategy;
    }

    /** {@code user:password} for basic auth, or null. */
    public String userInfo() {
        return userInfo;
    }
}
