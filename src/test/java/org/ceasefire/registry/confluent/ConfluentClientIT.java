package org.ceasefire.registry.confluent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;
import org.apache.kafka.common.serialization.Serializer;
import org.ceasefire.registry.EmbeddedSchemaRegistry;
import org.ceasefire.registry.RestCalls;
import org.ceasefire.registry.confluent.ConfluentClasses.ConfluentError;
import org.ceasefire.registry.serde.GenericAvroDeserializer;
import org.ceasefire.registry.server.BasicAuth;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Confluent's own {@code CachedSchemaRegistryClient} against the embedded registry: nothing of
 * ours on the client side. Subjects are unique per test, so the tests share one registry.
 */
class ConfluentClientIT {

    private static EmbeddedSchemaRegistry registry;
    private static ConfluentRegistryClient client;

    @BeforeAll
    static void start() {
        registry = EmbeddedSchemaRegistry.startInMemory();
        client = new ConfluentRegistryClient(registry.url());
    }

    @AfterAll
    static void stop() {
        registry.close();
    }

    private static String unique(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().replace("-", "");
    }

    private static String record(String name, String... extraFields) {
        StringBuilder fields = new StringBuilder("{\"name\":\"a\",\"type\":\"string\"}");
        for (String field : extraFields) {
            fields.append(',').append(field);
        }
        return "{\"type\":\"record\",\"name\":\"" + name + "\",\"namespace\":\"org.ceasefire.it\",\"fields\":["
                + fields + "]}";
    }

    @Test
    @DisplayName("register, look up by schema, by id, as latest; the subject and its versions listed")
    void registerAndLookUp() {
        String subject = unique("s");
        String schema = record(unique("R"));

        int id = client.register(subject, schema);

        assertThat(id).isPositive();
        assertThat(client.version(subject, schema)).isEqualTo(1);
        assertThat(client.id(subject, schema)).isEqualTo(id);
        assertThat(new Schema.Parser().parse(client.schemaById(id))).isEqualTo(new Schema.Parser().parse(schema));
        assertThat(client.latest(subject)).element(0).isEqualTo(id);
        assertThat(client.latest(subject)).element(1).isEqualTo(1);
        assertThat(client.subjects(false)).contains(subject);
        assertThat(client.versions(subject, false)).containsExactly(1);
        assertThat(client.register(subject, schema)).isEqualTo(id);
    }

    @Test
    @DisplayName("a compatible change passes the check and registers as version 2; an incompatible one is refused with 409")
    void compatibility() {
        String subject = unique("s");
        String name = unique("R");
        client.register(subject, record(name));
        String withDefault = record(name, "{\"name\":\"b\",\"type\":\"int\",\"default\":0}");
        String withoutDefault = record(name, "{\"name\":\"c\",\"type\":\"int\"}");

        assertThat(client.isCompatible(subject, withDefault)).isTrue();
        assertThat(client.incompatibilities(subject, withDefault)).isEmpty();
        assertThat(client.isCompatible(subject, withoutDefault)).isFalse();
        assertThat(client.incompatibilities(subject, withoutDefault)).isNotEmpty()
                .anySatisfy(message -> assertThat(message).contains("c"));
        client.register(subject, withDefault);
        assertThat(client.versions(subject, false)).containsExactly(1, 2);
        assertThatThrownBy(() -> client.register(subject, withoutDefault)).isInstanceOfSatisfying(ConfluentError.class,
                e -> assertThat(e.errorCode()).isEqualTo(40901));
    }

    @Test
    @DisplayName("a subject's compatibility level set, read, and removed so the global one applies; the mode is READWRITE")
    void config() {
        String subject = unique("s");
        client.register(subject, record(unique("R")));

        assertThat(client.setCompatibility(subject, "FULL")).isEqualTo("FULL");
        assertThat(client.compatibility(subject)).isEqualTo("FULL");
        assertThat(client.compatibility(null)).isEqualTo("BACKWARD");
        client.deleteCompatibility(subject);
        assertThatThrownBy(() -> client.compatibility(subject)).isInstanceOfSatisfying(ConfluentError.class,
                e -> assertThat(e.errorCode()).isEqualTo(40408));
        assertThat(client.mode(null)).isEqualTo("READWRITE");
        assertThatThrownBy(() -> client.setCompatibility(subject, "SIDEWAYS")).isInstanceOfSatisfying(ConfluentError.class,
                e -> assertThat(e.errorCode()).isEqualTo(42203));
    }

