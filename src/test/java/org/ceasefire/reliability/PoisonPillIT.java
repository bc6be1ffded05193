package org.ceasefire.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KafkaStreams;
import org.ceasefire.app.CeasefireApp;
import org.ceasefire.avro.ClaimType;
import org.ceasefire.avro.MinistryStatement;
import org.ceasefire.avro.Place;
import org.ceasefire.config.AppConfig;
import org.ceasefire.embedded.EmbeddedKafka;
import org.ceasefire.registry.EmbeddedSchemaRegistry;
import org.ceasefire.registry.serde.AvroSerdes;
import org.ceasefire.testdata.LiveCluster;
import org.ceasefire.testdata.Statements;
import org.ceasefire.topics.Topics;
import org.ceasefire.topology.DeadLetterHeaders;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every kind of poison pill on the statements topic ends in the DLQ with its reason and origin, and nothing else does. */
class PoisonPillIT {
    private static final Logger LOG = LoggerFactory.getLogger(PoisonPillIT.class);
    private static final int SIX_MB = 6 * 1024 * 1024;
    /** One broker and registry for the class, closed after its last test. */
    @AutoClose
    private static final LiveCluster cluster = new LiveCluster();
    private static final EmbeddedKafka kafka = cluster.kafka;
    private static final EmbeddedSchemaRegistry registry = cluster.registry;

    @TempDir
    Path dir;

