package org.ceasefire.registry.store;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.apache.avro.Schema;
import org.ceasefire.registry.CompatibilityLevel;
import org.ceasefire.registry.RegisteredSchema;
import org.ceasefire.registry.SchemaReference;
import org.ceasefire.registry.SchemaRegistryException;
import org.ceasefire.registry.store.LogEntry.Config;
import org.ceasefire.registry.store.LogEntry.SchemaVersion;
import org.ceasefire.registry.store.LogEntry.VersionTombstone;

/**
 * The registry's rules (ids, versions, compatibility, deletion, Confluent's error codes) on top
 * of a {@link RegistryState} fed by a {@link SchemaLog}. The same class serves the embedded HTTP
 * server (Kafka-backed log) and {@code mock://} registries (in-memory log), so both behave alike.
 */
public final class RegistryService {

    /** How often a write is retried after losing a race with another instance on the same log. */
    private static final int MAX_WRITE_ATTEMPTS = 10;

    private final RegistryState state;
    private final SchemaLog log;

    public RegistryService(RegistryState state, SchemaLog log) {
        this.state = state;
        this.log = log;
    }

    /**
     * Parses schema text into the canonical form under which ids are assigned, so the same schema
     * written with other whitespace or key order gets the same id.
     *
     * @throws SchemaRegistryException 42201 when the text is not a valid Avro schema
     */
    public static String canonical(String schemaText) {
        if (schemaText == null || schemaText.isBlank()) {
            throw SchemaRegistryException.invalidSchema("the schema is empty");
        }
        try {
            return new Schema.Parser().parse(schemaText).toString();
        } catch (RuntimeException unparsable) {
            throw SchemaRegistryException.invalidSchema(unparsable.getMessage());
        }
    }

    /**
     * Parses schema text whose named types may be defined by referenced versions of other subjects,
     * into the canonical form (the referenced types named, not copied in), normalized first when
     * asked ({@code ?normalize=true}, see {@link SchemaNormalizer}).
     *
     * @throws SchemaRegistryException 42201 when the text is not a valid Avro schema or a reference is missing
     */
    private Candidate candidate(String schemaText, List<SchemaReference> references, boolean normalize) {
        if (schemaText == null || schemaText.isBlank()) {
            throw SchemaRegistryException.invalidSchema("the schema is empty");
        }
        Schema.Parser parser = parserWith(references);
        List<Schema> referenced = List.copyOf(parser.getTypes().values());
        Schema schema;
        try {
            schema = parser.parse(schemaText);
        } catch (RuntimeException unparsable) {
            throw SchemaRegistryException.invalidSchema(unparsable.getMessage());
        }
        String canonical = schema.toString(referenced, false);
        return new Candidate(schema, normalize ? SchemaNormalizer.normalize(canonical, referenced) : canonical,
                references);
    }

    /** A parser that knows every type the references define, theirs included, transitively. */
    private Schema.Parser parserWith(List<SchemaReference> references) {
        Schema.Parser parser = new Schema.Parser();
        addReferences(parser, references, new HashSet<>());
        return parser;
    }

    private void addReferences(Schema.Parser parser, List<SchemaReference> references, Set<String> seen) {
        for (SchemaReference reference : references) {
            if (!seen.add(reference.subject() + "\u0000" + reference.version())) {
                continue;
            }
            SchemaVersion target = state.version(reference.subject(), reference.version())
                    .or(() -> {
                        log.catchUp();
                        return state.version(reference.subject(), reference.version());
                    })
                    .orElseThrow(() -> SchemaRegistryException.invalidSchema("the reference to '" + reference.name()
                            + "' names version " + reference.version() + " of subject '" + reference.subject()
                            + "', which does not exist"));
            addReferences(parser, target.references(), seen);
            try {
                parser.parse(target.schema());
            } catch (RuntimeException clash) {
                throw SchemaRegistryException.invalidSchema("the referenced version " + reference.version()
                        + " of subject '" + reference.subject() + "' cannot be used: " + clash.getMessage());
            }
        }
    }

    /** Registers a schema under a subject, or returns the id it already has there. */
    public int register(String subject, String schemaText) {
        return register(subject, schemaText, false, List.of());
    }

