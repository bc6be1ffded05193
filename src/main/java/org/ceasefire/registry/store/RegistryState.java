package org.ceasefire.registry.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.ceasefire.registry.CompatibilityLevel;
import org.ceasefire.registry.SchemaReference;
import org.ceasefire.registry.store.LogEntry.Config;
import org.ceasefire.registry.store.LogEntry.SchemaVersion;
import org.ceasefire.registry.store.LogEntry.VersionTombstone;

/**
 * The registry's subjects, versions, ids and compatibility levels, built only by applying
 * {@link LogEntry log entries}. Applying is deterministic and "first writer wins": an entry that
 * contradicts what earlier entries established (an id already taken by another schema, a version
 * already holding another schema) is ignored, so two instances that raced still agree after
 * reading the same log. Thread-safe: one thread applies, request threads read.
 */
public final class RegistryState {

    private final Map<String, TreeMap<Integer, SchemaVersion>> subjects = new HashMap<>();
    /** Per id, the version that first took it (its text and references are the id's schema). */
    private final Map<Integer, SchemaVersion> schemaById = new HashMap<>();
    /** Per schema identity (text and references), its id. */
    private final Map<String, Integer> idBySchema = new HashMap<>();
    private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
    private final CompatibilityLevel defaultLevel;
    private CompatibilityLevel globalLevel;
    private int maxId;

    public RegistryState() {
        this(CompatibilityLevel.BACKWARD);
    }

    public RegistryState(CompatibilityLevel defaultLevel) {
        this.defaultLevel = defaultLevel;
        this.globalLevel = defaultLevel;
    }

    /** Applies an entry; returns false when it was ignored because it contradicts earlier ones. */
    public synchronized boolean apply(LogEntry entry) {
        if (entry instanceof SchemaVersion version) {
            return applyVersion(version);
        } else if (entry instanceof VersionTombstone tombstone) {
            return applyTombstone(tombstone);
        } else if (entry instanceof Config config) {
            applyConfig(config);
            return true;
        }
        throw new IllegalArgumentException("unknown log entry " + entry);
    }

    /** A schema's identity: its text, and its references when it has some. */
    static String identity(String schema, List<SchemaReference> references) {
        return references.isEmpty() ? schema : schema + "\u0000" + references;
    }

    private boolean applyVersion(SchemaVersion entry) {
        SchemaVersion schemaWithThisId = schemaById.get(entry.id());
        if (schemaWithThisId != null && !schemaWithThisId.identity().equals(entry.identity())) {
            return false;
        }
        Integer idOfThisSchema = idBySchema.get(entry.identity());
        if (idOfThisSchema != null && idOfThisSchema != entry.id()) {
            return false;
        }
        TreeMap<Integer, SchemaVersion> versions = subjects.computeIfAbsent(entry.subject(), s -> new TreeMap<>());
        SchemaVersion existing = versions.get(entry.version());
        if (existing != null && existing.id() != entry.id()) {
            return false;
        }
        versions.put(entry.version(), entry);
        schemaById.putIfAbsent(entry.id(), entry);
        idBySchema.put(entry.identity(), entry.id());
        maxId = Math.max(maxId, entry.id());
        return true;
    }

    private boolean applyTombstone(VersionTombstone tombstone) {
        TreeMap<Integer, SchemaVersion> versions = subjects.get(tombstone.subject());
        SchemaVersion existing = versions == null ? null : versions.get(tombstone.version());
        // Only soft-deleted versions may be removed for good, as in Confluent's registry.
        if (existing == null || !existing.deleted()) {
            return false;
        }
        versions.remove(tombstone.version());
        if (versions.isEmpty()) {
            subjects.remove(tombstone.subject());
        }
        // An id no version holds any more is gone, as in Confluent's registry (40403); the schema keeps
        // its id should it be registered again, so ids stay one per schema.
        if (subjects.values().stream().flatMap(v -> v.values().stream()).noneMatch(v -> v.id() == existing.id())) {
            schemaById.remove(existing.id());
        }
        return true;
    }

