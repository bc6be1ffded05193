package org.ceasefire.registry;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one REST call to a Schema Registry, failing over between URLs and retrying with
 * exponential backoff when a registry is unreachable or answers 5xx. A 4xx answer is final: it
 * is the registry's verdict (e.g. 40401), not a transient failure. TLS uses the JDK's default
 * SSL context, so the standard {@code javax.net.ssl.*} system properties configure it.
 */
final class RegistryHttp {

    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final Logger LOG = LoggerFactory.getLogger(RegistryHttp.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * One HttpClient per registry URL list (and connect timeout) in the whole process: each client
     * has its own connection pool and selector thread, and every serializer and deserializer
     * instance talks to the same registry, so they share one.
     */
    private static final Map<ClientKey, HttpClient> CLIENTS = new ConcurrentHashMap<>();

    private final List<URI> baseUrls;
    private final String authorization;
    private final RetryPolicy retry;
    private final HttpClient http;
    /** The URL that answered last: later calls start there instead of retrying a dead one first. */
    private final AtomicInteger preferred = new AtomicInteger();

    RegistryHttp(List<URI> baseUrls, String userInfo, RetryPolicy retry) {
        if (baseUrls.isEmpty()) {
            throw new IllegalArgumentException("at least one Schema Registry URL is needed");
        }
        this.baseUrls = List.copyOf(baseUrls);
        this.authorization = userInfo == null ? null
                : "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
        this.retry = retry;
        this.http = CLIENTS.computeIfAbsent(new ClientKey(this.baseUrls, retry.requestTimeout()),
                key -> HttpClient.newBuilder().connectTimeout(key.connectTimeout()).build());
    }

    /** The HTTP client this one sends with, shared with every other for the same URLs. */
    HttpClient httpClient() {
        return http;
    }

    List<URI> baseUrls() {
        return baseUrls;
    }

    /** Encodes one path segment (a subject may contain '/', spaces, ...). */
    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Sends {@code method path} with an optional JSON body and returns the parsed JSON answer. */
    JsonNode send(String method, String pathAndQuery, JsonNode body) {
        String payload = body == null ? null : body.toString();
        SchemaRegistryException last = null;
        Duration backoff = retry.initialBackoff();
        for (int round = 1; round <= retry.attempts(); round++) {
            for (int i = 0; i < baseUrls.size(); i++) {
                int index = (preferred.get() + i) % baseUrls.size();
                URI target = resolve(baseUrls.get(index), pathAndQuery);
                try {
                    HttpResponse<String> response = http.send(request(method, target, payload),
                            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                    if (response.statusCode() < 500) {
                        preferred.set(index);
                        return answer(method, target, response);
                    }
                    last = error(method, target, response);
                } catch (IOException e) {
                    last = new SchemaRegistryException(0, 0, method + " " + target + " failed: " + e, e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SchemaRegistryException(0, 0, method + " " + target + " interrupted", e);
                }
                LOG.debug("Schema Registry call failed, trying the next URL: {}", last.getMessage());
            }
            if (round < retry.attempts()) {
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(retry.maxBackoff()) > 0 ? retry.maxBackoff()
                        : backoff.multipliedBy(2);
            }
        }
        throw new SchemaRegistryException(last.status(), last.errorCode(),
                "Gave up after " + retry.attempts() + " rounds over " + baseUrls + ": " + last.getMessage(), last);
    }

    private HttpRequest request(String method, URI target, String payload) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(target)
                .timeout(retry.requestTimeout())
                .header("Accept", CONTENT_TYPE + ", application/json")
                .method(method, payload == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(payload, StandardCharsets.UTF_8));
        if (payload != null) {
            builder.header("Content-Type", CONTENT_TYPE);
        }
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder.build();
    }

    private static URI resolve(URI base, String pathAndQuery) {
        String text = base.toString();
        return URI.create((text.endsWith("/") ? text.substring(0, text.length() - 1) : text) + pathAndQuery);
    }

    private static JsonNode answer(String method, URI target, HttpResponse<String> response) {
        if (response.statusCode() >= 300) {
            throw error(method, target, response);
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new SchemaRegistryException(response.statusCode(), response.statusCode(),
                    method + " " + target + " answered " + response.statusCode() + " with a body that is not JSON", e);
        }
    }

    /** Confluent's error body is {"error_code": 40401, "message": "..."}; other bodies keep the status. */
    private static SchemaRegistryException error(String method, URI target, HttpResponse<String> response) {
        int code = response.statusCode();
        String message = response.body();
        try {
            JsonNode node = JSON.readTree(response.body());
            if (node != null && node.has("error_code")) {
                code = node.get("error_code").asInt();
                message = node.path("message").asText();
            }
        } catch (IOException notJson) {
            // keep the raw body as the message
        }
        return new SchemaRegistryException(response.statusCode(), code, method + " " + target + " answered "
                + response.statusCode() + " error_code " + code + ": " + message);
    }

    private record ClientKey(List<URI> urls, Duration connectTimeout) {
    }

    private static void sleep(Duration backoff) {
        try {
            Thread.sleep(backoff.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaRegistryException(0, 0, "interrupted while waiting to retry the Schema Registry", e);
        }
    }
}