    /** The sum of the offsets the application's group has committed on {@code topic}: how many of its records it finished. */
    private static long committedInput(String bootstrap, String groupId, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            return admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get().entrySet().stream()
                    .filter(entry -> entry.getKey().topic().equals(topic) && entry.getValue() != null)
                    .mapToLong(entry -> entry.getValue().offset())
                    .sum();
        }
    }

    /** One poison pill: its name, key, value, and what the DLQ reason must say. */
    private record Pill(String name, byte[] key, byte[] value, String reasonContains) {
    }

    @Test
    @DisplayName("wrong magic byte, unknown schema id, truncated Avro, a Place, empty and null values, 5 MB text, invalid UTF-8 and contract violations: each in the DLQ with reason, topic, partition and offset; the app keeps running; input = processed + DLQ")
    void poisonPillsGoToTheDeadLetterTopic() throws Exception {
        Map<String, Object> client = FaultCluster.client(kafka.bootstrapServers(), registry.url());
        Topics topics = FaultCluster.createTopics(client, "poison.");
        // 5 MB records exceed the broker's default limit (~1 MB): the statements topic, and the DLQ that keeps the original
        // bytes, are configured for them; the app's producer may send requests that large.
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            Map<ConfigResource, java.util.Collection<AlterConfigOp>> changes = new LinkedHashMap<>();
            for (String topic : List.of(topics.statements(), topics.deadLetters())) {
                changes.put(new ConfigResource(ConfigResource.Type.TOPIC, topic),
                        List.of(new AlterConfigOp(new ConfigEntry("max.message.bytes", String.valueOf(SIX_MB)), AlterConfigOp.OpType.SET)));
            }
            admin.incrementalAlterConfigs(changes).all().get();
        }
        Serializer<MinistryStatement> statements = AvroSerdes.<MinistryStatement>specific(client, false).serializer();
        Serializer<Place> places = AvroSerdes.<Place>specific(client, false).serializer();
        String topic = topics.statements();

        List<MinistryStatement> good = FaultCluster.generated(400, 5);
        MinistryStatement valid = Statements.teghAccusation();
        byte[] validBytes = statements.serialize(topic, valid);
        byte[] wrongMagic = validBytes.clone();
        wrongMagic[0] = 7;
        byte[] unknownId = validBytes.clone();
        unknownId[1] = 0x7f;
        byte[] place = places.serialize(topics.gazetteer(), FaultCluster.CONFLICT.places().get(0));
        byte[] invalidUtf8 = statements.serialize(topic, MinistryStatement.newBuilder(valid).setStatementId("abcd").build());
        int at = indexOf(invalidUtf8, "abcd".getBytes(StandardCharsets.UTF_8));
        invalidUtf8[at] = (byte) 0xC3;
        invalidUtf8[at + 1] = (byte) 0x28;
        invalidUtf8[at + 2] = (byte) 0xFF;
        invalidUtf8[at + 3] = (byte) 0xFE;
        MinistryStatement huge = MinistryStatement.newBuilder(valid).setStatementId("poison-huge").setText("x".repeat(5 * 1024 * 1024)).build();

        List<Pill> pills = List.of(
                new Pill("wrong magic byte", key("poison-1"), wrongMagic, "unknown magic byte 0x07"),
                new Pill("unknown schema id", key("poison-2"), unknownId, "with schema id "
                        + java.nio.ByteBuffer.wrap(unknownId, 1, 4).getInt() + ": unknown schema id"),
                new Pill("truncated Avro", key("poison-3"), Arrays.copyOf(validBytes, validBytes.length / 2),
                        "the Avro data is truncated"),
                new Pill("a Place on the statements topic", key("poison-4"), place, "the value is a org.ceasefire.avro.Place record, not a MinistryStatement"),
                new Pill("empty value", key("poison-5"), new byte[0], "the payload is empty"),
                new Pill("null value (tombstone)", key("poison-6"), null, "no value"),
                new Pill("5 MB text", key("poison-huge"), statements.serialize(topic, huge), "text: larger than 65536 bytes"),
                new Pill("invalid UTF-8 in statement_id", key("abcd"), invalidUtf8, "statement_id: must be 1-128 characters"),
                new Pill("accusation without accused", key("poison-7"), statements.serialize(topic, MinistryStatement.newBuilder(valid)
                        .setStatementId("poison-7").setAccused(null).build()), "accused"),
                new Pill("unknown issuer", key("poison-8"), statements.serialize(topic, MinistryStatement.newBuilder(valid)
                        .setStatementId("poison-8").setIssuer("XX").build()), "issuer: unknown party"),
                new Pill("incident_end before incident_start", key("poison-9"), statements.serialize(topic, MinistryStatement
                        .newBuilder(valid).setStatementId("poison-9").setIncidentEnd(valid.getIncidentStart().minusSeconds(60)).build()),
                        "incident_end: is before incident_start"),
                new Pill("OBSERVATION by a party", key("poison-10"), statements.serialize(topic, MinistryStatement.newBuilder(valid)
                        .setStatementId("poison-10").setClaim(ClaimType.OBSERVATION).build()), "OBSERVATION is for neutral monitors"),
                new Pill("key differs from statement_id", key("another-key"), statements.serialize(topic, MinistryStatement
                        .newBuilder(valid).setStatementId("poison-11").build()), "must equal statement_id"));

        AppConfig config = AppConfig.of(Map.ofEntries(Map.entry("bootstrap.servers", kafka.bootstrapServers()),
                Map.entry("schema.registry.url", registry.url()), Map.entry("ceasefire.topic.prefix", "poison."),
                Map.entry("ceasefire.topic.partitions", String.valueOf(FaultCluster.PARTITIONS)),
                Map.entry("ceasefire.topic.replication.factor", "1"), Map.entry("ceasefire.http.port", "0"),
                Map.entry("application.id", "poison-pills"), Map.entry("state.dir", dir.resolve("state").toString()),
                Map.entry("max.request.size", String.valueOf(SIX_MB))));
        Map<String, RecordMetadata> origins = new TreeMap<>();
        try (CeasefireApp app = CeasefireApp.start(config);
             KafkaProducer<byte[], byte[]> raw = new KafkaProducer<>(Map.of("bootstrap.servers", kafka.bootstrapServers(),
                     "acks", "all", "max.request.size", SIX_MB), new ByteArraySerializer(), new ByteArraySerializer())) {
            // Good statements before, between and after the pills: the app must keep processing past each one.
            int chunk = good.size() / (pills.size() + 1);
            for (int i = 0; i <= pills.size(); i++) {
                for (MinistryStatement s : good.subList(i * chunk, i == pills.size() ? good.size() : (i + 1) * chunk)) {
                    raw.send(new ProducerRecord<>(topic, key(s.getStatementId()), statements.serialize(topic, s)));
                }
                if (i < pills.size()) {
                    Pill pill = pills.get(i);
                    origins.put(pill.name(), raw.send(new ProducerRecord<>(topic, pill.key(), pill.value())).get());
                }
            }
            raw.flush();

            await("every pill in the DLQ").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> FaultCluster.countCommitted(client, topics.deadLetters()) >= pills.size());
            FaultCluster.Verdict[] verdict = new FaultCluster.Verdict[1];
            await("the live output to equal the replay").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(2))
                    .untilAsserted(() -> {
                        verdict[0] = FaultCluster.verify(client, topics, dir);
                        assertThat(verdict[0].differences()).as(verdict[0].summary()).isEmpty();
                        assertThat(verdict[0].directDifferences()).as(verdict[0].summary()).isEmpty();
                    });
            List<ConsumerRecord<byte[], byte[]>> dlq = FaultCluster.readAll(client, topics.deadLetters(), "read_committed");
            Map<String, ConsumerRecord<byte[], byte[]>> byOrigin = new TreeMap<>();
            for (ConsumerRecord<byte[], byte[]> r : dlq) {
                byOrigin.put(header(r, DeadLetterHeaders.PARTITION) + "@" + header(r, DeadLetterHeaders.OFFSET), r);
                assertThat(header(r, DeadLetterHeaders.TOPIC)).isEqualTo(topic);
            }
            List<String> report = new ArrayList<>();
            for (Pill pill : pills) {
                RecordMetadata origin = origins.get(pill.name());
                ConsumerRecord<byte[], byte[]> dead = byOrigin.get(origin.partition() + "@" + origin.offset());
                assertThat(dead).as("%s (from partition %d offset %d) in the DLQ", pill.name(), origin.partition(), origin.offset())
                        .isNotNull();
                assertThat(header(dead, DeadLetterHeaders.REASON)).as(pill.name()).contains(pill.reasonContains());
                assertThat(dead.key()).as(pill.name() + ": original key").isEqualTo(pill.key());
                assertThat(dead.value()).as(pill.name() + ": original bytes").isEqualTo(pill.value());
                report.add(pill.name() + " -> " + header(dead, DeadLetterHeaders.REASON));
            }
            long input = FaultCluster.countCommitted(client, topic);
            assertThat(dlq).as("only the pills are dead-lettered").hasSize(pills.size());
            assertThat(input).isEqualTo(good.size() + pills.size());
            // Consumed, measured from the app itself: under exactly-once its group commits an input offset in the same
            // transaction as that record's output (or dead letter), so the committed offsets count what it finished.
            long consumed = committedInput(kafka.bootstrapServers(), "poison-pills", topic);
            long processed = consumed - dlq.size();
            assertThat(consumed).as("input records the app committed as done").isEqualTo(input);
            assertThat(processed).as("processed").isEqualTo(good.size());
            assertThat(input).as("input = processed + DLQ").isEqualTo(processed + dlq.size());
            // The offline replay of the same log rejects exactly the pills, and the live output equals the replay's.
            assertThat(verdict[0].rejectedByReplay()).isEqualTo(pills.size());
            assertThat(app.streams().state()).isEqualTo(KafkaStreams.State.RUNNING);
            LOG.info("RESULT poison: pills {}, good {}, input {}, DLQ {}, {}\n  {}", pills.size(), good.size(), input, dlq.size(),
                    verdict[0].summary(), String.join("\n  ", report));
        }

        // On a topic left at the broker's default limit, the 5 MB record is refused to the producer, explicitly.
        try (KafkaProducer<byte[], byte[]> raw = new KafkaProducer<>(Map.of("bootstrap.servers", kafka.bootstrapServers(),
                "max.request.size", SIX_MB), new ByteArraySerializer(), new ByteArraySerializer())) {
            Throwable refused = catchThrowable(() -> raw.send(new ProducerRecord<>(topics.late(), key("poison-huge"),
                    statements.serialize(topic, huge))).get());
            assertThat(refused).isInstanceOf(ExecutionException.class).hasCauseInstanceOf(RecordTooLargeException.class);
        }
    }

    private static byte[] key(String key) {
        return key.getBytes(StandardCharsets.UTF_8);
    }

    private static String header(ConsumerRecord<byte[], byte[]> r, String name) {
        Header header = r.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalArgumentException("not found");
    }
}
