package org.ceasefire.registry.serde;

import java.util.Locale;

import org.apache.kafka.common.config.ConfigException;

/**
 * Resolves a {@code *.subject.name.strategy} setting. Accepts Confluent's class names (so a
 * configuration written for Confluent's serde works unchanged), ours, the short names, or any
 * class on the class path implementing {@link SubjectNameStrategy}.
 */
final class SubjectNameStrategies {

    private SubjectNameStrategies() {
    }

    static SubjectNameStrategy named(String configKey, Object setting) {
        if (setting == null) {
            return new SubjectNameStrategy.TopicNameStrategy();
        }
        if (setting instanceof SubjectNameStrategy strategy) {
            return strategy;
        }
        String name = setting instanceof Class<?> type ? type.getName() : setting.toString().trim();
        // Confluent's, ours (nested in SubjectNameStrategy) and short names all end the same way.
        String afterDot = name.substring(name.lastIndexOf('.') + 1);
        String simple = afterDot.substring(afterDot.lastIndexOf('$') + 1);
        switch (simple.toLowerCase(Locale.ROOT)) {
            case "topicnamestrategy":
                return new SubjectNameStrategy.TopicNameStrategy();
            case "recordnamestrategy":
                return new SubjectNameStrategy.RecordNameStrategy();
            case "topicrecordnamestrategy":
                return new SubjectNameStrategy.TopicRecordNameStrategy();
            default:
                return instantiate(configKey, name);
        }
    }

    private static SubjectNameStrategy instantiate(String configKey, String className) {
        try {
            Object instance = Class.forName(className).getDeclaredConstructor().newInstance();
            if (instance instanceof SubjectNameStrategy strategy) {
                return strategy;
            }
            throw new ConfigException(configKey, className, "is not a " + SubjectNameStrategy.class.getName());
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new ConfigException(configKey, className,
                    "unknown subject name strategy (use TopicNameStrategy, RecordNameStrategy or "
                            + "TopicRecordNameStrategy): " + e);
        }
    }
}