    /**
     * As {@link #register(String, String)}, normalizing the schema first when asked, with the
     * references that define the types it uses.
     */
    public synchronized int register(String subject, String schemaText, boolean normalize,
            List<SchemaReference> references) {
        Candidate candidate = candidate(schemaText, references, normalize);
        String canonical = candidate.canonical();
        log.catchUp();
        for (int attempt = 1; attempt <= MAX_WRITE_ATTEMPTS; attempt++) {
            List<SchemaVersion> live = state.liveVersions(subject);
            Optional<SchemaVersion> already = live.stream().filter(candidate::sameAs).findFirst();
            if (already.isPresent()) {
                return already.get().id();
            }
            List<String> problems = effectiveCompatibility(subject)
                    .incompatibilities(candidate.schema(), parsed(live));
            if (!problems.isEmpty()) {
                throw incompatible(subject, problems);
            }
            int id = state.idOf(canonical, references).orElse(state.maxId() + 1);
            SchemaVersion entry = new SchemaVersion(subject, state.maxVersion(subject) + 1, id, canonical, false,
                    references);
            log.append(entry);
            Optional<SchemaVersion> applied = state.version(subject, entry.version());
            if (applied.isPresent() && applied.get().equals(entry)) {
                return id;
            }
            // Another instance won this version number or id. In a compacted log our entry would
            // outlive theirs under the same key, so write the winner's entry again after ours.
            applied.ifPresent(log::append);
        }
        throw SchemaRegistryException.storeError("could not register a schema under subject '" + subject
                + "' after " + MAX_WRITE_ATTEMPTS + " attempts: other registry instances kept writing", null);
    }

    /** The version of a subject holding this schema (Confluent's {@code POST /subjects/{subject}}). */
    public RegisteredSchema lookup(String subject, String schemaText) {
        return lookup(subject, schemaText, false, List.of());
    }

    /** As {@link #lookup(String, String)}, normalizing the schema first when asked, with its references. */
    public RegisteredSchema lookup(String subject, String schemaText, boolean normalize,
            List<SchemaReference> references) {
        Candidate candidate = candidate(schemaText, references, normalize);
        return afterCatchingUpOnMiss(() -> {
            List<SchemaVersion> live = state.liveVersions(subject);
            if (live.isEmpty()) {
                throw SchemaRegistryException.subjectNotFound(subject);
            }
            return live.stream().filter(candidate::sameAs).findFirst()
                    .map(RegistryService::toRegistered)
                    .orElseThrow(() -> SchemaRegistryException.schemaNotFound("under subject '" + subject + "'"));
        });
    }

    public String schemaById(int id) {
        return afterCatchingUpOnMiss(() -> state.schemaById(id)
                .orElseThrow(() -> SchemaRegistryException.schemaNotFound("with id " + id)));
    }

    /** The references of the schema with this id. */
    public List<SchemaReference> referencesById(int id) {
        schemaById(id);
        return state.referencesById(id);
    }

    /** The schema with this id, parsed with the types its references define. */
    public Schema parsedSchemaById(int id) {
        String text = schemaById(id);
        return parserWith(state.referencesById(id)).parse(text);
    }

    /** Ids of the schemas that reference a (live) version of a subject. */
    public List<Integer> referencedBy(String subject, String versionSpec) {
        return state.referencedBy(subject, version(subject, versionSpec).version());
    }

    /** The live (subject, version) pairs using a schema id. */
    public List<RegisteredSchema> usesOf(int id) {
        schemaById(id);
        return state.usesOf(id).stream().map(RegistryService::toRegistered).toList();
    }

    /** A version given as Confluent does in URLs: a number from 1, or "latest" (or -1). */
    public RegisteredSchema version(String subject, String versionSpec) {
        return version(subject, versionSpec, false);
    }

    /** A version; with {@code includeDeleted} a soft-deleted one too ({@code ?deleted=true}). */
    public RegisteredSchema version(String subject, String versionSpec, boolean includeDeleted) {
        Integer number = parseVersion(versionSpec);
        return afterCatchingUpOnMiss(() -> toRegistered(includeDeleted ? anyVersion(subject, number, versionSpec)
                : liveVersion(subject, number, versionSpec)));
    }

    /**
     * Incompatibilities of a schema with a subject's version ({@code null} or "latest": the versions
     * the subject's level looks at). Empty when compatible.
     */
    public List<String> checkCompatibility(String subject, String versionSpec, String schemaText) {
        return checkCompatibility(subject, versionSpec, schemaText, List.of());
    }

