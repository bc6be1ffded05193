package org.ceasefire.registry.store;

import java.util.List;

import org.ceasefire.registry.CompatibilityLevel;
import org.ceasefire.registry.SchemaReference;

/**
 * One change to the registry's state, as written to (and replayed from) the schemas log. The
 * log is the only source of truth: every instance applies the same entries in the same order.
 */
public sealed interface LogEntry {

    /**
     * A schema version of a subject; {@code deleted} marks a soft delete; {@code references} name the
     * versions of other subjects that define the types the schema uses.
     */
    record SchemaVersion(String subject, int version, int id, String schema, boolean deleted,
            List<SchemaReference> references) implements LogEntry {

        public SchemaVersion {
            references = references == null ? List.of() : List.copyOf(references);
        }

        public SchemaVersion(String subject, int version, int id, String schema, boolean deleted) {
            this(subject, version, id, schema, deleted, List.of());
        }

        /** What makes two versions the same schema: the text and the references. */
        public String identity() {
            return RegistryState.identity(schema, references);
        }
    }

    /** Permanent removal of a (soft-deleted) version: a tombstone in the compacted log. */
    record VersionTombstone(String subject, int version) implements LogEntry {
    }

    /** A compatibility level; {@code subject} null for the global one, {@code level} null to clear it. */
    record Config(String subject, CompatibilityLevel level) implements LogEntry {
    }
}
