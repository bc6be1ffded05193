package org.ceasefire.topics;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.avro.Schema;
import org.ceasefire.avro.MinistryStatement;
import org.ceasefire.avro.Place;
import org.ceasefire.registry.SchemaRegistryClient;
import org.ceasefire.registry.serde.AvroSerdeConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the schemas of the two input topics (statements and gazetteer) under their value
 * subjects when the app or dev-cluster starts. A Java producer registers on its first send, but
 * producers in other languages configured with {@code use.latest.version} (Confluent's JavaScript
 * serializer, for one) only look the latest version up and fail with 40401 until it exists.
 * Nothing is registered when {@code auto.register.schemas} is false: then the subjects are the
 * registry owner's to manage.
 */
public final class InputSubjects {
    private static final Logger LOG = LoggerFactory.getLogger(InputSubjects.class);

    private InputSubjects() {
    }

    /** The subject and schema of each input topic, as the configured value subject name strategy names them. */
    public static Map<String, Schema> of(Topics topics, Map<String, ?> serdeConfig) {
        AvroSerdeConfig serde = new AvroSerdeConfig(serdeConfig);
        Map<String, Schema> subjects = new LinkedHashMap<>();
        subjects.put(serde.subjectNameStrategy(false).subjectName(topics.statements(), false, MinistryStatement.getClassSchema()),
                MinistryStatement.getClassSchema());
        subjects.put(serde.subjectNameStrategy(false).subjectName(topics.gazetteer(), false, Place.getClassSchema()),
                Place.getClassSchema());
        return subjects;
    }

    /**
     * Registers both subjects (registering the same schema again is a no-op in the registry);
     * returns the registered subjects and their schema ids, empty when auto-registration is off or the
     * registry is an in-memory {@code mock://} one.
     */
    public static Map<String, Integer> register(Topics topics, Map<String, ?> serdeConfig) {
        AvroSerdeConfig serde = new AvroSerdeConfig(serdeConfig);
        if (!serde.autoRegister() || serde.urls().stream().anyMatch(url -> url.startsWith("mock://"))) {
            return Map.of();
        }
        Map<String, Integer> ids = new LinkedHashMap<>();
        try (SchemaRegistryClient registry = SchemaRegistryClient.forUrls(serde.urls(), serde.userInfo())) {
            of(topics, serdeConfig).forEach((subject, schema) -> ids.put(subject, registry.register(subject, schema)));
        }
        LOG.info("Input schemas registered: {}", ids);
        return ids;
    }
}
