package org.ceasefire.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.apache.avro.Schema;
import org.ceasefire.avro.MinistryStatement;
import org.ceasefire.registry.RestCalls.Reply;
import org.ceasefire.registry.serde.AvroSerdeConfig;
import org.ceasefire.registry.serde.SpecificAvroSerde;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Behaviour every Confluent-compatible registry must show: run against our in-memory and
 * Kafka-backed servers, and against Confluent's own image where Docker exists. Subjects and
 * record names are unique per test, so the tests share one registry.
 */
public abstract class RegistryContract {

    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

    /** The registry under test. */
    protected abstract String registryUrl();

    protected RestCalls rest() {
        return new RestCalls(registryUrl());
    }

    protected static String unique(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().replace("-", "");
    }

    @Test
    @DisplayName("register, then read back by id, by version, as latest, in the lists of versions and subjects")
    void registerAndReadBack() {
        String subject = unique("s");
        String record = unique("R");
        String schema = RestCalls.recordSchema(record, "a");

        Reply registered = rest().postSchema("/subjects/" + subject + "/versions", schema);
        assertThat(registered.status()).isEqualTo(200);
        assertThat(registered.contentType()).startsWith(CONTENT_TYPE);
        int id = registered.body().path("id").asInt();
        assertThat(id).isPositive();

        Reply byId = rest().get("/schemas/ids/" + id);
        assertThat(new Schema.Parser().parse(byId.body().path("schema").asText()).getName()).isEqualTo(record);
        Reply v1 = rest().get("/subjects/" + subject + "/versions/1");
        assertThat(v1.body().path("subject").asText()).isEqualTo(subject);
        assertThat(v1.body().path("version").asInt()).isEqualTo(1);
        assertThat(v1.body().path("id").asInt()).isEqualTo(id);
        assertThat(rest().get("/subjects/" + subject + "/versions/latest").body().path("id").asInt()).isEqualTo(id);
        assertThat(rest().get("/subjects/" + subject + "/versions/1/schema").body().path("name").asText())
                .isEqualTo(record);
        assertThat(rest().get("/subjects/" + subject + "/versions").body().toString()).isEqualTo("[1]");
        assertThat(rest().get("/subjects").body().toString()).contains("\"" + subject + "\"");
        Reply uses = rest().get("/schemas/ids/" + id + "/versions");
        assertThat(uses.body().size()).isEqualTo(1);
        assertThat(uses.body().get(0).path("subject").asText()).isEqualTo(subject);
        assertThat(uses.body().get(0).path("version").asInt()).isEqualTo(1);
    }

    @Test
    @DisplayName("the same schema gets the same id under any subject, whatever its whitespace")
    void sameSchemaSameId() {
        String schema = RestCalls.recordSchema(unique("R"), "a", "b");
        String reformatted = schema.replace(",", ",\n  ").replace(":", " : ");
        String first = unique("s");
        String second = unique("s");

        int id1 = rest().postSchema("/subjects/" + first + "/versions", schema).body().path("id").asInt();
        int again = rest().postSchema("/subjects/" + first + "/versions", reformatted).body().path("id").asInt();
        int id2 = rest().postSchema("/subjects/" + second + "/versions", reformatted).body().path("id").asInt();
        int other = rest().postSchema("/subjects/" + second + "/versions",
                RestCalls.recordSchema(unique("R"), "a")).body().path("id").asInt();

        assertThat(again).isEqualTo(id1);
        assertThat(id2).isEqualTo(id1);
        assertThat(other).isNotEqualTo(id1);
        assertThat(rest().get("/subjects/" + first + "/versions").body().toString()).isEqualTo("[1]");
    }

    @Test
    @DisplayName("POST /subjects/{subject} finds a registered schema; 40401 and 40403 otherwise")
    void lookUpUnderSubject() {
        String subject = unique("s");
        String schema = RestCalls.recordSchema(unique("R"), "a");
        int id = rest().postSchema("/subjects/" + subject + "/versions", schema).body().path("id").asInt();

        Reply found = rest().postSchema("/subjects/" + subject, schema);
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.body().path("id").asInt()).isEqualTo(id);
        assertThat(found.body().path("version").asInt()).isEqualTo(1);