    /** As {@link #checkCompatibility(String, String, String)}, for a schema with references. */
    public List<String> checkCompatibility(String subject, String versionSpec, String schemaText,
            List<SchemaReference> references) {
        Schema candidate = candidate(schemaText, references, false).schema();
        Integer number = versionSpec == null ? null : parseVersion(versionSpec);
        CompatibilityLevel level = effectiveCompatibility(subject);
        if (number != null && number > 0) {
            SchemaVersion against = afterCatchingUpOnMiss(() -> liveVersion(subject, number, versionSpec));
            return level.incompatibilities(candidate, parsed(List.of(against)));
        }
        // Against "latest" of a subject without versions anything is compatible, as in Confluent's registry.
        return level.incompatibilities(candidate, parsed(state.liveVersions(subject)));
    }

    public CompatibilityLevel globalCompatibility() {
        return state.globalLevel();
    }

    /** A subject's own level, if one was set. */
    public Optional<CompatibilityLevel> subjectCompatibility(String subject) {
        return state.subjectLevel(subject);
    }

    public CompatibilityLevel effectiveCompatibility(String subject) {
        return state.subjectLevel(subject).orElse(state.globalLevel());
    }

    /** Sets the global level ({@code subject} null) or a subject's; 42203 for an unknown level. */
    public synchronized CompatibilityLevel setCompatibility(String subject, String level) {
        CompatibilityLevel parsed = CompatibilityLevel.parse(level);
        log.append(new Config(subject, parsed));
        return parsed;
    }

    /** Removes a subject's own level, so the global one applies again; returns the removed level. */
    public synchronized CompatibilityLevel deleteSubjectCompatibility(String subject) {
        CompatibilityLevel previous = state.subjectLevel(subject)
                .orElseThrow(() -> SchemaRegistryException.subjectNotFound(subject));
        log.append(new Config(subject, null));
        return previous;
    }

    public List<String> subjects() {
        return subjects(false);
    }

    /** Subjects with a live version; with {@code includeDeleted} also the soft-deleted ones. */
    public List<String> subjects(boolean includeDeleted) {
        return includeDeleted ? state.allSubjects() : state.liveSubjects();
    }

    public List<Integer> versions(String subject) {
        return versions(subject, false);
    }

    /** A subject's version numbers; with {@code includeDeleted} the soft-deleted ones too. */
    public List<Integer> versions(String subject, boolean includeDeleted) {
        return afterCatchingUpOnMiss(() -> {
            List<Integer> versions = (includeDeleted ? state.allVersions(subject) : state.liveVersions(subject))
                    .stream().map(SchemaVersion::version).toList();
            if (versions.isEmpty()) {
                throw SchemaRegistryException.subjectNotFound(subject);
            }
            return versions;
        });
    }

    /**
     * Deletes a subject: soft (its versions stay readable by id) or, when it is already
     * soft-deleted, permanent. Returns the version numbers deleted.
     */
    public synchronized List<Integer> deleteSubject(String subject, boolean permanent) {
        log.catchUp();
        List<SchemaVersion> all = state.allVersions(subject);
        if (all.isEmpty()) {
            throw SchemaRegistryException.subjectNotFound(subject);
        }
        List<SchemaVersion> live = all.stream().filter(v -> !v.deleted()).toList();
        if (permanent) {
            if (!live.isEmpty()) {
                throw new SchemaRegistryException(404, SchemaRegistryException.SUBJECT_NOT_SOFT_DELETED,
                        "Subject '" + subject + "' was not deleted first before being permanently deleted");
            }
            all.forEach(v -> log.append(new VersionTombstone(subject, v.version())));
            return all.stream().map(SchemaVersion::version).toList();
        }
        if (live.isEmpty()) {
            throw new SchemaRegistryException(404, SchemaRegistryException.SUBJECT_SOFT_DELETED,
                    "Subject '" + subject + "' was soft deleted. Set permanent=true to delete permanently");
        }
        live.forEach(this::requireUnreferenced);
        live.forEach(v -> log.append(softDeleted(v)));
        return live.stream().map(SchemaVersion::version).toList();
    }

    /** Deletes one version, soft or (when already soft-deleted) permanent; returns its number. */
    public synchronized int deleteVersion(String subject, String versionSpec, boolean permanent) {
        Integer number = parseVersion(versionSpec);
        log.catchUp();
        if (state.allVersions(subject).isEmpty()) {
            throw SchemaRegistryException.subjectNotFound(subject);
        }
        if (permanent) {
            SchemaVersion version = (number < 0 ? state.allVersions(subject).stream().reduce((a, b) -> b)
                    : state.version(subject, number))
                    .orElseThrow(() -> SchemaRegistryException.versionNotFound(subject, versionSpec));
            if (!version.deleted()) {
                throw new SchemaRegistryException(404, SchemaRegistryException.VERSION_NOT_SOFT_DELETED,
                        "Subject '" + subject + "' Version " + version.version()
                                + " was not deleted first before being permanently deleted");
            }
            log.append(new VersionTombstone(subject, version.version()));
            return version.version();
        }
        if (number > 0 && state.version(subject, number).filter(SchemaVersion::deleted).isPresent()) {
            throw new SchemaRegistryException(404, SchemaRegistryException.VERSION_SOFT_DELETED,
                    "Subject '" + subject + "' Version " + number + " was soft deleted. "
                            + "Set permanent=true to delete permanently");
        }
        SchemaVersion version = liveVersion(subject, number, versionSpec);
        requireUnreferenced(version);
        log.append(softDeleted(version));
        return version.version();
    }