    @Test
    @DisplayName("soft deletes hide a version and a subject but ?deleted=true still lists them; a hard delete forgets the id")
    void deletes() {
        String subject = unique("s");
        String name = unique("R");
        int first = client.register(subject, record(name));
        client.register(subject, record(name, "{\"name\":\"b\",\"type\":\"int\",\"default\":0}"));

        assertThat(client.deleteVersion(subject, "1", false)).isEqualTo(1);
        assertThat(client.versions(subject, false)).containsExactly(2);
        assertThat(client.versions(subject, true)).containsExactly(1, 2);
        assertThat(client.versionNumber(subject, 1, true)).isEqualTo(1);
        assertThatThrownBy(() -> client.versionNumber(subject, 1, false)).isInstanceOf(ConfluentError.class);
        assertThatThrownBy(() -> client.deleteVersion(subject, "1", false)).isInstanceOfSatisfying(ConfluentError.class,
                e -> assertThat(e.errorCode()).isEqualTo(40406));

        assertThat(client.deleteSubject(subject, false)).containsExactly(2);
        assertThat(client.subjects(false)).doesNotContain(subject);
        assertThat(client.subjects(true)).contains(subject);
        assertThat(client.schemaById(first)).contains(name);

        assertThat(client.deleteSubject(subject, true)).containsExactly(1, 2);
        assertThat(client.subjects(true)).doesNotContain(subject);
        // A fresh client: Confluent's client caches schemas by id.
        assertThatThrownBy(() -> new ConfluentRegistryClient(registry.url()).schemaById(first))
                .isInstanceOfSatisfying(ConfluentError.class, e -> assertThat(e.errorCode()).isEqualTo(40403));
        assertThatThrownBy(() -> client.versions(subject, false)).isInstanceOfSatisfying(ConfluentError.class,
                e -> assertThat(e.errorCode()).isEqualTo(40401));
    }

    @Test
    @DisplayName("a registry with credentials lets Confluent's client in with USER_INFO, and answers 401 without them")
    void basicAuthentication() {
        try (EmbeddedSchemaRegistry guarded = EmbeddedSchemaRegistry.startInMemory("127.0.0.1",
                BasicAuth.of("monitor:s3cret"))) {
            ConfluentRegistryClient withCredentials = new ConfluentRegistryClient(guarded.url(), Map.of(
                    "basic.auth.credentials.source", "USER_INFO", "basic.auth.user.info", "monitor:s3cret"));
            String subject = unique("s");

            int id = withCredentials.register(subject, record(unique("R")));

            assertThat(withCredentials.subjects(false)).containsExactly(subject);
            assertThat(withCredentials.schemaById(id)).contains("org.ceasefire.it");
            assertThatThrownBy(() -> new ConfluentRegistryClient(guarded.url()).subjects(false))
                    .isInstanceOfSatisfying(ConfluentError.class, e -> assertThat(e.status()).isEqualTo(401));
        }
    }

    @Test
    @DisplayName("a record whose schema has references: Confluent's serializer writes it, our deserializer and Confluent's read it")
    void recordWithReferences() {
        String placeName = unique("Place");
        String place = "{\"type\":\"record\",\"name\":\"" + placeName + "\",\"namespace\":\"org.ceasefire.it\","
                + "\"fields\":[{\"name\":\"name\",\"type\":\"string\"}]}";
        String report = "{\"type\":\"record\",\"name\":\"" + unique("Report") + "\",\"namespace\":\"org.ceasefire.it\","
                + "\"fields\":[{\"name\":\"where\",\"type\":\"org.ceasefire.it." + placeName + "\"}]}";
        String placeSubject = unique("place");
        String topic = unique("reports");
        RestCalls rest = new RestCalls(registry.url());
        rest.postSchema("/subjects/" + placeSubject + "/versions", place);
        RestCalls.Reply registered = rest.send("POST", "/subjects/" + topic + "-value/versions",
                JsonNodeFactory.instance.objectNode().put("schema", report)
                        .set("references", JsonNodeFactory.instance.arrayNode().add(JsonNodeFactory.instance.objectNode()
                                .put("name", "org.ceasefire.it." + placeName).put("subject", placeSubject)
                                .put("version", 1))).toString());
        assertThat(registered.status()).isEqualTo(200);
        Schema.Parser parser = new Schema.Parser();
        Schema placeSchema = parser.parse(place);
        Schema reportSchema = parser.parse(report);
        GenericRecord record = new GenericRecordBuilder(reportSchema)
                .set("where", new GenericRecordBuilder(placeSchema).set("name", "Tegh").build()).build();

        Serializer<Object> confluent = ConfluentSerdes.serializer(Map.of("schema.registry.url", registry.url(),
                "auto.register.schemas", false, "use.latest.version", true), false);
        byte[] bytes = confluent.serialize(topic, record);

        assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(registered.body().path("id").asInt());
        try (GenericAvroDeserializer ours = new GenericAvroDeserializer()) {
            ours.configure(Map.of("schema.registry.url", registry.url()), false);
            GenericRecord read = ours.deserialize(topic, bytes);
            assertThat(((GenericRecord) read.get("where")).get("name").toString()).isEqualTo("Tegh");
        }
        Object theirs = ConfluentSerdes.deserializer(Map.of("schema.registry.url", registry.url()), false)
                .deserialize(topic, bytes);
        assertThat(theirs.toString()).isEqualTo(record.toString());
    }
}
