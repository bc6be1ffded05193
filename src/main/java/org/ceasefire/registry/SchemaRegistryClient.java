package org.ceasefire.registry;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.avro.Schema;

/**
 * A client of Confluent's Schema Registry REST API (and of {@link EmbeddedSchemaRegistry}). Ids
 * are cached both ways, so a schema is registered once per subject per client and a schema is
 * fetched once per id. Several URLs fail over; see {@link RetryPolicy} for retries.
 */
public final class SchemaRegistryClient implements SchemaRegistry {

    private final RegistryHttp http;
    private final Map<SubjectSchema, Integer> idsBySubjectSchema = new ConcurrentHashMap<>();
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();

    public SchemaRegistryClient(List<URI> urls, String userInfo, RetryPolicy retry) {
        this.http = new RegistryHttp(urls, userInfo, retry);
    }

    /** A client for one URL, without credentials, with the default retry policy. */
    public static SchemaRegistryClient forUrl(String url) {
        return forUrls(List.of(url), null);
    }

    /**
     * A client for URLs tried in turn (as in a comma-separated {@code schema.registry.url}).
     *
     * @param userInfo {@code user:password} for basic auth, or null
     */
    public static SchemaRegistryClient forUrls(List<String> urls, String userInfo) {
        return new SchemaRegistryClient(urls.stream().map(URI::create).toList(), userInfo, RetryPolicy.DEFAULT);
    }

    public List<URI> urls() {
        return http.baseUrls();
    }

    /** The HTTP client underneath: one per registry URL list in the process. */
    java.net.http.HttpClient httpClient() {
        return http.httpClient();
    }

    @Override
    public int register(String subject, Schema schema) {
        SubjectSchema key = new SubjectSchema(subject, schema);
        Integer cached = idsBySubjectSchema.get(key);
        if (cached != null) {
            return cached;
        }
        JsonNode answer = http.send("POST", "/subjects/" + RegistryHttp.segment(subject) + "/versions",
                schemaBody(schema));
        int id = answer.path("id").asInt();
        idsBySubjectSchema.put(key, id);
        schemasById.putIfAbsent(id, schema);
        return id;
    }

    @Override
    public RegisteredSchema lookup(String subject, Schema schema) {
        RegisteredSchema found = registered(http.send("POST", "/subjects/" + RegistryHttp.segment(subject),
                schemaBody(schema)));
        idsBySubjectSchema.put(new SubjectSchema(subject, schema), found.id());
        schemasById.putIfAbsent(found.id(), schema);
        return found;
    }

    /** The schema with this id; the types its references name are fetched and parsed with it. */
    @Override
    public Schema schemaById(int id) {
        return schemasById.computeIfAbsent(id, missing -> {
            JsonNode answer = http.send("GET", "/schemas/ids/" + missing, null);
            Schema.Parser parser = new Schema.Parser();
            addReferences(parser, references(answer), new HashSet<>());
            return parser.parse(answer.path("schema").asText());
        });
    }

    /** Parses every version the references name (and theirs, first) into the parser. */
    private void addReferences(Schema.Parser parser, List<SchemaReference> references, Set<String> seen) {
        for (SchemaReference reference : references) {
            if (seen.add(reference.subject() + "\u0000" + reference.version())) {
                RegisteredSchema target = version(reference.subject(), reference.version());
                addReferences(parser, target.references(), seen);
                parser.parse(target.schema());
            }
        }
    }

    @Override
    public RegisteredSchema version(String subject, int version) {
        return versionNamed(subject, Integer.toString(version));
    }

    @Override
    public RegisteredSchema latest(String subject) {
        return versionNamed(subject, "latest");
    }

    private RegisteredSchema versionNamed(String subject, String version) {
        return registered(http.send("GET", "/subjects/" + RegistryHttp.segment(subject) + "/versions/" + version,
                null));
    }

    @Override
    public boolean isCompatible(String subject, Schema schema) {
        return incompatibilities(subject, schema).isEmpty();
    }

