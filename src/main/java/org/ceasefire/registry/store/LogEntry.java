package org.ceasefire.registry.store;

import org.ceasefire.registry.CompatibilityLevel;

/**
 * One change to the registry's state, as written to (and replayed from) the schemas log. The
 * log is the only source of truth: every instance applies the same entries in the same order.
 */
public sealed interface LogEntry {

    /** A schema version of a subject; {@code deleted} marks a soft delete. */
    record SchemaVersion(String subject, int version, int id, String schema, boolean deleted)
            implements LogEntry {
    }

    /** Permanent removal of a (soft-deleted) version: a tombstone in the compacted log. */
    record VersionTombstone(String subject, int version) implements LogEntry {
    }

    /** A compatibility level; {@code subject} null for the global one, {@code level} null to clear it. */
    record Config(String subject, CompatibilityLevel level) implements LogEntry {
    }
}
