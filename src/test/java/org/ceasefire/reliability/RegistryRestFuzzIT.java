package org.ceasefire.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.ceasefire.avro.MinistryStatement;
import org.ceasefire.registry.EmbeddedSchemaRegistry;

/**
 * Random methods, paths and bodies against the embedded registry's Confluent REST API: every answer
 * comes quickly, is never a 5xx for a client's mistake, and every error is Confluent's JSON
 * ({@code error_code} and a message). (jqwik refuses JUnit annotations: {@code @Label} names each property.)
 */
class RegistryRestFuzzIT {
    /**
     * A subject the fuzzing cannot name (its segments are at most 12 characters or from a fixed list), so after every
     * request it must still serve the schema and id it was registered with: a registry that lost or corrupted its
     * state fails whatever order the properties run in.
     */
    private static final String WITNESS = "witness-subject-value";
    private static EmbeddedSchemaRegistry registry;
    private static int witnessId;

    @BeforeContainer
    static void start() {
        registry = EmbeddedSchemaRegistry.startInMemory();
        String schema = HttpFuzz.call("GET", registry.url() + "/", null).body();
        assertThat(schema).isNotNull();
        HttpFuzz.Answer registered = HttpFuzz.call("POST", registry.url() + "/subjects/known-value/versions",
                "{\"schema\":" + quote(MinistryStatement.getClassSchema().toString()) + "}");
        assertThat(registered.status()).isEqualTo(200);
        HttpFuzz.Answer witness = HttpFuzz.call("POST", registry.url() + "/subjects/" + WITNESS + "/versions",
                "{\"schema\":" + quote(org.ceasefire.avro.SectorTally.getClassSchema().toString()) + "}");
        assertThat(witness.status()).isEqualTo(200);
        witnessId = witness.json().path("id").asInt();
        assertThat(witnessId).isPositive();
        assertWitnessIntact("before the fuzzing");
    }

    /** The witness subject still has exactly its one version, with its schema and id. */
    private static void assertWitnessIntact(String after) {
        HttpFuzz.Answer versions = HttpFuzz.call("GET", registry.url() + "/subjects/" + WITNESS + "/versions", null);
        assertThat(versions.status()).as("versions of the witness %s: %s", after, versions.body()).isEqualTo(200);
        assertThat(versions.json().toString()).as("versions of the witness %s", after).isEqualTo("[1]");
        HttpFuzz.Answer latest = HttpFuzz.call("GET", registry.url() + "/subjects/" + WITNESS + "/versions/latest", null);
        assertThat(latest.status()).as("the witness %s: %s", after, latest.body()).isEqualTo(200);
        assertThat(latest.json().path("id").asInt()).as("the witness's id %s", after).isEqualTo(witnessId);
        HttpFuzz.Answer byId = HttpFuzz.call("GET", registry.url() + "/schemas/ids/" + witnessId, null);
        assertThat(byId.status()).as("the witness's schema by id %s: %s", after, byId.body()).isEqualTo(200);
        assertThat(new org.apache.avro.Schema.Parser().parse(byId.json().path("schema").asText()))
                .as("the witness's schema %s", after).isEqualTo(org.ceasefire.avro.SectorTally.getClassSchema());
    }

    @AfterContainer
    static void stop() {
        if (registry != null) {
            registry.close();
        }
    }

    private static String quote(String text) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Provide
    Arbitrary<String> segment() {
        return Arbitraries.oneOf(Arbitraries.of("known-value", "unknown", "latest", "1", "0", "-1", "2147483648", "99999999999999",
                        "versions", "schema", "ids", "..", ".", " ", "é", "a/b", "%", "%00", "\u0000", "x".repeat(3_000), "1.5", "null"),
                Arbitraries.strings().all().ofMaxLength(12)).map(HttpFuzz::encode);
    }

    @Provide
    Arbitrary<String> body() {
        String deep = "[".repeat(5_000) + "]".repeat(5_000);
        String deepSchema = "{\"schema\":" + quote("{\"type\":\"array\",\"items\":".repeat(3_000) + "\"int\"" + "}".repeat(3_000)) + "}";
        return Arbitraries.oneOf(Arbitraries.of("", "{}", "[]", "null", "{\"schema\":5}", "{\"schema\":null}", "{\"schema\":\"\"}",
                        "{\"schema\":\"not json\"}", "{\"schema\":\"{\\\"type\\\":\\\"record\\\"}\"}",
                        "{\"schema\":\"\\\"int\\\"\",\"schemaType\":\"PROTOBUF\"}",
                        "{\"schema\":\"\\\"int\\\"\",\"references\":[{\"name\":\"x\"}]}", "{\"compatibility\":\"SIDEWAYS\"}",
                        "{\"compatibility\":5}", "{\"compatibility\":\"FULL\"}", "{\"schema\":\"\\\"string\\\"\"}", deep, deepSchema,
                        "{\"schema\":" + quote(MinistryStatement.getClassSchema().toString()) + "}"),
                Arbitraries.strings().all().ofMaxLength(60));
    }

    @Provide
    Arbitrary<String> path() {
        Arbitrary<String> s = segment();
        return Arbitraries.oneOf(
                s.map(a -> "/subjects/" + a),
                s.map(a -> "/subjects/" + a + "/versions"),
                Combinators.combine(s, s).as((a, b) -> "/subjects/" + a + "/versions/" + b),
                Combinators.combine(s, s).as((a, b) -> "/subjects/" + a + "/versions/" + b + "/schema"),
                s.map(a -> "/schemas/ids/" + a),
                s.map(a -> "/schemas/ids/" + a + "/versions"),
                s.map(a -> "/schemas/" + a),
                s.map(a -> "/config/" + a),
                Combinators.combine(s, s).as((a, b) -> "/compatibility/subjects/" + a + "/versions/" + b),
                s.map(a -> "/" + a),
                Arbitraries.of("/subjects", "/config", "/schemas/types", "/mode", "/subjects?deleted=maybe", "/subjects/known-value?permanent=x"));
    }

    @Property(tries = 250)
    @Label("registry REST: random method, path and body: an answer within 5 s, never 5xx, errors as JSON with error_code and message, and the state the fuzzing cannot reach unchanged")
    void randomRequests(@ForAll("path") String path, @ForAll("body") String body,
                        @ForAll("method") String method) {
        HttpFuzz.Answer answer = HttpFuzz.call(method, registry.url() + path, method.equals("GET") || method.equals("DELETE") ? null : body);
        HttpFuzz.assertClientErrorOrSuccess(method + " " + path + " with " + abbreviate(body), answer);
        if (answer.status() >= 400) {
            JsonNode error = answer.json();
            assertThat(error.path("error_code").isInt()).as("error_code in %s", answer.body()).isTrue();
            assertThat(error.path("message").asText()).as("message in %s", answer.body()).isNotBlank();
        }
        assertWitnessIntact("after " + method + " " + abbreviate(path));
    }

    @Provide
    Arbitrary<String> method() {
        return Arbitraries.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS");
    }

    private static String abbreviate(String body) {
        return body.length() > 80 ? body.substring(0, 80) + "... (" + body.length() + " chars)" : body;
    }
}