    /**
     * Why a schema could not be registered under a subject now (Confluent's verbose compatibility
     * check); empty when it could, including when the subject does not exist yet.
     */
    public List<String> incompatibilities(String subject, Schema schema) {
        JsonNode answer;
        try {
            answer = http.send("POST", "/compatibility/subjects/" + RegistryHttp.segment(subject)
                    + "/versions/latest?verbose=true", schemaBody(schema));
        } catch (SchemaRegistryException e) {
            if (e.errorCode() == SchemaRegistryException.SUBJECT_NOT_FOUND
                    || e.errorCode() == SchemaRegistryException.VERSION_NOT_FOUND) {
                return List.of();
            }
            throw e;
        }
        if (answer.path("is_compatible").asBoolean(false)) {
            return List.of();
        }
        List<String> messages = new ArrayList<>();
        answer.path("messages").forEach(m -> messages.add(m.asText()));
        return messages.isEmpty() ? List.of("incompatible") : messages;
    }

    @Override
    public CompatibilityLevel compatibility() {
        return CompatibilityLevel.parse(http.send("GET", "/config", null).path("compatibilityLevel").asText());
    }

    @Override
    public CompatibilityLevel compatibility(String subject) {
        return CompatibilityLevel.parse(http.send("GET", "/config/" + RegistryHttp.segment(subject)
                + "?defaultToGlobal=true", null).path("compatibilityLevel").asText());
    }

    @Override
    public void setCompatibility(CompatibilityLevel level) {
        http.send("PUT", "/config", JsonNodeFactory.instance.objectNode().put("compatibility", level.name()));
    }

    @Override
    public void setCompatibility(String subject, CompatibilityLevel level) {
        http.send("PUT", "/config/" + RegistryHttp.segment(subject),
                JsonNodeFactory.instance.objectNode().put("compatibility", level.name()));
    }

    @Override
    public List<String> subjects() {
        List<String> subjects = new ArrayList<>();
        http.send("GET", "/subjects", null).forEach(s -> subjects.add(s.asText()));
        return subjects;
    }

    @Override
    public List<Integer> versions(String subject) {
        return intList(http.send("GET", "/subjects/" + RegistryHttp.segment(subject) + "/versions", null));
    }

    @Override
    public List<Integer> deleteSubject(String subject) {
        return deleteSubject(subject, false);
    }

    /** Deletes a subject; {@code permanent} removes an already soft-deleted one for good. */
    public List<Integer> deleteSubject(String subject, boolean permanent) {
        List<Integer> deleted = intList(http.send("DELETE", "/subjects/" + RegistryHttp.segment(subject)
                + (permanent ? "?permanent=true" : ""), null));
        idsBySubjectSchema.keySet().removeIf(key -> key.subject().equals(subject));
        return deleted;
    }

    @Override
    public int deleteVersion(String subject, int version) {
        int deleted = http.send("DELETE", "/subjects/" + RegistryHttp.segment(subject) + "/versions/" + version,
                null).asInt();
        idsBySubjectSchema.keySet().removeIf(key -> key.subject().equals(subject));
        return deleted;
    }

    private static ObjectNode schemaBody(Schema schema) {
        return JsonNodeFactory.instance.objectNode().put("schema", schema.toString());
    }

    private static RegisteredSchema registered(JsonNode node) {
        return new RegisteredSchema(node.path("subject").asText(), node.path("version").asInt(),
                node.path("id").asInt(), node.path("schema").asText(), references(node));
    }

    private static List<SchemaReference> references(JsonNode node) {
        List<SchemaReference> references = new ArrayList<>();
        node.path("references").forEach(r -> references.add(new SchemaReference(r.path("name").asText(),
                r.path("subject").asText(), r.path("version").asInt())));
        return references;
    }

    private static List<Integer> intList(JsonNode array) {
        List<Integer> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asInt()));
        return values;
    }

    private record SubjectSchema(String subject, Schema schema) {
    }
}
