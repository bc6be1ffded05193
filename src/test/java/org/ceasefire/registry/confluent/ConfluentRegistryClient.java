package org.ceasefire.registry.confluent;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Confluent's {@code CachedSchemaRegistryClient} (7.9.5) behind a few typed methods, so the tests
 * read like ordinary client code. Every call goes through Confluent's own REST client.
 */
final class ConfluentRegistryClient {

    private static final String CLIENT = "io.confluent.kafka.schemaregistry.client.CachedSchemaRegistryClient";
    private static final String AVRO_SCHEMA = "io.confluent.kafka.schemaregistry.avro.AvroSchema";

    private final Object client;

    ConfluentRegistryClient(String url) {
        this(url, Map.of());
    }

    /** With client settings such as {@code basic.auth.credentials.source} and {@code basic.auth.user.info}. */
    ConfluentRegistryClient(String url, Map<String, ?> config) {
        this.client = ConfluentClasses.create(CLIENT, url, 100, config);
    }

    static Object avroSchema(String schema) {
        return ConfluentClasses.create(AVRO_SCHEMA, schema);
    }

    int register(String subject, String schema) {
        return (int) ConfluentClasses.call(client, "register", subject, avroSchema(schema));
    }

    /** The version of a subject that holds the schema (Confluent's lookup). */
    int version(String subject, String schema) {
        return (int) ConfluentClasses.call(client, "getVersion", subject, avroSchema(schema));
    }

    int id(String subject, String schema) {
        return (int) ConfluentClasses.call(client, "getId", subject, avroSchema(schema));
    }

    /** The schema with this id, as Confluent's client parses it (its canonical text). */
    String schemaById(int id) {
        return ConfluentClasses.call(ConfluentClasses.call(client, "getSchemaById", id), "canonicalString").toString();
    }

    /** id, version and schema text of the latest version. */
    List<Object> latest(String subject) {
        Object metadata = ConfluentClasses.call(client, "getLatestSchemaMetadata", subject);
        return List.of(ConfluentClasses.call(metadata, "getId"), ConfluentClasses.call(metadata, "getVersion"),
                ConfluentClasses.call(metadata, "getSchema"));
    }

    /** The number of a version read back, soft-deleted ones included when {@code lookupDeleted}. */
    int versionNumber(String subject, int version, boolean lookupDeleted) {
        Object metadata = ConfluentClasses.call(client, "getSchemaMetadata", subject, version, lookupDeleted);
        return (int) ConfluentClasses.call(metadata, "getVersion");
    }

    boolean isCompatible(String subject, String schema) {
        return (boolean) ConfluentClasses.call(client, "testCompatibility", subject, avroSchema(schema));
    }

    @SuppressWarnings("unchecked")
    List<String> incompatibilities(String subject, String schema) {
        return (List<String>) ConfluentClasses.call(client, "testCompatibilityVerbose", subject, avroSchema(schema));
    }

    /** Sets a subject's level (null: the global one); returns the level the registry reports back. */
    String setCompatibility(String subject, String level) {
        return (String) ConfluentClasses.call(client, "updateCompatibility", subject, level);
    }

    String compatibility(String subject) {
        return (String) ConfluentClasses.call(client, "getCompatibility", subject);
    }

    void deleteCompatibility(String subject) {
        ConfluentClasses.call(client, "deleteCompatibility", subject);
    }

    String mode(String subject) {
        return (String) (subject == null ? ConfluentClasses.call(client, "getMode")
                : ConfluentClasses.call(client, "getMode", subject));
    }

    @SuppressWarnings("unchecked")
    List<String> subjects(boolean includeDeleted) {
        return new ArrayList<>((Collection<String>) ConfluentClasses.call(client, "getAllSubjects", includeDeleted));
    }

    @SuppressWarnings("unchecked")
    List<Integer> versions(String subject, boolean includeDeleted) {
        return (List<Integer>) ConfluentClasses.call(client, "getAllVersions", subject, includeDeleted);
    }

    @SuppressWarnings("unchecked")
    List<Integer> deleteSubject(String subject, boolean permanent) {
        return (List<Integer>) ConfluentClasses.call(client, "deleteSubject", subject, permanent);
    }

    int deleteVersion(String subject, String version, boolean permanent) {
        return (Integer) ConfluentClasses.call(client, "deleteSchemaVersion", subject, version, permanent);
    }
}