    private void applyConfig(Config config) {
        if (config.subject() == null) {
            globalLevel = config.level() == null ? defaultLevel : config.level();
        } else if (config.level() == null) {
            subjectLevels.remove(config.subject());
        } else {
            subjectLevels.put(config.subject(), config.level());
        }
    }

    /** A version of a subject, soft-deleted or not. */
    public synchronized Optional<SchemaVersion> version(String subject, int version) {
        TreeMap<Integer, SchemaVersion> versions = subjects.get(subject);
        return Optional.ofNullable(versions == null ? null : versions.get(version));
    }

    /** Versions of a subject that are not soft-deleted, oldest first. */
    public synchronized List<SchemaVersion> liveVersions(String subject) {
        return versionsOf(subject, false);
    }

    /** Every version of a subject still in the log, soft-deleted ones included, oldest first. */
    public synchronized List<SchemaVersion> allVersions(String subject) {
        return versionsOf(subject, true);
    }

    private List<SchemaVersion> versionsOf(String subject, boolean includeDeleted) {
        List<SchemaVersion> result = new ArrayList<>();
        TreeMap<Integer, SchemaVersion> versions = subjects.get(subject);
        if (versions != null) {
            versions.values().stream().filter(v -> includeDeleted || !v.deleted()).forEach(result::add);
        }
        return result;
    }

    /** Subjects with at least one live version, sorted. */
    public synchronized List<String> liveSubjects() {
        return subjects.entrySet().stream()
                .filter(e -> e.getValue().values().stream().anyMatch(v -> !v.deleted()))
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
    }

    /** Subjects with any version still in the log, soft-deleted ones included, sorted. */
    public synchronized List<String> allSubjects() {
        return subjects.keySet().stream().sorted().toList();
    }

    /** Every live (subject, version) that holds the schema with this id. */
    public synchronized List<SchemaVersion> usesOf(int id) {
        return subjects.values().stream()
                .flatMap(versions -> versions.values().stream())
                .filter(v -> v.id() == id && !v.deleted())
                .sorted((a, b) -> a.subject().equals(b.subject())
                        ? Integer.compare(a.version(), b.version()) : a.subject().compareTo(b.subject()))
                .toList();
    }

    public synchronized Optional<String> schemaById(int id) {
        return Optional.ofNullable(schemaById.get(id)).map(SchemaVersion::schema);
    }

    /** The references of the schema with this id (empty when it has none or the id is unknown). */
    public synchronized List<SchemaReference> referencesById(int id) {
        SchemaVersion version = schemaById.get(id);
        return version == null ? List.of() : version.references();
    }

    public synchronized Optional<Integer> idOf(String canonicalSchema, List<SchemaReference> references) {
        return Optional.ofNullable(idBySchema.get(identity(canonicalSchema, references)));
    }

    /** Ids of the live schemas that reference this version of a subject, ascending. */
    public synchronized List<Integer> referencedBy(String subject, int version) {
        return subjects.values().stream()
                .flatMap(versions -> versions.values().stream())
                .filter(v -> !v.deleted() && v.references().stream()
                        .anyMatch(r -> r.subject().equals(subject) && r.version() == version))
                .map(SchemaVersion::id)
                .distinct()
                .sorted()
                .toList();
    }

    /** The highest id ever applied: the next new schema gets one more. */
    public synchronized int maxId() {
        return maxId;
    }

    /** The highest version number a subject ever had, soft-deleted ones included (0 if none). */
    public synchronized int maxVersion(String subject) {
        TreeMap<Integer, SchemaVersion> versions = subjects.get(subject);
        return versions == null || versions.isEmpty() ? 0 : versions.lastKey();
    }

    public synchronized CompatibilityLevel globalLevel() {
        return globalLevel;
    }

    public synchronized Optional<CompatibilityLevel> subjectLevel(String subject) {
        return Optional.ofNullable(subjectLevels.get(subject));
    }
}
