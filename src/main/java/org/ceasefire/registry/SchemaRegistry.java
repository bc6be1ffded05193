package org.ceasefire.registry;

import java.util.List;

import org.apache.avro.Schema;

/**
 * What the serde and the rest of the application need from a Schema Registry. Implemented by
 * the HTTP {@link SchemaRegistryClient} and by the in-process {@link InMemorySchemaRegistry}
 * behind {@code mock://} URLs; both report failures as {@link SchemaRegistryException}.
 */
public interface SchemaRegistry extends AutoCloseable {

    /** Registers the schema under the subject (or finds it there) and returns its global id. */
    int register(String subject, Schema schema);

    /** Finds a schema already registered under a subject, without registering it. */
    RegisteredSchema lookup(String subject, Schema schema);

    /** The schema with this global id. */
    Schema schemaById(int id);

    /** One version of a subject; {@code version} must be at least 1. */
    RegisteredSchema version(String subject, int version);

    /** The newest live version of a subject. */
    RegisteredSchema latest(String subject);

    /**
     * Whether the schema could be registered under the subject now, under the subject's
     * compatibility level (checked against the latest version, or all of them when transitive).
     */
    boolean isCompatible(String subject, Schema schema);

    /** The global compatibility level. */
    CompatibilityLevel compatibility();

    /** The level in force for a subject: its own if set, otherwise the global one. */
    CompatibilityLevel compatibility(String subject);

    /** Sets the global compatibility level. */
    void setCompatibility(CompatibilityLevel level);

    /** Sets a subject's own compatibility level. */
    void setCompatibility(String subject, CompatibilityLevel level);

    /** Subjects with at least one live version, sorted. */
    List<String> subjects();

    /** Live versions of a subject, ascending. */
    List<Integer> versions(String subject);

    /** Soft-deletes every version of a subject (as Confluent's DELETE does); returns them. */
    List<Integer> deleteSubject(String subject);

    /** Soft-deletes one version; returns its number. */
    int deleteVersion(String subject, int version);

    /** Releases connections; the default has nothing to release. */
    @Override
    default void close() {
    }
}
