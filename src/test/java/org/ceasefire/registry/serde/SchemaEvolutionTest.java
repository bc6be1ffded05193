package org.ceasefire.registry.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.ceasefire.avro.ClaimType;
import org.ceasefire.avro.MinistryStatement;
import org.ceasefire.registry.MockSchemaRegistry;
import org.ceasefire.registry.SampleStatements;
import org.ceasefire.registry.SchemaRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Two versions of MinistryStatement on one topic, read by old and new readers. */
class SchemaEvolutionTest {

    private static final String SCOPE = "evolution-test";
    private static final String TOPIC = "ceasefire.statements";
    private static final Map<String, Object> CONFIG = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + SCOPE);

    @AfterEach
    void dropScope() {
        MockSchemaRegistry.dropScope(SCOPE);
    }

    @Test
    @DisplayName("old and new writers register versions 1 and 2; each reader reads both")
    void oldAndNewReaders() {
        KafkaAvroSerializer serializer = new KafkaAvroSerializer();
        serializer.configure(CONFIG, false);
        byte[] writtenOld = serializer.serialize(TOPIC, SampleStatements.older("az-mod:0007"));
        byte[] writtenNew = serializer.serialize(TOPIC, SampleStatements.full());

        SchemaRegistry registry = MockSchemaRegistry.forScope(SCOPE);
        assertThat(registry.versions(TOPIC + "-value")).containsExactly(1, 2);
        assertThat(ByteBuffer.wrap(writtenOld, 1, 4).getInt()).isEqualTo(1);
        assertThat(ByteBuffer.wrap(writtenNew, 1, 4).getInt()).isEqualTo(2);

        // New reader (the generated class) on old data: the added fields take their defaults.
        SpecificAvroDeserializer<MinistryStatement> newReader = new SpecificAvroDeserializer<>();
        newReader.configure(CONFIG, false);
        MinistryStatement upgraded = newReader.deserialize(TOPIC, writtenOld);
        assertThat(upgraded.getStatementId()).isEqualTo("az-mod:0007");
        assertThat(upgraded.getClaim()).isEqualTo(ClaimType.ACCUSATION);
        assertThat(upgraded.getLocation()).isEqualTo("Kalbajar");
        assertThat(upgraded.getText()).isNull();
        assertThat(upgraded.getLanguage()).isNull();
        assertThat(newReader.deserialize(TOPIC, writtenNew)).isEqualTo(SampleStatements.full());

        // Old reader on new data: the fields it does not know are skipped.
        KafkaAvroDeserializer oldReader = new KafkaAvroDeserializer();
        oldReader.configure(CONFIG, false);
        Schema older = SampleStatements.olderStatementSchema();
        GenericRecord downgraded = (GenericRecord) oldReader.deserialize(TOPIC, writtenNew, older);
        assertThat(downgraded.getSchema().getField("text")).isNull();
        assertThat(downgraded.get("statement_id").toString()).isEqualTo("am-mod:2022-09-13:0042");
        assertThat(downgraded.get("weapons").toString()).isEqualTo("[artillery, mortar, drone]");
        GenericRecord sameVersion = (GenericRecord) oldReader.deserialize(TOPIC, writtenOld, older);
        assertThat(sameVersion.get("accused").toString()).isEqualTo("AM");
    }

    @Test
    @DisplayName("an incompatible change is refused at registration (BACKWARD by default)")
    void incompatibleChangeRefused() {
        KafkaAvroSerializer serializer = new KafkaAvroSerializer();
        serializer.configure(CONFIG, false);
        serializer.serialize(TOPIC, SampleStatements.full());
        Schema withRequiredField = SchemaBuilder.record("MinistryStatement").namespace("org.ceasefire.avro")
                .fields().requiredString("statement_id").requiredString("severity").endRecord();
        GenericRecord record = new org.apache.avro.generic.GenericRecordBuilder(withRequiredField)
                .set("statement_id", "x").set("severity", "high").build();

        assertThatThrownBy(() -> serializer.serialize(TOPIC, record))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("could not register schema org.ceasefire.avro.MinistryStatement under subject "
                        + "'ceasefire.statements-value'")
                .hasMessageContaining("READER_FIELD_MISSING_DEFAULT_VALUE at /fields/1");
        assertThat(MockSchemaRegistry.forScope(SCOPE).versions(TOPIC + "-value")).isEqualTo(List.of(1));
    }

    @Test
    @DisplayName("a reader schema that cannot read the writer's is reported as such, not as corrupt data")
    void unreadableWithReaderSchema() {
        KafkaAvroSerializer serializer = new KafkaAvroSerializer();
        serializer.configure(CONFIG, false);
        byte[] bytes = serializer.serialize(TOPIC, SampleStatements.full());
        Schema needsSeverity = SchemaBuilder.record("MinistryStatement").namespace("org.ceasefire.avro")
                .fields().requiredString("severity").endRecord();
        KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer();
        deserializer.configure(CONFIG, false);

        assertThatThrownBy(() -> deserializer.deserialize(TOPIC, bytes, needsSeverity))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("the writer's schema org.ceasefire.avro.MinistryStatement cannot be read with "
                        + "the reader's schema org.ceasefire.avro.MinistryStatement");
    }
}
