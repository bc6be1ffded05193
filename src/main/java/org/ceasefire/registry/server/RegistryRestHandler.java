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
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.ceasefire.registry.CompatibilityLevel;
import org.ceasefire.registry.RegisteredSchema;
import org.ceasefire.registry.SchemaRegistryException;
import org.ceasefire.registry.store.RegistryService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Confluent's Schema Registry REST API over a {@link RegistryService}: the same paths, JSON
 * shapes, status codes and {@code error_code}s, so Confluent's clients in any language work
 * against it. Client mistakes always get a 4xx; only store failures get a 500 (50001).
 */
final class RegistryRestHandler implements HttpHandler {

    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final Logger LOG = LoggerFactory.getLogger(RegistryRestHandler.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RegistryService service;
    private final int maxBodyBytes;

    RegistryRestHandler(RegistryService service, int maxBodyBytes) {
        this.service = service;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            int status;
            Object body;
            try {
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
                LOG.error("Unexpected failure serving {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), e);
                status = 500;
                body = error(SchemaRegistryException.STORE_ERROR, "Error in the backend data store: " + e);
            }
            // A route that answers without reading the body (a 404, a 405, a GET with a body) must still read it:
            // otherwise a client still sending a large body gets a connection reset instead of the answer.
            RequestBodies.drain(exchange.getRequestBody(), 0);
            respond(exchange, status, body);
        }
    }

    private Object route(Request r, HttpExchange exchange) throws IOException {
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
            default:
                throw notFound();
        }
    }

    /** /subjects, /subjects/{s}, /subjects/{s}/versions, /subjects/{s}/versions/{v}[/schema]. */
    private Object subjects(Request r, HttpExchange exchange) throws IOException {
        List<String> p = r.segments();
        if (p.size() == 1) {
            r.allow("GET");
            return service.subjects();
        }
        String subject = p.get(1);
        if (p.size() == 2) {
            if (r.is("POST")) {
                RegisteredSchema found = service.lookup(subject, schemaText(exchange));
                return registered(found);
            }
            r.allow("DELETE");
            return service.deleteSubject(subject, r.flag("permanent"));
        }
        if (!"versions".equals(p.get(2))) {
            throw notFound();
        }
        if (p.size() == 3) {
            if (r.is("POST")) {
                return Map.of("id", service.register(subject, schemaText(exchange)));
            }
            r.allow("GET");
            return service.versions(subject);
        }
        String version = p.get(3);
        if (p.size() == 4) {
            if (r.is("DELETE")) {
                return service.deleteVersion(subject, version, r.flag("permanent"));
            }
            r.allow("GET");
            return registered(service.version(subject, version));
        }
        if (p.size() == 5 && "schema".equals(p.get(4))) {
            r.allow("GET");
            return new RawJson(service.version(subject, version).schema());
        }
        throw notFound();
    }

    /** /schemas/types, /schemas/ids/{id}, /schemas/ids/{id}/versions, /schemas/ids/{id}/subjects. */
    private Object schemas(Request r) {
        List<String> p = r.segments();
        r.allow("GET");
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
            return Map.of("schema", service.schemaById(id));
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

    /** /config and /config/{subject}: GET, PUT, and DELETE for a subject. */
    private Object config(Request r, HttpExchange exchange) throws IOException {
        List<String> p = r.segments();
        if (p.size() > 2) {
            throw notFound();
        }
        String subject = p.size() == 2 ? p.get(1) : null;
        if (r.is("PUT")) {
            JsonNode body = RequestBodies.readObject(exchange.getRequestBody(), maxBodyBytes);
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
    private Object compatibility(Request r, HttpExchange exchange) throws IOException {
        List<String> p = r.segments();
        if (p.size() < 4 || p.size() > 5 || !"subjects".equals(p.get(1)) || !"versions".equals(p.get(3))) {
            throw notFound();
        }
        r.allow("POST");
        String schema = schemaText(exchange);
        List<String> problems = service.checkCompatibility(p.get(2), p.size() == 5 ? p.get(4) : null, schema);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("is_compatible", problems.isEmpty());
        if (r.flag("verbose")) {
            answer.put("messages", problems);
        }
        return answer;
    }

    /** The "schema" of a request body; only Avro without references is served here. */
    private String schemaText(HttpExchange exchange) throws IOException {
        JsonNode body = RequestBodies.readObject(exchange.getRequestBody(), maxBodyBytes);
        String type = body.path("schemaType").asText("AVRO");
        if (!"AVRO".equalsIgnoreCase(type)) {
            throw SchemaRegistryException.invalidSchema("schema type " + type + " is not supported; only AVRO");
        }
        if (body.path("references").size() > 0) {
            throw SchemaRegistryException.invalidSchema("schema references are not supported");
        }
        JsonNode schema = body.get("schema");
        if (schema == null || !schema.isTextual()) {
            throw SchemaRegistryException.invalidSchema("the body has no \"schema\" string");
        }
        return schema.asText();
    }

    private static Map<String, Object> registered(RegisteredSchema s) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("subject", s.subject());
        json.put("version", s.version());
        json.put("id", s.id());
        json.put("schema", s.schema());
        return json;
    }

    private static Map<String, Object> error(int code, String message) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("error_code", code);
        json.put("message", message);
        return json;
    }

    private static HttpError notFound() {
        return new HttpError(404, 404, "HTTP 404 Not Found");
    }

    private static void respond(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes;
        try {
            bytes = body instanceof RawJson raw ? raw.json().getBytes(StandardCharsets.UTF_8)
                    : JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IOException(e);
        }
        exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    /** A body that is JSON text already (a schema), sent as is. */
    private record RawJson(String json) {
    }

    /** Method, decoded path segments and query flags of one request. */
    private record Request(String method, List<String> segments, Map<String, String> query) {

        static Request of(HttpExchange exchange) {
            String rawPath = exchange.getRequestURI().getRawPath();
            // Split before decoding: a subject may contain an encoded '/'.
            List<String> segments = Arrays.stream(rawPath.split("/")).filter(s -> !s.isEmpty())
                    .map(s -> URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8)).toList();
            Map<String, String> query = new HashMap<>();
            String rawQuery = exchange.getRequestURI().getRawQuery();
            if (rawQuery != null) {
                for (String pair : rawQuery.split("&")) {
                    int eq = pair.indexOf('=');
                    String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                    query.put(key, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
            return new Request(exchange.getRequestMethod().toUpperCase(java.util.Locale.ROOT), segments, query);
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