        Reply noSubject = rest().postSchema("/subjects/" + unique("missing"), schema);
        assertThat(noSubject.status()).isEqualTo(404);
        assertThat(noSubject.errorCode()).isEqualTo(40401);
        Reply noSchema = rest().postSchema("/subjects/" + subject, RestCalls.recordSchema(unique("R"), "z"));
        assertThat(noSchema.status()).isEqualTo(404);
        assertThat(noSchema.errorCode()).isEqualTo(40403);
    }

    @Test
    @DisplayName("not found: subject 40401, version 40402, schema id 40403")
    void notFoundCodes() {
        String subject = unique("s");
        rest().postSchema("/subjects/" + subject + "/versions", RestCalls.recordSchema(unique("R"), "a"));

        Reply noSubject = rest().get("/subjects/" + unique("missing") + "/versions");
        assertThat(noSubject.status()).isEqualTo(404);
        assertThat(noSubject.errorCode()).isEqualTo(40401);
        assertThat(noSubject.contentType()).startsWith(CONTENT_TYPE);
        Reply noVersion = rest().get("/subjects/" + subject + "/versions/7");
        assertThat(noVersion.status()).isEqualTo(404);
        assertThat(noVersion.errorCode()).isEqualTo(40402);
        Reply noId = rest().get("/schemas/ids/987654");
        assertThat(noId.status()).isEqualTo(404);
        assertThat(noId.errorCode()).isEqualTo(40403);
    }

    @Test
    @DisplayName("invalid input: unparsable schema 42201, bad version 42202, bad compatibility level 42203")
    void invalidInputCodes() {
        String subject = unique("s");
        rest().postSchema("/subjects/" + subject + "/versions", RestCalls.recordSchema(unique("R"), "a"));

        Reply badSchema = rest().postSchema("/subjects/" + subject + "/versions", "{\"type\":\"recrod\"}");
        assertThat(badSchema.status()).isEqualTo(422);
        assertThat(badSchema.errorCode()).isEqualTo(42201);
        Reply notJsonSchema = rest().postSchema("/subjects/" + subject + "/versions", "{not json");
        assertThat(notJsonSchema.status()).isEqualTo(422);
        assertThat(notJsonSchema.errorCode()).isEqualTo(42201);
        Reply badVersion = rest().get("/subjects/" + subject + "/versions/zero");
        assertThat(badVersion.status()).isEqualTo(422);
        assertThat(badVersion.errorCode()).isEqualTo(42202);
        Reply badLevel = rest().send("PUT", "/config/" + subject, "{\"compatibility\":\"SIDEWAYS\"}");
        assertThat(badLevel.status()).isEqualTo(422);
        assertThat(badLevel.errorCode()).isEqualTo(42203);
    }

    @Test
    @DisplayName("an incompatible schema gets 409/40901; the compatibility check says false, with reasons")
    void incompatibleSchema() {
        String subject = unique("s");
        String record = unique("R");
        rest().postSchema("/subjects/" + subject + "/versions", RestCalls.recordSchema(record, "a"));
        String addsRequiredField = RestCalls.recordSchema(record, "a", "b");
        String addsOptionalField = RestCalls.recordSchema(record, "a").replace("]}",
                ",{\"name\":\"c\",\"type\":[\"null\",\"string\"],\"default\":null}]}");

        Reply refused = rest().postSchema("/subjects/" + subject + "/versions", addsRequiredField);
        assertThat(refused.status()).isEqualTo(409);
        // Confluent's releases answer 409 or 40901; ours answers 40901 (see EmbeddedRegistryRestTest).
        assertThat(refused.errorCode()).isIn(409, 40901);
        Reply check = rest().postSchema("/compatibility/subjects/" + subject + "/versions/latest?verbose=true",
                addsRequiredField);
        assertThat(check.status()).isEqualTo(200);
        assertThat(check.body().path("is_compatible").asBoolean()).isFalse();
        assertThat(check.body().path("messages").toString()).contains("READER_FIELD_MISSING_DEFAULT_VALUE");
        assertThat(rest().postSchema("/compatibility/subjects/" + subject + "/versions/1", addsOptionalField)
                .body().path("is_compatible").asBoolean()).isTrue();
        Reply accepted = rest().postSchema("/subjects/" + subject + "/versions", addsOptionalField);
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(rest().get("/subjects/" + subject + "/versions").body().toString()).isEqualTo("[1,2]");
    }

    @Test
    @DisplayName("per-subject compatibility: set, read, and applied (NONE accepts any change)")
    void subjectCompatibility() {
        String subject = unique("s");
        String record = unique("R");
        rest().postSchema("/subjects/" + subject + "/versions", RestCalls.recordSchema(record, "a"));

        Reply set = rest().send("PUT", "/config/" + subject, "{\"compatibility\":\"NONE\"}");
        assertThat(set.status()).isEqualTo(200);
        assertThat(set.body().path("compatibility").asText()).isEqualTo("NONE");
        assertThat(rest().get("/config/" + subject).body().path("compatibilityLevel").asText()).isEqualTo("NONE");
        assertThat(rest().get("/config").body().path("compatibilityLevel").asText()).isEqualTo("BACKWARD");

        Reply accepted = rest().postSchema("/subjects/" + subject + "/versions", RestCalls.recordSchema(record, "x"));
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(rest().get("/subjects/" + subject + "/versions/latest").body().path("version").asInt())
                .isEqualTo(2);
    }

    @Test
    @DisplayName("deleting a version and a subject: gone from lists and lookups, still readable by id")
    void deleteVersionAndSubject() {
        String subject = unique("s");
        String record = unique("R");
        int id1 = rest().postSchema("/subjects/" + subject + "/versions", RestCalls.recordSchema(record, "a"))
                .body().path("id").asInt();
        rest().postSchema("/subjects/" + subject + "/versions", RestCalls.recordSchema(record, "a").replace("]}",
                ",{\"name\":\"c\",\"type\":\"int\",\"default\":0}]}"));

        Reply deletedVersion = rest().delete("/subjects/" + subject + "/versions/1");
        assertThat(deletedVersion.status()).isEqualTo(200);
        assertThat(deletedVersion.body().asInt()).isEqualTo(1);
        assertThat(rest().get("/subjects/" + subject + "/versions").body().toString()).isEqualTo("[2]");
        assertThat(rest().get("/subjects/" + subject + "/versions/1").errorCode()).isEqualTo(40402);

        Reply deletedSubject = rest().delete("/subjects/" + subject);
        assertThat(deletedSubject.body().toString()).isEqualTo("[2]");
        assertThat(rest().get("/subjects/" + subject + "/versions").errorCode()).isEqualTo(40401);
        assertThat(rest().get("/subjects").body().toString()).doesNotContain(subject);
        assertThat(rest().get("/schemas/ids/" + id1).status()).isEqualTo(200);
        assertThat(rest().delete("/subjects/" + unique("missing")).errorCode()).isEqualTo(40401);
    }

    @Test
    @DisplayName("malformed JSON is refused with a 4xx")
    void malformedJson() {
        Reply reply = rest().send("POST", "/subjects/" + unique("s") + "/versions", "{\"schema\": ");
        assertThat(reply.status()).isBetween(400, 499);
    }

    @Test
    @DisplayName("the client does every call against this registry, with its error codes")
    void clientAgainstRegistry() {
        try (SchemaRegistryClient client = SchemaRegistryClient.forUrl(registryUrl())) {
            String subject = unique("client");
            Schema v1 = new Schema.Parser().parse(RestCalls.recordSchema(unique("R"), "a"));
            Schema v2 = new Schema.Parser().parse(v1.toString().replace("]}",
                    ",{\"name\":\"c\",\"type\":\"int\",\"default\":0}]}"));
            Schema breaking = new Schema.Parser().parse(v1.toString().replace("\"string\"", "\"int\""));

            int id1 = client.register(subject, v1);
            assertThat(client.isCompatible(subject, v2)).isTrue();
            assertThat(client.isCompatible(subject, breaking)).isFalse();
            assertThat(client.incompatibilities(subject, breaking)).isNotEmpty();
            int id2 = client.register(subject, v2);

            assertThat(client.schemaById(id1)).isEqualTo(v1);
            assertThat(client.version(subject, 1).id()).isEqualTo(id1);
            assertThat(client.latest(subject).id()).isEqualTo(id2);
            assertThat(client.latest(subject).parsedSchema()).isEqualTo(v2);
            assertThat(client.lookup(subject, v1).version()).isEqualTo(1);
            assertThat(client.versions(subject)).containsExactly(1, 2);
            assertThat(client.subjects()).contains(subject);

            assertThat(client.compatibility(subject)).isEqualTo(CompatibilityLevel.BACKWARD);
            client.setCompatibility(subject, CompatibilityLevel.FULL_TRANSITIVE);
            assertThat(client.compatibility(subject)).isEqualTo(CompatibilityLevel.FULL_TRANSITIVE);
            assertThat(client.compatibility()).isEqualTo(CompatibilityLevel.BACKWARD);

            assertThatThrownBy(() -> client.register(subject, breaking))
                    .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                        assertThat(e.status()).isEqualTo(409);
                        assertThat(e.errorCode()).isIn(409, 40901);
                        assertThat(e.getMessage()).contains(registryUrl()).contains("error_code " + e.errorCode());
                    });
            assertThatThrownBy(() -> client.version(subject, 9))
                    .isInstanceOfSatisfying(SchemaRegistryException.class,
                            e -> assertThat(e.errorCode()).isEqualTo(40402));

            assertThat(client.deleteVersion(subject, 2)).isEqualTo(2);
            assertThat(client.deleteSubject(subject)).containsExactly(1);
            assertThatThrownBy(() -> client.versions(subject))
                    .isInstanceOfSatisfying(SchemaRegistryException.class,
                            e -> assertThat(e.errorCode()).isEqualTo(40401));
        }
    }

    @Test
    @DisplayName("the serde round-trips a MinistryStatement through this registry over HTTP")
    void serdeOverHttp() {
        String topic = unique("statements");
        try (SpecificAvroSerde<MinistryStatement> serde = new SpecificAvroSerde<>()) {
            serde.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl()), false);
            byte[] bytes = serde.serializer().serialize(topic, SampleStatements.full());
            assertThat(serde.deserializer().deserialize(topic, bytes)).isEqualTo(SampleStatements.full());
        }
        assertThat(rest().get("/subjects/" + topic + "-value/versions").body().toString()).isEqualTo("[1]");
        assertThat(List.of(rest().get("/subjects").body().toString())).anyMatch(s -> s.contains(topic + "-value"));
    }

    // Where this registry used to answer differently from Confluent's: one test per case.

    @Test
    @DisplayName("normalize=true: an equivalent schema with its aliases reordered gets the same id and no new version")
    void normalizeEquivalentSchema() {
        String subject = unique("s");
        String name = unique("R");
        String first = "{\"type\":\"record\",\"name\":\"" + name + "\",\"aliases\":[\"B\",\"A\"],"
                + "\"fields\":[{\"name\":\"a\",\"type\":\"string\"}]}";
        String reordered = first.replace("[\"B\",\"A\"]", "[\"A\",\"B\"]");

        int id = rest().postSchema("/subjects/" + subject + "/versions?normalize=true", first).body().path("id").asInt();
        Reply again = rest().postSchema("/subjects/" + subject + "/versions?normalize=true", reordered);

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().path("id").asInt()).isEqualTo(id);
        assertThat(rest().get("/subjects/" + subject + "/versions").body().toString()).isEqualTo("[1]");
        assertThat(rest().postSchema("/subjects/" + subject + "?normalize=true", reordered).body().path("id").asInt())
                .isEqualTo(id);
    }

    @Test
    @DisplayName("GET /schemas/ids/{id}/schema answers the raw schema")
    void rawSchemaById() {
        String record = unique("R");
        int id = rest().postSchema("/subjects/" + unique("s") + "/versions", RestCalls.recordSchema(record, "a"))
                .body().path("id").asInt();

        Reply raw = rest().get("/schemas/ids/" + id + "/schema");

        assertThat(raw.status()).isEqualTo(200);
        assertThat(raw.body().path("name").asText()).isEqualTo(record);
        assertThat(raw.body().path("fields").get(0).path("name").asText()).isEqualTo("a");
    }

    @Test
    @DisplayName("a compatibility check against latest of an unknown subject is 200 and compatible")
    void compatibilityWithUnknownSubject() {
        Reply check = rest().postSchema("/compatibility/subjects/" + unique("s") + "/versions/latest",
                RestCalls.recordSchema(unique("R"), "a"));

        assertThat(check.status()).isEqualTo(200);
        assertThat(check.body().path("is_compatible").asBoolean()).isTrue();
    }

    @Test
    @DisplayName("a verbose compatibility check of an invalid schema is 200, incompatible, with the reason")
    void verboseCheckOfInvalidSchema() {
        String subject = unique("s");
        rest().postSchema("/subjects/" + subject + "/versions", RestCalls.recordSchema(unique("R"), "a"));

        Reply check = rest().postSchema("/compatibility/subjects/" + subject + "/versions/latest?verbose=true",
                "{\"type\":\"record\",\"name\":\"X\",\"fields\":[{\"name\":\"a\",\"type\":\"nosuchtype\"}]}");

        assertThat(check.status()).isEqualTo(200);
        assertThat(check.body().path("is_compatible").asBoolean()).isFalse();
        assertThat(check.body().path("messages").toString()).contains("nosuchtype");
    }

    @Test
    @DisplayName("soft-deleting a version already soft-deleted is 404 with 40406")
    void softDeleteTwice() {
        String subject = unique("s");
        String record = unique("R");
        rest().postSchema("/subjects/" + subject + "/versions", RestCalls.recordSchema(record, "a"));
        rest().postSchema("/subjects/" + subject + "/versions", RestCalls.recordSchema(record, "a").replace("]}",
                ",{\"name\":\"c\",\"type\":\"int\",\"default\":0}]}"));
        rest().delete("/subjects/" + subject + "/versions/1");

        Reply again = rest().delete("/subjects/" + subject + "/versions/1");

        assertThat(again.status()).isEqualTo(404);
        assertThat(again.errorCode()).isEqualTo(40406);
    }

    @Test
    @DisplayName("?deleted=true lists soft-deleted subjects and versions and reads a soft-deleted version")
    void deletedTrueIncludesSoftDeleted() {
        String subject = unique("s");
        String record = unique("R");
        rest().postSchema("/subjects/" + subject + "/versions", RestCalls.recordSchema(record, "a"));
        rest().postSchema("/subjects/" + subject + "/versions", RestCalls.recordSchema(record, "a").replace("]}",
                ",{\"name\":\"c\",\"type\":\"int\",\"default\":0}]}"));
        rest().delete("/subjects/" + subject + "/versions/1");

        assertThat(rest().get("/subjects/" + subject + "/versions?deleted=true").body().toString()).isEqualTo("[1,2]");
        assertThat(rest().get("/subjects/" + subject + "/versions/1?deleted=true").body().path("version").asInt())
                .isEqualTo(1);
        rest().delete("/subjects/" + subject);
        assertThat(rest().get("/subjects").body().toString()).doesNotContain(subject);
        assertThat(rest().get("/subjects?deleted=true").body().toString()).contains("\"" + subject + "\"");
    }

    @Test
    @DisplayName("an id is 40403 once the only subject holding it is deleted for good")
    void idAfterHardDelete() {
        String subject = unique("s");
        int id = rest().postSchema("/subjects/" + subject + "/versions", RestCalls.recordSchema(unique("R"), "a"))
                .body().path("id").asInt();
        rest().delete("/subjects/" + subject);
        assertThat(rest().get("/schemas/ids/" + id).status()).isEqualTo(200);

        rest().delete("/subjects/" + subject + "?permanent=true");

        Reply gone = rest().get("/schemas/ids/" + id);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.errorCode()).isEqualTo(40403);
    }

    @Test
    @DisplayName("GET /mode and /mode/{subject}?defaultToGlobal=true answer READWRITE")
    void mode() {
        assertThat(rest().get("/mode").body().path("mode").asText()).isEqualTo("READWRITE");
        Reply subject = rest().get("/mode/" + unique("s") + "?defaultToGlobal=true");
        assertThat(subject.status()).isEqualTo(200);
        assertThat(subject.body().path("mode").asText()).isEqualTo("READWRITE");
    }

    @Test
    @DisplayName("GET /contexts, GET /schemas and GET /v1/metadata/version answer 200")
    void contextsSchemasAndVersion() {
        String subject = unique("s");
        String record = unique("R");
        rest().postSchema("/subjects/" + subject + "/versions", RestCalls.recordSchema(record, "a"));

        Reply contexts = rest().get("/contexts");
        assertThat(contexts.status()).isEqualTo(200);
        assertThat(contexts.body().isArray()).isTrue();
        Reply schemas = rest().get("/schemas?subjectPrefix=" + subject);
        assertThat(schemas.status()).isEqualTo(200);
        assertThat(schemas.body().size()).isEqualTo(1);
        assertThat(schemas.body().get(0).path("subject").asText()).isEqualTo(subject);
        assertThat(schemas.body().get(0).path("version").asInt()).isEqualTo(1);
        Reply version = rest().get("/v1/metadata/version");
        assertThat(version.status()).isEqualTo(200);
        assertThat(version.body().has("version")).isTrue();
    }

    @Test
    @DisplayName("schema references: register against a referenced version, read back, look up, referencedby, no delete while referenced")
    void schemaReferences() {
        String placeSubject = unique("place");
        String placeName = unique("Place");
        String place = "{\"type\":\"record\",\"name\":\"" + placeName + "\",\"namespace\":\"org.ceasefire.refs\","
                + "\"fields\":[{\"name\":\"name\",\"type\":\"string\"}]}";
        rest().postSchema("/subjects/" + placeSubject + "/versions", place);
        String subject = unique("s");
        String body = JsonNodeFactory.instance.objectNode()
                .put("schema", "{\"type\":\"record\",\"name\":\"" + unique("Statement") + "\",\"namespace\":\"org.ceasefire.refs\","
                        + "\"fields\":[{\"name\":\"where\",\"type\":\"org.ceasefire.refs." + placeName + "\"}]}")
                .set("references", JsonNodeFactory.instance.arrayNode().add(JsonNodeFactory.instance.objectNode()
                        .put("name", "org.ceasefire.refs." + placeName).put("subject", placeSubject).put("version", 1)))
                .toString();

        Reply registered = rest().send("POST", "/subjects/" + subject + "/versions", body);
        assertThat(registered.status()).isEqualTo(200);
        int id = registered.body().path("id").asInt();

        Reply version = rest().get("/subjects/" + subject + "/versions/1");
        assertThat(version.body().path("references").get(0).path("subject").asText()).isEqualTo(placeSubject);
        assertThat(version.body().path("references").get(0).path("version").asInt()).isEqualTo(1);
        assertThat(version.body().path("schema").asText()).contains(placeName)
                .doesNotContain("\"name\":\"name\"");
        assertThat(rest().get("/schemas/ids/" + id).body().path("references").get(0).path("name").asText())
                .isEqualTo("org.ceasefire.refs." + placeName);
        assertThat(rest().send("POST", "/subjects/" + subject, body).body().path("id").asInt()).isEqualTo(id);
        assertThat(rest().get("/subjects/" + placeSubject + "/versions/1/referencedby").body().toString())
                .isEqualTo("[" + id + "]");
        Reply stillUsed = rest().delete("/subjects/" + placeSubject + "/versions/1");
        assertThat(stillUsed.status()).isEqualTo(422);
        assertThat(stillUsed.errorCode()).isEqualTo(42206);
        Reply missing = rest().send("POST", "/subjects/" + unique("s") + "/versions",
                body.replace(placeSubject, unique("nowhere")));
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.errorCode()).isEqualTo(42201);
    }
}
