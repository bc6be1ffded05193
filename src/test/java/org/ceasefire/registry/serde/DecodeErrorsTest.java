package org.ceasefire.registry.serde;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Map;

import org.apache.kafka.common.errors.SerializationException;
import org.ceasefire.avro.MinistryStatement;
import org.ceasefire.registry.MockSchemaRegistry;
import org.ceasefire.registry.SampleStatements;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Each kind of undecodable input gets its own message, naming topic, key/value, id and length. */
class DecodeErrorsTest {

    private static final String SCOPE = "decode-errors-test";
    private static final String TOPIC = "ceasefire.statements";

    private SpecificAvroSerde<MinistryStatement> serde;
    private byte[] valid;

    @BeforeEach
    void setUp() {
        serde = new SpecificAvroSerde<>();
        serde.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + SCOPE), false);
        valid = serde.serializer().serialize(TOPIC, SampleStatements.full());
    }

    @AfterEach
    void tearDown() {
        serde.close();
        MockSchemaRegistry.dropScope(SCOPE);
    }

    @Test
    @DisplayName("an empty payload is reported as empty")
    void empty() {
        assertThatThrownBy(() -> decode(new byte[0]))
                .isInstanceOf(SerializationException.class)
                .hasMessage("Cannot deserialize value of topic 'ceasefire.statements' (0 bytes): the payload is "
                        + "empty; registry-encoded Avro starts with a 5-byte header");
    }

    @Test
    @DisplayName("a wrong first byte is reported as an unknown magic byte")
    void badMagicByte() {
        byte[] json = "{\"statement_id\":\"x\"}".getBytes();
        assertThatThrownBy(() -> decode(json))
                .isInstanceOf(SerializationException.class)
                .hasMessage("Cannot deserialize value of topic 'ceasefire.statements' (20 bytes): unknown magic byte "
                        + "0x7b (expected 0x00), so this is not registry-encoded Avro");
    }

    @Test
    @DisplayName("fewer than five bytes are reported as a truncated header")
    void truncatedHeader() {
        assertThatThrownBy(() -> decode(new byte[] {0, 0, 1}))
                .isInstanceOf(SerializationException.class)
                .hasMessage("Cannot deserialize value of topic 'ceasefire.statements' (3 bytes): truncated header, "
                        + "3 bytes where the magic byte and schema id take 5");
    }

    @Test
    @DisplayName("an id the registry does not know is reported as an unknown schema id")
    void unknownId() {
        byte[] bytes = valid.clone();
        bytes[4] = 99;
        assertThatThrownBy(() -> decode(bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageStartingWith("Cannot deserialize value of topic 'ceasefire.statements' (" + bytes.length
                        + " bytes) with schema id 99: unknown schema id (the registry has no schema with this id)");
    }

    @Test
    @DisplayName("a body cut short is reported as truncated Avro")
    void truncatedBody() {
        byte[] cut = Arrays.copyOf(valid, 40);
        assertThatThrownBy(() -> decode(cut))
                .isInstanceOf(SerializationException.class)
                .hasMessage("Cannot deserialize value of topic 'ceasefire.statements' (40 bytes) with schema id 1: "
                        + "the Avro data is truncated");
    }

    @Test
    @DisplayName("garbage after a valid header is reported as not valid Avro")
    void notAvro() {
        byte[] garbage = {0, 0, 0, 0, 1, (byte) 0x81, 'n', 'o', 't', ' ', 'a', 'v', 'r', 'o'};
        assertThatThrownBy(() -> decode(garbage))
                .isInstanceOf(SerializationException.class)
                .hasMessageStartingWith("Cannot deserialize value of topic 'ceasefire.statements' (14 bytes) with "
                        + "schema id 1: the bytes are not valid Avro for the writer's schema");
    }

    @Test
    @DisplayName("bytes left over after a complete record are reported as not valid Avro")
    void trailingBytes() {
        byte[] longer = Arrays.copyOf(valid, valid.length + 3);
        assertThatThrownBy(() -> decode(longer))
                .isInstanceOf(SerializationException.class)
                .hasMessage("Cannot deserialize value of topic 'ceasefire.statements' (" + longer.length
                        + " bytes) with schema id 1: the bytes are not valid Avro for the writer's schema "
                        + "(bytes left over after the record)");
    }

    @Test
    @DisplayName("errors on keys say 'key'")
    void keysAreNamed() {
        KafkaAvroDeserializer keys = new KafkaAvroDeserializer();
        keys.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + SCOPE), true);
        assertThatThrownBy(() -> keys.deserialize("ceasefire.statements", new byte[] {1}))
                .isInstanceOf(SerializationException.class)
                .hasMessageStartingWith("Cannot deserialize key of topic 'ceasefire.statements' (1 bytes): "
                        + "unknown magic byte 0x01");
    }

    private MinistryStatement decode(byte[] bytes) {
        return serde.deserializer().deserialize(TOPIC, bytes);
    }
}