    /** A version other schemas reference cannot be deleted (Confluent's 42206). */
    private void requireUnreferenced(SchemaVersion version) {
        List<Integer> users = state.referencedBy(version.subject(), version.version());
        if (!users.isEmpty()) {
            throw new SchemaRegistryException(422, SchemaRegistryException.REFERENCE_EXISTS,
                    "Version " + version.version() + " of subject '" + version.subject()
                            + "' is referenced by the schemas with ids " + users + "; delete those first");
        }
    }

    /** A version whether soft-deleted or not; "latest" is the newest of them. */
    private SchemaVersion anyVersion(String subject, int number, String versionSpec) {
        List<SchemaVersion> all = state.allVersions(subject);
        if (all.isEmpty()) {
            throw SchemaRegistryException.subjectNotFound(subject);
        }
        if (number < 0) {
            return all.get(all.size() - 1);
        }
        return all.stream().filter(v -> v.version() == number).findFirst()
                .orElseThrow(() -> SchemaRegistryException.versionNotFound(subject, versionSpec));
    }

    private SchemaVersion liveVersion(String subject, int number, String versionSpec) {
        List<SchemaVersion> live = state.liveVersions(subject);
        if (live.isEmpty()) {
            throw SchemaRegistryException.subjectNotFound(subject);
        }
        if (number < 0) {
            return live.get(live.size() - 1);
        }
        return live.stream().filter(v -> v.version() == number).findFirst()
                .orElseThrow(() -> SchemaRegistryException.versionNotFound(subject, versionSpec));
    }

    /** "latest" and -1 become -1; other numbers must be at least 1. */
    private static Integer parseVersion(String versionSpec) {
        if (versionSpec == null) {
            throw SchemaRegistryException.invalidVersion("null");
        }
        if ("latest".equalsIgnoreCase(versionSpec.trim())) {
            return -1;
        }
        try {
            int number = Integer.parseInt(versionSpec.trim());
            if (number == -1 || number >= 1) {
                return number;
            }
        } catch (NumberFormatException notANumber) {
            // reported below with Confluent's error code
        }
        throw SchemaRegistryException.invalidVersion(versionSpec);
    }

    /**
     * Reads are served from local state without waiting for the log; only when something is not
     * found does this instance first catch up, so that a write made through another instance a
     * moment ago is seen rather than reported missing.
     */
    private <T> T afterCatchingUpOnMiss(Supplier<T> read) {
        try {
            return read.get();
        } catch (SchemaRegistryException notFound) {
            if (notFound.status() != 404) {
                throw notFound;
            }
            log.catchUp();
            return read.get();
        }
    }

    private static SchemaVersion softDeleted(SchemaVersion v) {
        return new SchemaVersion(v.subject(), v.version(), v.id(), v.schema(), true, v.references());
    }

    private List<Schema> parsed(List<SchemaVersion> versions) {
        return versions.stream().map(v -> parserWith(v.references()).parse(v.schema())).toList();
    }

    private static RegisteredSchema toRegistered(SchemaVersion v) {
        return new RegisteredSchema(v.subject(), v.version(), v.id(), v.schema(), v.references());
    }

    /** A schema to register, look up or check: parsed, in canonical text, with its references. */
    private record Candidate(Schema schema, String canonical, List<SchemaReference> references) {

        boolean sameAs(SchemaVersion version) {
            return version.schema().equals(canonical) && version.references().equals(references);
        }
    }

    private static SchemaRegistryException incompatible(String subject, List<String> problems) {
        return new SchemaRegistryException(SchemaRegistryException.INCOMPATIBLE_SCHEMA,
                SchemaRegistryException.INCOMPATIBLE_SCHEMA_CODE,
                "Schema being registered is incompatible with an earlier schema for subject '" + subject
                        + "': " + String.join("; ", problems));
    }
}
