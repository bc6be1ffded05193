package org.ceasefire.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.ceasefire.avro.MinistryStatement;
import org.ceasefire.testdata.Statements;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class EmbeddedKafkaIT {

    @Test
    @DisplayName("the embedded broker starts, a generated Avro statement round-trips through it, and close deletes its files")
    void roundTripsAnAvroStatement() throws Exception {
        Path logDir;
        MinistryStatement sent = Statements.teghAccusation();
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            logDir = kafka.logDir();
            assertThat(logDir.resolve("meta.properties")).exists();
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic("round-trip", 1, (short) 1))).all().get();
            }
            try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                    "bootstrap.servers", kafka.bootstrapServers(), "enable.idempotence", true, "acks", "all"),
                    new StringSerializer(), new ByteArraySerializer())) {
                producer.send(new ProducerRecord<>("round-trip", sent.getStatementId(), encode(sent))).get();
            }
            List<ConsumerRecord<String, byte[]>> received = new ArrayList<>();
            try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                    "bootstrap.servers", kafka.bootstrapServers(), "group.id", "round-trip-test",
                    "auto.offset.reset", "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
                consumer.subscribe(List.of("round-trip"));
                long deadline = System.currentTimeMillis() + 30_000;
                while (received.isEmpty() && System.currentTimeMillis() < deadline) {
                    consumer.poll(Duration.ofMillis(200)).forEach(received::add);
                }
            }
            assertThat(received).hasSize(1);
            assertThat(received.get(0).key()).isEqualTo("am-mod-2023-04-11-01");
            assertThat(decode(received.get(0).value())).isEqualTo(sent);
        }
        assertThat(Files.exists(logDir)).as("log dir deleted on close").isFalse();
    }

    @Test
    @DisplayName("a broker stopped and started again on the same directory keeps its records")
    void restartsOnTheSameData() throws Exception {
        Path dir = Files.createTempDirectory("ceasefire-restart-");
        try {
            try (EmbeddedKafka kafka = EmbeddedKafka.start(dir, false, 0, Map.of());
                 Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic("kept", 1, (short) 1))).all().get();
            }
            try (EmbeddedKafka kafka = EmbeddedKafka.start(dir, false, 0, Map.of());
                 Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
                assertThat(admin.listTopics().names().get()).contains("kept");
            }
        } finally {
            EmbeddedKafka.deleteRecursively(dir);
        }
    }

    private static byte[] encode(MinistryStatement statement) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        var encoder = EncoderFactory.get().binaryEncoder(out, null);
        new SpecificDatumWriter<>(MinistryStatement.class).write(statement, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    private static MinistryStatement decode(byte[] bytes) throws IOException {
        return new SpecificDatumReader<>(MinistryStatement.class).read(null, DecoderFactory.get().binaryDecoder(bytes, null));
    }
}
