package org.ceasefire.registry.server;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.ceasefire.registry.CompatibilityLevel;
import org.ceasefire.registry.RegisteredSchema;
import org.ceasefire.registry.SchemaReference;
import org.ceasefire.registry.SchemaRegistryException;
import org.ceasefire.registry.store.RegistryService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Confluent's Schema Registry REST API over a {@link RegistryService}: the same paths, JSON
 * shapes, status codes and {@code error_code}s, so Confluent's clients in any language work
 * against it. Client mistakes always get a 4xx; only store failures get a 500 (50001).
 */
final class RegistryRestHandler {

    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final String DEFAULT_CONTEXT = ".";
    private static final String READWRITE = "READWRITE";
    private static final int SUBJECT_LEVEL_MODE_NOT_CONFIGURED = 40409;
    private static final int INVALID_MODE = 42204;
    private static final String VERSION = versionOfThisBuild();
    private static final Logger LOG = LoggerFactory.getLogger(RegistryRestHandler.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RegistryService service;
    private final int maxBodyBytes;
    private final BasicAuth auth;

    RegistryRestHandler(RegistryService service, int maxBodyBytes, BasicAuth auth) {
        this.service = service;
        this.maxBodyBytes = maxBodyBytes;
        this.auth = auth;
    }

    void handle(RestExchange exchange) throws IOException {
        int status;
        Object body;
        String[] extraHeader = null;
        try {
            if (!auth.admits(exchange.header("Authorization"))) {
                extraHeader = new String[] {"WWW-Authenticate", "Basic realm=\"schema-registry\""};
                throw new HttpError(401, 401, "Unauthorized: this registry needs HTTP Basic credentials "
                        + "(basic.auth.credentials.source=USER_INFO and basic.auth.user.info)");
            }
            Request request = Request.of(exchange);
            body = route(request, exchange);
            status = 200;
        } catch (SchemaRegistryException e) {
            status = e.status();
            body = error(e.errorCode(), e.getMessage());
            if (status >= 500) {
                LOG.error("Schema registry store error", e);
            }
        } catch (HttpError e) {
            status = e.status();
            body = error(e.errorCode(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("Unexpected failure serving {} {}", exchange.method(), exchange.rawPath(), e);
            status = 500;
            body = error(500, "Internal error of the schema registry; its log has the details");
        }
        // A route that answers without reading the body (a 404, a 405, a GET with a body) must still read it:
        // otherwise a client still sending a large body gets a connection reset instead of the answer.
        try {
            RequestBodies.drain(exchange.body(), 0);
        } catch (IOException stalledOrGone) {
            LOG.debug("Could not read the rest of a request body: {}", stalledOrGone.toString());
        }
        respond(exchange, status, extraHeader, body);
    }

    private Object route(Request r, RestExchange exchange) throws IOException {
        List<String> p = r.segments();
        switch (p.isEmpty() ? "" : p.get(0)) {
            case "":
                r.allow("GET");
                return Map.of();
            case "subjects":
                return subjects(r, exchange);
            case "schemas":
                return schemas(r);
            case "config":
                return config(r, exchange);
            case "compatibility":
                return compatibility(r, exchange);
            case "mode":
                return mode(r, exchange);
            case "contexts":
                r.allow("GET");
                requireLength(p, 1);
                return List.of(DEFAULT_CONTEXT);
            case "v1":
                r.allow("GET");
                if (p.size() == 3 && "metadata".equals(p.get(1)) && "version".equals(p.get(2))) {
                    return Map.of("version", VERSION, "commitId", "");
                }
                throw notFound();
            default:
                throw notFound();
        }
    }

    /** /subjects, /subjects/{s}, /subjects/{s}/versions, /subjects/{s}/versions/{v}[/schema]. */
    private Object subjects(Request r, RestExchange exchange) throws IOException {
        List<String> p = r.segments();
        if (p.size() == 1) {
            r.allow("GET");
            return service.subjects(r.flag("deleted"));
        }
        String subject = p.get(1);
        if (p.size() == 2) {
            if (r.is("POST")) {
                SchemaRequest body = schemaRequest(exchange);
                return registered(service.lookup(subject, body.schema(), r.flag("normalize"), body.references()));
            }
            r.allow("DELETE");
            return service.deleteSubject(subject, r.flag("permanent"));
        }
        if (!"versions".equals(p.get(2))) {
            throw notFound();
        }
        if (p.size() == 3) {
            if (r.is("POST")) {
                SchemaRequest body = schemaRequest(exchange);
                return Map.of("id", service.register(subject, body.schema(), r.flag("normalize"), body.references()));
            }
            r.allow("GET");
            return service.versions(subject, r.flag("deleted"));
        }
        String version = p.get(3);
        if (p.size() == 4) {
            if (r.is("DELETE")) {
                return service.deleteVersion(subject, version, r.flag("permanent"));
            }
            r.allow("GET");
            return registered(service.version(subject, version, r.flag("deleted")));
        }
        if (p.size() == 5 && "schema".equals(p.get(4))) {
            r.allow("GET");
            return new RawJson(service.version(subject, version, r.flag("deleted")).schema());
        }
        if (p.size() == 5 && "referencedby".equals(p.get(4))) {
            r.allow("GET");
            return service.referencedBy(subject, version);
        }
        throw notFound();
    }

    /** /schemas/types, /schemas/ids/{id}, /schemas/ids/{id}/versions, /schemas/ids/{id}/subjects. */
    private Object schemas(Request r) {
        List<String> p = r.segments();
        r.allow("GET");
        if (p.size() == 1) {
            return allSchemas(r);
        }
        if (p.size() == 2 && "types".equals(p.get(1))) {
            return List.of("AVRO");
        }
        if (p.size() < 3 || !"ids".equals(p.get(1))) {
            throw notFound();
        }
        int id;
        try {
            id = Integer.parseInt(p.get(2));
        } catch (NumberFormatException notAnId) {
            throw SchemaRegistryException.schemaNotFound("with id '" + p.get(2) + "'");
        }
        if (p.size() == 3) {
            Map<String, Object> schema = new LinkedHashMap<>();
            schema.put("schema", service.schemaById(id));
            List<SchemaReference> references = service.referencesById(id);
            if (!references.isEmpty()) {
                schema.put("references", references);
            }
            return schema;
        }
        if (p.size() == 4 && "schema".equals(p.get(3))) {
            return new RawJson(service.schemaById(id));
        }
        if (p.size() == 4 && "versions".equals(p.get(3))) {
            List<Map<String, Object>> uses = new ArrayList<>();
            service.usesOf(id).forEach(u -> {
                Map<String, Object> use = new LinkedHashMap<>();
                use.put("subject", u.subject());
                use.put("version", u.version());
                uses.add(use);
            });
            return uses;
        }
        if (p.size() == 4 && "subjects".equals(p.get(3))) {
            return service.usesOf(id).stream().map(RegisteredSchema::subject).distinct().toList();
        }
        throw notFound();
    }

    /** GET /schemas: every version of every subject ({@code subjectPrefix}, {@code deleted}, {@code latestOnly}). */
    private Object allSchemas(Request r) {
        String prefix = r.query().getOrDefault("subjectPrefix", "");
        List<Map<String, Object>> schemas = new ArrayList<>();
        for (String subject : service.subjects(r.flag("deleted"))) {
            if (!subject.startsWith(prefix)) {
                continue;
            }
            List<Integer> versions = service.versions(subject, r.flag("deleted"));
            List<Integer> listed = r.flag("latestOnly") ? versions.subList(versions.size() - 1, versions.size()) : versions;
            for (int version : listed) {
                schemas.add(registered(service.version(subject, Integer.toString(version), r.flag("deleted"))));
            }
        }
        return schemas;
    }

    /**
     * /mode and /mode/{subject}: this registry is always READWRITE (it has no import mode), so it
     * says so, and refuses any other mode.
     */
    private Object mode(Request r, RestExchange exchange) throws IOException {
        List<String> p = r.segments();
        if (p.size() > 2) {
            throw notFound();
        }
        if (r.is("PUT")) {
            JsonNode body = RequestBodies.readObject(exchange.body(), maxBodyBytes);
            String mode = body.path("mode").asText("");
            if (!READWRITE.equalsIgnoreCase(mode)) {
                throw new HttpError(422, INVALID_MODE, "Invalid mode '" + mode + "': this registry supports only "
                        + READWRITE);
            }
            return Map.of("mode", READWRITE);
        }
        r.allow("GET");
        if (p.size() == 2 && !r.flag("defaultToGlobal")) {
            throw new HttpError(404, SUBJECT_LEVEL_MODE_NOT_CONFIGURED,
                    "Subject '" + p.get(1) + "' does not have subject-level mode configured");
        }
        return Map.of("mode", READWRITE);
    }

    private static void requireLength(List<String> segments, int length) {
        if (segments.size() != length) {
            throw notFound();
        }
    }

    /** /config and /config/{subject}: GET, PUT, and DELETE for a subject. */
    private Object config(Request r, RestExchange exchange) throws IOException {
        List<String> p = r.segments();
        if (p.size() > 2) {
            throw notFound();
        }
        String subject = p.size() == 2 ? p.get(1) : null;
        if (r.is("PUT")) {
            JsonNode body = RequestBodies.readObject(exchange.body(), maxBodyBytes);
            JsonNode level = body.get("compatibility");
            CompatibilityLevel set = service.setCompatibility(subject,
                    level == null || level.isNull() ? null : level.asText());
            return Map.of("compatibility", set.name());
        }
        if (subject != null && r.is("DELETE")) {
            return Map.of("compatibilityLevel", service.deleteSubjectCompatibility(subject).name());
        }
        r.allow("GET");
        if (subject == null) {
            return Map.of("compatibilityLevel", service.globalCompatibility().name());
        }
        CompatibilityLevel level = service.subjectCompatibility(subject)
                .or(() -> r.flag("defaultToGlobal") ? java.util.Optional.of(service.globalCompatibility())
                        : java.util.Optional.empty())
                .orElseThrow(() -> new SchemaRegistryException(404,
                        SchemaRegistryException.SUBJECT_LEVEL_COMPATIBILITY_NOT_CONFIGURED,
                        "Subject '" + subject + "' does not have subject-level compatibility configured"));
        return Map.of("compatibilityLevel", level.name());
    }

    /** /compatibility/subjects/{s}/versions[/{v}]. */
    private Object compatibility(Request r, RestExchange exchange) throws IOException {
        List<String> p = r.segments();
        if (p.size() < 4 || p.size() > 5 || !"subjects".equals(p.get(1)) || !"versions".equals(p.get(3))) {
            throw notFound();
        }
        r.allow("POST");
        List<String> problems;
        try {
            SchemaRequest body = schemaRequest(exchange);
            problems = service.checkCompatibility(p.get(2), p.size() == 5 ? p.get(4) : null, body.schema(),
                    body.references());
        } catch (SchemaRegistryException invalid) {
            // Confluent answers a verbose check of an invalid schema with its reason, not with an error.
            if (invalid.errorCode() != SchemaRegistryException.INVALID_SCHEMA || !r.flag("verbose")) {
                throw invalid;
            }
            problems = List.of(invalid.getMessage());
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("is_compatible", problems.isEmpty());
        if (r.flag("verbose")) {
            answer.put("messages", problems);
        }
        return answer;
    }

    /** The "schema" and "references" of a request body; only Avro is served here. */
    private SchemaRequest schemaRequest(RestExchange exchange) throws IOException {
        JsonNode body = RequestBodies.readObject(exchange.body(), maxBodyBytes);
        String type = body.path("schemaType").asText("AVRO");
        if (!"AVRO".equalsIgnoreCase(type)) {
            throw SchemaRegistryException.invalidSchema("schema type " + type + " is not supported; only AVRO");
        }
        JsonNode schema = body.get("schema");
        if (schema == null || !schema.isTextual()) {
            throw SchemaRegistryException.invalidSchema("the body has no \"schema\" string");
        }
        List<SchemaReference> references = new ArrayList<>();
        for (JsonNode reference : body.path("references")) {
            JsonNode name = reference.get("name");
            JsonNode subject = reference.get("subject");
            JsonNode version = reference.get("version");
            if (name == null || !name.isTextual() || subject == null || !subject.isTextual() || version == null
                    || !version.canConvertToInt()) {
                throw SchemaRegistryException.invalidSchema("each reference needs a \"name\", a \"subject\" and a "
                        + "\"version\" number: " + reference);
            }
            references.add(new SchemaReference(name.asText(), subject.asText(), version.asInt()));
        }
        return new SchemaRequest(schema.asText(), references);
    }

    private record SchemaRequest(String schema, List<SchemaReference> references) {
    }

    private static String versionOfThisBuild() {
        String version = RegistryRestHandler.class.getPackage().getImplementationVersion();
        return version == null ? "unknown" : version;
    }

    private static Map<String, Object> registered(RegisteredSchema s) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("subject", s.subject());
        json.put("version", s.version());
        json.put("id", s.id());
        json.put("schema", s.schema());
        if (!s.references().isEmpty()) {
            json.put("references", s.references());
        }
        return json;
    }

    private static Map<String, Object> error(int code, String message) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("error_code", code);
        json.put("message", ErrorMessages.plain(message));
        return json;
    }

    private static HttpError notFound() {
        return new HttpError(404, 404, "HTTP 404 Not Found");
    }

    private static void respond(RestExchange exchange, int status, String[] extraHeader, Object body)
            throws IOException {
        byte[] bytes;
        try {
            bytes = body instanceof RawJson raw ? raw.json().getBytes(StandardCharsets.UTF_8)
                    : JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IOException(e);
        }
        exchange.respond(status, CONTENT_TYPE, extraHeader, bytes);
    }

    /** A body that is JSON text already (a schema), sent as is. */
    private record RawJson(String json) {
    }

    /** Method, decoded path segments and query flags of one request. */
    private record Request(String method, List<String> segments, Map<String, String> query) {

        static Request of(RestExchange exchange) {
            String rawPath = exchange.rawPath();
            // Split before decoding: a subject may contain an encoded '/'.
            List<String> segments = Arrays.stream(rawPath.split("/")).filter(s -> !s.isEmpty())
                    .map(s -> decode(s.replace("+", "%2B"))).toList();
            Map<String, String> query = new HashMap<>();
            String rawQuery = exchange.rawQuery();
            if (rawQuery != null) {
                for (String pair : rawQuery.split("&")) {
                    int eq = pair.indexOf('=');
                    String key = decode(eq < 0 ? pair : pair.substring(0, eq));
                    query.put(key, eq < 0 ? "" : decode(pair.substring(eq + 1)));
                }
            }
            return new Request(exchange.method().toUpperCase(java.util.Locale.ROOT), segments, query);
        }

        private static String decode(String text) {
            try {
                return URLDecoder.decode(text, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException badEscape) {
                throw new HttpError(400, 400, "Bad percent-encoding in '" + text + "': '%' must be followed by "
                        + "two hexadecimal digits");
            }
        }

        boolean is(String expected) {
            return method.equals(expected);
        }

        void allow(String expected) {
            if (!method.equals(expected)) {
                throw new HttpError(405, 405, "HTTP 405 Method Not Allowed");
            }
        }

        boolean flag(String name) {
            return "true".equalsIgnoreCase(query.get(name));
        }
    }
}
