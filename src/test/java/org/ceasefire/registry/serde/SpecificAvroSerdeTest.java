package org.ceasefire.registry.serde;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Map;

import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.ceasefire.avro.MinistryStatement;
import org.ceasefire.registry.MockSchemaRegistry;
import org.ceasefire.registry.SampleStatements;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SpecificAvroSerdeTest {

    private static final String SCOPE = "specific-serde-test";
    private static final Map<String, Object> CONFIG = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + SCOPE);

    @AfterEach
    void dropScope() {
        MockSchemaRegistry.dropScope(SCOPE);
    }

    @Test
    @DisplayName("a full MinistryStatement survives serialize and deserialize unchanged")
    void roundTrip() {
        try (SpecificAvroSerde<MinistryStatement> serde = new SpecificAvroSerde<>()) {
            serde.configure(CONFIG, false);
            MinistryStatement statement = SampleStatements.full();

            byte[] bytes = serde.serializer().serialize("ceasefire.statements", statement);
            MinistryStatement back = serde.deserializer().deserialize("ceasefire.statements", bytes);

            assertThat(back).isEqualTo(statement);
            assertThat(back.getCasualties().get(1).getWounded()).isEqualTo(2);
            assertThat(back.getIncidentEnd()).isEqualTo(statement.getIncidentEnd());
        }
    }

    @Test
    @DisplayName("the bytes are magic 0, the registered id big-endian, then the plain Avro encoding")
    void wireFormat() throws Exception {
        try (SpecificAvroSerde<MinistryStatement> serde = new SpecificAvroSerde<>()) {
            serde.configure(CONFIG, false);
            MinistryStatement statement = SampleStatements.full();

            byte[] bytes = serde.serializer().serialize("ceasefire.statements", statement);

            int id = MockSchemaRegistry.forScope(SCOPE)
                    .lookup("ceasefire.statements-value", MinistryStatement.getClassSchema()).id();
            assertThat(id).isEqualTo(1);
            assertThat(bytes[0]).isEqualTo((byte) 0);
            assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(id);
            assertThat(Arrays.copyOfRange(bytes, 5, bytes.length)).isEqualTo(plainAvro(statement));
            assertThat(bytes.length).isBetween(380, 420);
        }
    }

    @Test
    @DisplayName("null serializes to null and null deserializes to null (tombstones)")
    void nullIsTombstone() {
        try (SpecificAvroSerde<MinistryStatement> serde = new SpecificAvroSerde<>()) {
            serde.configure(CONFIG, false);
            assertThat(serde.serializer().serialize("t", null)).isNull();
            assertThat(serde.deserializer().deserialize("t", null)).isNull();
        }
    }

    @Test
    @DisplayName("specific.avro.reader chooses between the generated class and a GenericRecord")
    void specificReaderSetting() {
        KafkaAvroSerializer serializer = new KafkaAvroSerializer();
        serializer.configure(CONFIG, false);
        byte[] bytes = serializer.serialize("t", SampleStatements.full());

        KafkaAvroDeserializer generic = new KafkaAvroDeserializer();
        generic.configure(CONFIG, false);
        KafkaAvroDeserializer specific = new KafkaAvroDeserializer();
        specific.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + SCOPE,
                AvroSerdeConfig.SPECIFIC_AVRO_READER, "true"), false);

        Object genericValue = generic.deserialize("t", bytes);
        assertThat(genericValue).isInstanceOf(GenericRecord.class).isNotInstanceOf(MinistryStatement.class);
        assertThat(((GenericRecord) genericValue).get("issuer").toString()).isEqualTo("AM");
        assertThat(((GenericRecord) genericValue).get("published_at")).isEqualTo(1663049700000L);
        assertThat(specific.deserialize("t", bytes)).isEqualTo(SampleStatements.full());
    }

    @Test
    @DisplayName("a String key is written with the primitive schema under <topic>-key")
    void primitiveKey() {
        KafkaAvroSerializer serializer = new KafkaAvroSerializer();
        serializer.configure(CONFIG, true);
        KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer();
        deserializer.configure(CONFIG, true);

        byte[] bytes = serializer.serialize("ceasefire.statements", "am-mod:0042");

        assertThat(MockSchemaRegistry.forScope(SCOPE).latest("ceasefire.statements-key").schema())
                .isEqualTo("\"string\"");
        assertThat(deserializer.deserialize("ceasefire.statements", bytes).toString()).isEqualTo("am-mod:0042");
    }

    @Test
    @DisplayName("GenericAvroSerde reads what SpecificAvroSerde wrote, with the same field values")
    void genericSerdeReadsSpecificData() {
        try (SpecificAvroSerde<MinistryStatement> specific = new SpecificAvroSerde<>();
             GenericAvroSerde generic = new GenericAvroSerde()) {
            specific.configure(CONFIG, false);
            generic.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + SCOPE,
                    AvroSerdeConfig.SPECIFIC_AVRO_READER, true), false);

            GenericRecord record = generic.deserializer().deserialize("t",
                    specific.serializer().serialize("t", SampleStatements.full()));
            byte[] again = generic.serializer().serialize("t", record);

            assertThat(record.get("statement_id").toString()).isEqualTo("am-mod:2022-09-13:0042");
            assertThat(specific.deserializer().deserialize("t", again)).isEqualTo(SampleStatements.full());
        }
    }

    private static byte[] plainAvro(MinistryStatement statement) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new SpecificDatumWriter<>(MinistryStatement.class).write(statement, encoder);
        encoder.flush();
        return out.toByteArray();
    }
}
