package org.ceasefire.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.ceasefire.conflict.ConflictDefinition;
import org.ceasefire.conflict.GazetteerFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** HTTP itself, as browsers, curl and proxies use it: methods, HEAD, and content negotiation of the event stream. */
class HttpSemanticsTest {
    private static final ConflictDefinition CONFLICT = GazetteerFile.builtIn().conflict();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static QueryServer server;
    private static String base;

    @BeforeAll
    static void start() {
        InMemoryStores stores = QueryFixtures.sample();
        QueryServices services = new QueryServices(CONFLICT, new MergingQueries(new SingleInstanceDirectory(stores), CONFLICT),
                Optional.of(stores), new LiveEventHub(), () -> true, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
        server = QueryServer.start(QueryServerConfig.localhost(0), services);
        base = "http://127.0.0.1:" + server.port();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> send(String method, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10))
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST /api/sectors", "DELETE /api/contradictions/p-1", "PUT /api/statements/am-1", "PATCH /api/conflict"})
    @DisplayName("a known resource asked with a method it does not take answers 405 with Allow, in JSON")
    void wrongMethod(String call) throws Exception {
        String[] parts = call.split(" ");
        HttpResponse<String> response = send(parts[0], parts[1]);
        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).get().asString().contains("GET").contains("HEAD");
        assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("application/json");
        JsonNode body = new ObjectMapper().readTree(response.body());
        assertThat(body.path("error").asText()).isEqualTo(parts[0] + " is not allowed on " + parts[1] + "; allowed: GET, HEAD");
    }

    @Test
    @DisplayName("an unknown path is still 404, whatever the method")
    void unknownPath() throws Exception {
        assertThat(send("POST", "/api/nothing-here").statusCode()).isEqualTo(404);
        assertThat(send("GET", "/api/nothing-here").statusCode()).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/sectors", "/api/contradictions", "/api/conflict"})
    @DisplayName("HEAD answers like GET: 200, the JSON content type, no body")
    void head(String path) throws Exception {
        HttpResponse<String> get = send("GET", path);
        HttpResponse<String> head = send("HEAD", path);
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("Content-Type")).isEqualTo(get.headers().firstValue("Content-Type"));
        assertThat(head.headers().firstValue("Content-Type")).get().asString().startsWith("application/json");
        assertThat(head.body()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/event-stream, */*", "*/*", "text/*", "text/event-stream;q=0.9, application/json;q=0.5"})
    @DisplayName("/api/events streams for any Accept that admits text/event-stream, as browsers and curl send it")
    void eventStreamNegotiation(String accept) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + EventStream.PATH)).header("Accept", accept).GET().build();
        HttpResponse<InputStream> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("text/event-stream");
            BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
            assertThat(lines.readLine()).isEqualTo(": connected");
        }
    }

    @Test
    @DisplayName("/api/events asked only for JSON answers 406, not an empty 200")
    void eventStreamNotAcceptable() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + EventStream.PATH)).header("Accept", "application/json")
                .timeout(Duration.ofSeconds(10)).GET().build();
        HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(406);
        assertThat(response.body()).contains("text/event-stream");
    }
}
