package org.ceasefire.registry;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/** Raw REST calls, to check status codes and JSON exactly as any client would see them. */
public final class RestCalls {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String baseUrl;

    public RestCalls(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** One answer: status, Content-Type and parsed body. */
    public record Reply(int status, String contentType, JsonNode body) {
        public int errorCode() {
            return body.path("error_code").asInt();
        }
    }

    public Reply get(String path) {
        return send("GET", path, null);
    }

    public Reply delete(String path) {
        return send("DELETE", path, null);
    }

    /** POSTs {"schema": schemaText}. */
    public Reply postSchema(String path, String schemaText) {
        return send("POST", path, JsonNodeFactory.instance.objectNode().put("schema", schemaText).toString());
    }

    public Reply send(String method, String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    JSON.readTree(response.body()));
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An Avro record schema with string fields, as JSON text. */
    public static String recordSchema(String name, String... stringFields) {
        StringBuilder fields = new StringBuilder();
        for (String field : stringFields) {
            fields.append(fields.length() == 0 ? "" : ",").append("{\"name\":\"").append(field)
                    .append("\",\"type\":\"string\"}");
        }
        return "{\"type\":\"record\",\"name\":\"" + name + "\",\"namespace\":\"org.ceasefire.test\",\"fields\":["
                + fields + "]}";
    }
}
