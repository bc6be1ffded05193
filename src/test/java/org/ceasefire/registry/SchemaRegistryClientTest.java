package org.ceasefire.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import com.sun.net.httpserver.HttpServer;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Retries, failover, auth and caching, against a scripted stand-in registry. */
class SchemaRegistryClientTest {

    private static final RetryPolicy FAST = new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(40),
            Duration.ofSeconds(5));
    private static final Schema SCHEMA = new Schema.Parser().parse(RestCalls.recordSchema("R", "a"));

    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();
    private HttpServer server;

    /** Answers request n (from 1) with the reply the script gives. */
    private String start(IntFunction<Reply> script) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
                exchange.getRequestBody().readAllBytes();
                Reply reply = script.apply(requests.incrementAndGet());
                byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/vnd.schemaregistry.v1+json");
                exchange.sendResponseHeaders(reply.status(), body.length);
                exchange.getResponseBody().write(body);
            }
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private record Reply(int status, String body) {
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    @DisplayName("5xx answers are retried, and the call succeeds when the registry recovers")
    void retriesServerErrors() throws IOException {
        String url = start(n -> n < 3 ? new Reply(503, "{\"error_code\":50003,\"message\":\"busy\"}")
                : new Reply(200, "{\"schema\":\"\\\"string\\\"\"}"));
        SchemaRegistryClient client = new SchemaRegistryClient(List.of(URI.create(url)), null, FAST);

        assertThat(client.schemaById(5)).isEqualTo(Schema.create(Schema.Type.STRING));
        assertThat(requests.get()).isEqualTo(3);
    }

    @Test
    @DisplayName("after the last retry the error names the URL and the registry's error code")
    void givesUpWithClearMessage() throws IOException {
        String url = start(n -> new Reply(500, "{\"error_code\":50001,\"message\":\"Error in the backend data store\"}"));
        SchemaRegistryClient client = new SchemaRegistryClient(List.of(URI.create(url)), null, FAST);

        assertThatThrownBy(() -> client.schemaById(5))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.status()).isEqualTo(500);
                    assertThat(e.errorCode()).isEqualTo(50001);
                    assertThat(e.getMessage()).isEqualTo("Gave up after 3 rounds over [" + url + "]: GET " + url
                            + "/schemas/ids/5 answered 500 error_code 50001: Error in the backend data store");
                });
        assertThat(requests.get()).isEqualTo(3);
    }

    @Test
    @DisplayName("a 4xx answer is final: no retry")
    void clientErrorsAreNotRetried() throws IOException {
        String url = start(n -> new Reply(404, "{\"error_code\":40403,\"message\":\"Schema not found\"}"));
        SchemaRegistryClient client = new SchemaRegistryClient(List.of(URI.create(url)), null, FAST);

        assertThatThrownBy(() -> client.schemaById(5))
                .isInstanceOfSatisfying(SchemaRegistryException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(40403));
        assertThat(requests.get()).isEqualTo(1);
    }

    @Test
    @DisplayName("an unreachable first URL fails over to the next one")
    void failsOver() throws IOException {
        String dead = "http://127.0.0.1:" + unusedPort();
        String url = start(n -> new Reply(200, "{\"id\":42}"));
        SchemaRegistryClient client = new SchemaRegistryClient(List.of(URI.create(dead), URI.create(url)), null, FAST);

        assertThat(client.register("s", SCHEMA)).isEqualTo(42);
        assertThat(requests.get()).isEqualTo(1);
    }

    @Test
    @DisplayName("when no URL answers, the error names every URL and the connection failure")
    void allUrlsDown() {
        String dead = "http://127.0.0.1:" + unusedPort();
        SchemaRegistryClient client = new SchemaRegistryClient(List.of(URI.create(dead)), null, FAST);

        assertThatThrownBy(() -> client.subjects())
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.status()).isZero();
                    assertThat(e.getMessage()).startsWith("Gave up after 3 rounds over [" + dead + "]: GET " + dead
                            + "/subjects failed: java.net.ConnectException");
                });
    }

    @Test
    @DisplayName("basic auth credentials are sent on every request")
    void basicAuth() throws IOException {
        String url = start(n -> new Reply(200, "[\"a\"]"));
        SchemaRegistryClient client = new SchemaRegistryClient(List.of(URI.create(url)), "monitor:s3cret", FAST);

        assertThat(client.subjects()).containsExactly("a");
        assertThat(authorizations).containsExactly("Basic bW9uaXRvcjpzM2NyZXQ=");
    }

    @Test
    @DisplayName("a schema is registered once per subject, and fetched once per id")
    void caches() throws IOException {
        String url = start(n -> n == 1 ? new Reply(200, "{\"id\":7}")
                : new Reply(200, "{\"subject\":\"t\",\"version\":1,\"id\":7,\"schema\":" + quoted(SCHEMA) + "}"));
        SchemaRegistryClient client = new SchemaRegistryClient(List.of(URI.create(url)), null, FAST);

        assertThat(client.register("s", SCHEMA)).isEqualTo(7);
        assertThat(client.register("s", new Schema.Parser().parse(SCHEMA.toString()))).isEqualTo(7);
        assertThat(client.schemaById(7)).isEqualTo(SCHEMA);
        assertThat(requests.get()).isEqualTo(1);
        assertThat(client.lookup("t", SCHEMA).version()).isEqualTo(1);
        assertThat(client.register("t", SCHEMA)).isEqualTo(7);
        assertThat(requests.get()).isEqualTo(2);
    }

    private static String quoted(Schema schema) {
        return "\"" + schema.toString().replace("\"", "\\\"") + "\"";
    }

    private static int unusedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @DisplayName("clients of one registry URL share one HttpClient; another URL gets its own")
    void oneHttpClientPerUrl() {
        try (SchemaRegistryClient first = SchemaRegistryClient.forUrl("http://127.0.0.1:1");
                SchemaRegistryClient second = SchemaRegistryClient.forUrl("http://127.0.0.1:1");
                SchemaRegistryClient other = SchemaRegistryClient.forUrl("http://127.0.0.1:2")) {
            assertThat(second.httpClient()).isSameAs(first.httpClient());
            assertThat(other.httpClient()).isNotSameAs(first.httpClient());
        }
    }
}
