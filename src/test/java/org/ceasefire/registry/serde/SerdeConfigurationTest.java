package org.ceasefire.registry.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;

import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.ceasefire.avro.MinistryStatement;
import org.ceasefire.registry.MockSchemaRegistry;
import org.ceasefire.registry.SampleStatements;
import org.ceasefire.registry.SchemaRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SerdeConfigurationTest {

    private static final String SCOPE = "serde-config-test";
    private static final String TOPIC = "ceasefire.statements";

    @AfterEach
    void dropScope() {
        MockSchemaRegistry.dropScope(SCOPE);
    }

    @Test
    @DisplayName("Confluent's RecordNameStrategy class name registers under the record's full name")
    void confluentRecordNameStrategy() {
        serialize(Map.of(AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY,
                "io.confluent.kafka.serializers.subject.RecordNameStrategy"), false);
        assertThat(registry().subjects()).containsExactly("org.ceasefire.avro.MinistryStatement");
    }

    @Test
    @DisplayName("TopicRecordNameStrategy by short name registers under <topic>-<record name>")
    void topicRecordNameStrategy() {
        serialize(Map.of(AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY, "TopicRecordNameStrategy"), false);
        assertThat(registry().subjects()).containsExactly("ceasefire.statements-org.ceasefire.avro.MinistryStatement");
    }

    @Test
    @DisplayName("the key strategy is used for keys and the value strategy for values")
    void keyAndValueStrategies() {
        Map<String, Object> config = Map.of(
                AvroSerdeConfig.KEY_SUBJECT_NAME_STRATEGY, SubjectNameStrategy.RecordNameStrategy.class.getName(),
                AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY, "io.confluent.kafka.serializers.subject.TopicNameStrategy");
        serialize(config, true);
        serialize(config, false);
        assertThat(registry().subjects())
                .containsExactly("ceasefire.statements-value", "org.ceasefire.avro.MinistryStatement");
    }

    @Test
    @DisplayName("an unknown strategy is a configuration error naming the key")
    void unknownStrategy() {
        assertThatThrownBy(() -> serialize(Map.of(AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY, "FancyStrategy"), false))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("value.subject.name.strategy");
    }

    @Test
    @DisplayName("with auto.register.schemas=false an unregistered schema fails, a registered one is used")
    void noAutoRegister() {
        Map<String, Object> config = Map.of(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, "false");
        assertThatThrownBy(() -> serialize(config, false))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("could not look up schema org.ceasefire.avro.MinistryStatement under subject "
                        + "'ceasefire.statements-value'")
                .hasMessageContaining("not found");
        registry().register("other", SampleStatements.olderStatementSchema());
        int id = registry().register(TOPIC + "-value", MinistryStatement.getClassSchema());

        byte[] bytes = serialize(config, false);

        assertThat(id).isEqualTo(2);
        assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(2);
    }

    @Test
    @DisplayName("use.latest.version writes with the latest registered schema, even an older one")
    void useLatestVersion() {
        int olderId = registry().register(TOPIC + "-value", SampleStatements.olderStatementSchema());
        byte[] bytes = serialize(Map.of(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, false,
                AvroSerdeConfig.USE_LATEST_VERSION, true), false);

        assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(olderId);
        KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer();
        deserializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + SCOPE), false);
        GenericRecord read = (GenericRecord) deserializer.deserialize(TOPIC, bytes);
        assertThat(read.getSchema().getField("text")).isNull();
        assertThat(read.get("location").toString()).isEqualTo("Jermuk direction");
        assertThat(registry().versions(TOPIC + "-value")).containsExactly(1);
    }

    @Test
    @DisplayName("basic auth needs user info when its source is USER_INFO; other sources are refused")
    void basicAuthConfig() {
        Map<String, Object> missing = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "http://registry.invalid:8081",
                AvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO");
        assertThatThrownBy(() -> new AvroSerdeConfig(missing))
                .isInstanceOf(ConfigException.class).hasMessageContaining("basic.auth.user.info");
        Map<String, Object> other = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "http://registry.invalid:8081",
                AvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "SASL_INHERIT");
        assertThatThrownBy(() -> new AvroSerdeConfig(other))
                .isInstanceOf(ConfigException.class).hasMessageContaining("only USER_INFO");
        Map<String, Object> given = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "http://a:1, http://b:2",
                AvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO",
                AvroSerdeConfig.BASIC_AUTH_USER_INFO, "monitor:s3cret");
        AvroSerdeConfig parsed = new AvroSerdeConfig(given);
        assertThat(parsed.userInfo()).isEqualTo("monitor:s3cret");
        assertThat(parsed.urls()).containsExactly("http://a:1", "http://b:2");
    }

    @Test
    @DisplayName("a missing schema.registry.url is a configuration error")
    void urlRequired() {
        assertThatThrownBy(() -> new KafkaAvroSerializer().configure(Map.of(), false))
                .isInstanceOf(ConfigException.class).hasMessageContaining("schema.registry.url");
    }

    @Test
    @DisplayName("AvroSerdes.specific builds our SpecificAvroSerde by default, or the class configured")
    void serdeFactory() {
        Map<String, Object> config = new HashMap<>(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + SCOPE));
        Serde<MinistryStatement> byDefault = AvroSerdes.specific(config, false);
        assertThat(byDefault).isExactlyInstanceOf(SpecificAvroSerde.class);
        assertThat(byDefault.deserializer().deserialize(TOPIC,
                byDefault.serializer().serialize(TOPIC, SampleStatements.full()))).isEqualTo(SampleStatements.full());

        config.put(AvroSerdes.SERDE_CLASS_CONFIG, RecordingSerde.class.getName());
        Serde<MinistryStatement> configured = AvroSerdes.specific(config, true);
        assertThat(configured).isExactlyInstanceOf(RecordingSerde.class);
        assertThat(((RecordingSerde) configured).configuredAsKey).isTrue();

        config.put(AvroSerdes.SERDE_CLASS_CONFIG, "io.confluent.kafka.streams.serdes.avro.SpecificAvroSerde");
        assertThatThrownBy(() -> AvroSerdes.specific(config, false))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("ceasefire.avro.serde.class")
                .hasMessageContaining("cannot be instantiated");
    }

    /** Stands for a third-party serde (such as Confluent's) chosen by class name. */
    public static final class RecordingSerde extends SpecificAvroSerde<MinistryStatement> {
        boolean configuredAsKey;

        @Override
        public void configure(Map<String, ?> configs, boolean isKey) {
            super.configure(configs, isKey);
            configuredAsKey = isKey;
        }
    }

    private static byte[] serialize(Map<String, Object> extra, boolean isKey) {
        Map<String, Object> config = new HashMap<>(extra);
        config.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + SCOPE);
        KafkaAvroSerializer serializer = new KafkaAvroSerializer();
        serializer.configure(config, isKey);
        return serializer.serialize(TOPIC, SampleStatements.full());
    }

    private static SchemaRegistry registry() {
        return MockSchemaRegistry.forScope(SCOPE);
    }
}
