package org.ceasefire.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;
import org.ceasefire.registry.serde.AvroSerdeConfig;
import org.ceasefire.registry.serde.GenericAvroSerde;
import org.ceasefire.registry.server.BasicAuth;
import org.ceasefire.registry.server.RegistryHttpServer;
import org.ceasefire.registry.store.InMemorySchemaLog;
import org.ceasefire.registry.store.RegistryService;
import org.ceasefire.registry.store.RegistryState;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The embedded registry's server under clients that stall, send broken requests, or come without
 * credentials: every answer Confluent's JSON error body, and no client can starve the others.
 */
class RegistryServerHardeningTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static RegistryHttpServer server(BasicAuth auth, Duration idleTimeout) {
        RegistryState state = new RegistryState();
        return RegistryHttpServer.start(new RegistryService(state, new InMemorySchemaLog(state)), "127.0.0.1", 0,
                auth, idleTimeout);
    }

    private static HttpResponse<String> get(String url, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Socket connect(String url) throws IOException {
        URI uri = URI.create(url);
        return new Socket(uri.getHost(), uri.getPort());
    }

    /** What the server sends back on a raw connection, until it closes it or the read times out. */
    private static String readAll(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }

    @Test
    @DisplayName("40 clients stalled mid-upload or mid-headers do not keep GET /subjects from answering")
    void stalledClientsDoNotStarveOthers() throws Exception {
        try (RegistryHttpServer server = server(BasicAuth.NONE, RegistryHttpServer.IDLE_TIMEOUT)) {
            List<Socket> stalled = new ArrayList<>();
            try {
                for (int i = 0; i < 20; i++) {
                    Socket upload = connect(server.url());
                    upload.getOutputStream().write(("POST /subjects/s/versions HTTP/1.1\r\nHost: x\r\n"
                            + "Content-Type: application/json\r\nContent-Length: 100000\r\n\r\n{\"schema\":\"")
                            .getBytes(StandardCharsets.US_ASCII));
                    upload.getOutputStream().flush();
                    stalled.add(upload);
                    Socket headers = connect(server.url());
                    headers.getOutputStream().write("GET /subjects HTTP/1.1\r\nHost: x\r\nAcc"
                            .getBytes(StandardCharsets.US_ASCII));
                    headers.getOutputStream().flush();
                    stalled.add(headers);
                }
                // Only once the server holds every stalled connection does the request below prove they cannot starve it.
                await().atMost(Duration.ofSeconds(10)).until(() -> server.openConnections() >= stalled.size());

                long started = System.nanoTime();
                HttpResponse<String> subjects = get(server.url() + "/subjects", null);

                assertThat(subjects.statusCode()).isEqualTo(200);
                assertThat(subjects.body()).isEqualTo("[]");
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
            } finally {
                for (Socket socket : stalled) {
                    socket.close();
                }
            }
        }
    }

    @Test
    @DisplayName("a client that stops halfway through its body is cut off after the idle timeout")
    void stalledUploadTimesOut() throws Exception {
        try (RegistryHttpServer server = server(BasicAuth.NONE, Duration.ofSeconds(1));
                Socket upload = connect(server.url())) {
            upload.setSoTimeout(15_000);
            OutputStream out = upload.getOutputStream();
            out.write(("POST /subjects/s/versions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 1000\r\n\r\n{\"schema\":").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            long started = System.nanoTime();

            readAll(upload);

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        }
    }

    @Test
    @DisplayName("a bad percent-encoding in the path or the query is 400 with Confluent's JSON error body, not an HTML page")
    void badPercentEncoding() throws Exception {
        try (RegistryHttpServer server = server(BasicAuth.NONE, RegistryHttpServer.IDLE_TIMEOUT)) {
            for (String target : List.of("/subjects/%zz/versions", "/subjects?deleted=%zz")) {
                String answer = rawRequest(server, "GET " + target + " HTTP/1.1");

                assertThat(answer).as(target).startsWith("HTTP/1.1 400");
                assertThat(answer).as(target).containsIgnoringCase("Content-Type: application/vnd.schemaregistry.v1+json");
                JsonNode body = JSON.readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4));
                assertThat(body.path("error_code").asInt()).as(target).isEqualTo(400);
                assertThat(body.path("message").asText()).as(target).isNotBlank().doesNotContain("<")
                        .doesNotContain("Exception");
            }
        }
    }

    /** Sends one request line as is (no client would send a malformed one) and returns the whole answer. */
    private static String rawRequest(RegistryHttpServer server, String requestLine) throws IOException {
        try (Socket socket = connect(server.url())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write((requestLine + "\r\nHost: x\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            return readAll(socket);
        }
    }

    @Test
    @DisplayName("an error from deep inside a library names no Java class")
    void noClassNamesInErrors() throws Exception {
        try (RegistryHttpServer server = server(BasicAuth.NONE, RegistryHttpServer.IDLE_TIMEOUT)) {
            // Nested deeper than the JSON parser inside Avro allows: it fails with a
            // StreamConstraintsException that Avro wraps with its class name in the message.
            String deep = "[".repeat(3000) + "\"int\"" + "]".repeat(3000);
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + "/subjects/s/versions"))
                    .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.createObjectNode().put("schema", deep).toString()))
                    .build(), HttpResponse.BodyHandlers.ofString());

            assertThat(answer.statusCode()).isEqualTo(422);
            JsonNode body = JSON.readTree(answer.body());
            assertThat(body.path("error_code").asInt()).isEqualTo(42201);
            assertThat(body.path("message").asText()).startsWith("Invalid schema").doesNotContain("com.fasterxml")
                    .doesNotContain("Exception");
        }
    }

    @Test
    @DisplayName("with credentials set: no or wrong credentials get 401 in JSON, the right ones and our client get in")
    void basicAuthentication() throws Exception {
        try (RegistryHttpServer server = server(BasicAuth.of("monitor:s3cret"), RegistryHttpServer.IDLE_TIMEOUT)) {
            HttpResponse<String> none = get(server.url() + "/subjects", null);
            assertThat(none.statusCode()).isEqualTo(401);
            assertThat(none.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
            assertThat(JSON.readTree(none.body()).path("error_code").asInt()).isEqualTo(401);
            String wrong = "Basic " + java.util.Base64.getEncoder().encodeToString("monitor:guess".getBytes(StandardCharsets.UTF_8));
            assertThat(get(server.url() + "/subjects", wrong).statusCode()).isEqualTo(401);

            Schema schema = new Schema.Parser().parse(RestCalls.recordSchema("Guarded", "a"));
            Map<String, Object> settings = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, server.url(),
                    AvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO",
                    AvroSerdeConfig.BASIC_AUTH_USER_INFO, "monitor:s3cret");
            try (GenericAvroSerde serde = new GenericAvroSerde()) {
                serde.configure(settings, false);
                GenericRecord record = new GenericRecordBuilder(schema).set("a", "guarded").build();
                byte[] bytes = serde.serializer().serialize("guarded", record);
                assertThat(serde.deserializer().deserialize("guarded", bytes)).isEqualTo(record);
            }
            try (SchemaRegistryClient anonymous = SchemaRegistryClient.forUrl(server.url())) {
                assertThatThrownBy(anonymous::subjects).isInstanceOfSatisfying(SchemaRegistryException.class,
                        e -> assertThat(e.status()).isEqualTo(401));
            }
        }
    }

    @Test
    @DisplayName("listening beyond loopback without credentials logs a warning; on loopback it does not")
    void warnsWhenOpenBeyondLoopback() {
        Logger logger = (Logger) LoggerFactory.getLogger(EmbeddedSchemaRegistry.class);
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.start();
        logger.addAppender(events);
        try {
            EmbeddedSchemaRegistry.startInMemory("127.0.0.1", BasicAuth.NONE).close();
            assertThat(events.list).noneMatch(e -> e.getFormattedMessage().contains("without authentication"));

            EmbeddedSchemaRegistry.startInMemory("0.0.0.0", BasicAuth.NONE).close();
            assertThat(events.list).anyMatch(e -> e.getLevel() == ch.qos.logback.classic.Level.WARN
                    && e.getFormattedMessage().contains("0.0.0.0 without authentication"));

            events.list.clear();
            EmbeddedSchemaRegistry.startInMemory("0.0.0.0", BasicAuth.of("u:p")).close();
            assertThat(events.list).noneMatch(e -> e.getFormattedMessage().contains("without authentication"));
        } finally {
            logger.detachAppender(events);
        }
    }
}
