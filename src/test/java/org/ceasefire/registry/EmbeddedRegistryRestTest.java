package org.ceasefire.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.avro.Schema;
import org.ceasefire.registry.RestCalls.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The REST contract against our server with in-memory state (no broker needed), plus the
 * behaviour specific to our server: request limits and Confluent's less common error codes.
 */
class EmbeddedRegistryRestTest extends RegistryContract {

    private static EmbeddedSchemaRegistry registry;

    @BeforeAll
    static void start() {
        registry = EmbeddedSchemaRegistry.startInMemory();
    }

    @AfterAll
    static void stop() {
        registry.close();
    }

    @Override
    protected String registryUrl() {
        return registry.url();
    }

    @Test
    @DisplayName("malformed JSON and a non-object body get 400 with error code 400")
    void badBodies() {
        String path = "/subjects/" + unique("s") + "/versions";
        Reply malformed = rest().send("POST", path, "{\"schema\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.errorCode()).isEqualTo(400);
        assertThat(malformed.body().path("message").asText()).startsWith("Malformed JSON");
        Reply array = rest().send("POST", path, "[1,2]");
        assertThat(array.status()).isEqualTo(400);
        Reply empty = rest().send("POST", path, "");
        assertThat(empty.status()).isEqualTo(400);
        Reply noSchema = rest().send("POST", path, "{\"schemaType\":\"AVRO\"}");
        assertThat(noSchema.status()).isEqualTo(422);
        assertThat(noSchema.errorCode()).isEqualTo(42201);
        Reply protobuf = rest().send("POST", path, "{\"schemaType\":\"PROTOBUF\",\"schema\":\"syntax = \\\"proto3\\\";\"}");
        assertThat(protobuf.errorCode()).isEqualTo(42201);
        assertThat(protobuf.body().path("message").asText()).contains("PROTOBUF");
    }

    @Test
    @DisplayName("an oversized body gets 413, and the server keeps serving")
    void oversizedBody() {
        String huge = "{\"schema\":\"" + "x".repeat(5 * 1024 * 1024) + "\"}";
        Reply reply = rest().send("POST", "/subjects/" + unique("s") + "/versions", huge);
        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.errorCode()).isEqualTo(413);
        assertThat(rest().get("/subjects").status()).isEqualTo(200);
    }

    @Test
    @DisplayName("an incompatible schema gets error code 40901")
    void incompatibleErrorCode() {
        String subject = unique("s");
        String record = unique("R");
        rest().postSchema("/subjects/" + subject + "/versions", RestCalls.recordSchema(record, "a"));
        Reply refused = rest().postSchema("/subjects/" + subject + "/versions", RestCalls.recordSchema(record, "a", "b"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.errorCode()).isEqualTo(40901);
        assertThat(refused.body().path("message").asText()).startsWith("Schema being registered is incompatible");
    }

    @Test
    @DisplayName("unknown paths get 404 and wrong methods 405, as JSON errors")
    void unknownRoutes() {
        Reply unknown = rest().get("/nothing/here");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.errorCode()).isEqualTo(404);
        Reply wrongMethod = rest().send("PUT", "/subjects", "{}");
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.errorCode()).isEqualTo(405);
        assertThat(rest().get("/schemas/types").body().toString()).isEqualTo("[\"AVRO\"]");
        assertThat(rest().get("/schemas/ids/abc").errorCode()).isEqualTo(40403);
    }

    @Test
    @DisplayName("permanent delete needs a soft delete first (40405, 40407), then removes the version")
    void permanentDelete() {
        String subject = unique("s");
        rest().postSchema("/subjects/" + subject + "/versions", RestCalls.recordSchema(unique("R"), "a"));

        assertThat(rest().delete("/subjects/" + subject + "?permanent=true").errorCode()).isEqualTo(40405);
        assertThat(rest().delete("/subjects/" + subject + "/versions/1?permanent=true").errorCode()).isEqualTo(40407);
        assertThat(rest().delete("/subjects/" + subject).body().toString()).isEqualTo("[1]");
        assertThat(rest().delete("/subjects/" + subject).errorCode()).isEqualTo(40404);
        assertThat(rest().delete("/subjects/" + subject + "?permanent=true").body().toString()).isEqualTo("[1]");
        assertThat(rest().delete("/subjects/" + subject).errorCode()).isEqualTo(40401);
    }

    @Test
    @DisplayName("a subject without its own level: 40408, or the global level with defaultToGlobal=true")
    void subjectLevelNotConfigured() {
        String subject = unique("s");
        Reply notSet = rest().get("/config/" + subject);
        assertThat(notSet.status()).isEqualTo(404);
        assertThat(notSet.errorCode()).isEqualTo(40408);
        assertThat(rest().get("/config/" + subject + "?defaultToGlobal=true").body().path("compatibilityLevel")
                .asText()).isEqualTo("BACKWARD");
        rest().send("PUT", "/config/" + subject, "{\"compatibility\":\"forward\"}");
        assertThat(rest().delete("/config/" + subject).body().path("compatibilityLevel").asText())
                .isEqualTo("FORWARD");
        assertThat(rest().get("/config/" + subject).errorCode()).isEqualTo(40408);
    }

    @Test
    @DisplayName("a subject with '/' and spaces works through the client")
    void awkwardSubjectName() {
        try (SchemaRegistryClient client = SchemaRegistryClient.forUrl(registryUrl())) {
            String subject = unique("team/a b+c");
            Schema schema = new Schema.Parser().parse(RestCalls.recordSchema(unique("R"), "a"));
            int id = client.register(subject, schema);
            assertThat(client.latest(subject).id()).isEqualTo(id);
            assertThat(client.latest(subject).subject()).isEqualTo(subject);
            assertThat(client.subjects()).contains(subject);
        }
    }
}
