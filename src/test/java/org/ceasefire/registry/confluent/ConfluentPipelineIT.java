package org.ceasefire.registry.confluent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.ceasefire.app.CeasefireApp;
import org.ceasefire.avro.ClaimContradiction;
import org.ceasefire.avro.MinistryStatement;
import org.ceasefire.avro.Place;
import org.ceasefire.config.AppConfig;
import org.ceasefire.conflict.GazetteerFile;
import org.ceasefire.embedded.EmbeddedKafka;
import org.ceasefire.ingest.ParsedStatement;
import org.ceasefire.ingest.StatementParser;
import org.ceasefire.registry.EmbeddedSchemaRegistry;
import org.ceasefire.registry.serde.AvroSerdes;
import org.ceasefire.topics.TopicBootstrapper;
import org.ceasefire.topics.TopicSpec;
import org.ceasefire.topics.Topics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Confluent's serializer in, the application in the middle, Confluent's deserializer out, on the
 * embedded broker and registry: the sample's contradictions and tallies read back by Confluent's
 * classes. The application runs once with its own serde and once with Confluent's, chosen by
 * {@code ceasefire.avro.serde.class} alone.
 */
class ConfluentPipelineIT {

    private static EmbeddedKafka kafka;
    private static EmbeddedSchemaRegistry registry;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        kafka = EmbeddedKafka.start();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            // The registry's own create-then-describe can run ahead of a busy broker's metadata.
            new TopicBootstrapper(admin).ensure(List.of(new TopicSpec(EmbeddedSchemaRegistry.SCHEMAS_TOPIC, 1, (short) 1,
                    Map.of("cleanup.policy", "compact"))));
        }
        registry = EmbeddedSchemaRegistry.start(kafka.bootstrapServers());
    }

    @AfterAll
    static void stop() {
        if (registry != null) {
            registry.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    @DisplayName("statements written by Confluent's KafkaAvroSerializer are paired and tallied, and Confluent's deserializer reads every result")
    void confluentSerdeAroundTheApp() {
        Topics topics = new Topics("own-serde.");
        produceWithConfluent(topics);

        try (CeasefireApp app = CeasefireApp.start(appConfig(topics, Map.of()))) {
            assertSampleResults(topics);
        }
    }

    @Test
    @DisplayName("the app itself runs on Confluent's serde when ceasefire.avro.serde.class names it")
    void appOnConfluentSerde() {
        Topics topics = new Topics("confluent-serde.");
        produceWithConfluent(topics);
        int before = ConfluentSpecificAvroSerde.CONFIGURED.get();

        try (CeasefireApp app = CeasefireApp.start(appConfig(topics,
                Map.of(AvroSerdes.SERDE_CLASS_CONFIG, ConfluentSpecificAvroSerde.class.getName())))) {
            assertThat(ConfluentSpecificAvroSerde.CONFIGURED.get()).isGreaterThan(before);
            assertSampleResults(topics);
        }
    }

    @Test
    @DisplayName("a serde class that does not exist stops the start with an error naming ceasefire.avro.serde.class")
    void unknownSerdeClass() {
        Topics topics = new Topics("no-serde.");

        assertThatThrownBy(() -> CeasefireApp.start(appConfig(topics,
                Map.of(AvroSerdes.SERDE_CLASS_CONFIG, "com.example.NoSuchSerde"))).close())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(AvroSerdes.SERDE_CLASS_CONFIG).hasMessageContaining("com.example.NoSuchSerde");
    }

    private AppConfig appConfig(Topics topics, Map<String, String> extra) {
        Map<String, String> settings = new HashMap<>(Map.of("bootstrap.servers", kafka.bootstrapServers(),
                "schema.registry.url", registry.url(), "application.id", topics.prefix() + "app",
                "ceasefire.topic.prefix", topics.prefix(), "ceasefire.topic.replication.factor", "1",
                "ceasefire.topic.partitions", "3", "ceasefire.http.port", "0",
                "state.dir", dir.resolve("state").toString()));
        settings.putAll(extra);
        return AppConfig.of(settings);
    }

    /** The gazetteer and the sample's statements, written by Confluent's serializer only. */
    private void produceWithConfluent(Topics topics) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            new TopicBootstrapper(admin).ensure(topics.specs(3, (short) 1));
        }
        Serializer<Object> values = ConfluentSerdes.serializer(Map.of("schema.registry.url", registry.url()), false);
        try (KafkaProducer<String, Object> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), values)) {
            for (Place place : GazetteerFile.builtIn().places()) {
                producer.send(new ProducerRecord<>(topics.gazetteer(), place.getPlaceId(), place));
            }
            for (MinistryStatement statement : sampleStatements()) {
                producer.send(new ProducerRecord<>(topics.statements(), statement.getStatementId(), statement));
            }
        }
    }

    private static List<MinistryStatement> sampleStatements() {
        ObjectMapper json = new ObjectMapper();
        StatementParser parser = new StatementParser();
        List<MinistryStatement> statements = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(ConfluentPipelineIT.class.getClassLoader()
                .getResourceAsStream("samples/am-az-sample.jsonl"), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.isBlank()) {
                    ParsedStatement parsed = parser.parse((ObjectNode) json.readTree(line));
                    if (parsed.ok()) {
                        statements.add(parsed.statement());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(statements).hasSizeGreaterThan(20);
        return statements;
    }

    /**
     * The sample's 13 contradictions and its tallies, read with Confluent's deserializer both ways:
     * pairs as generated classes, tallies as GenericRecords. Our deserializer must read the same
     * bytes to equal records.
     */
    private void assertSampleResults(Topics topics) {
        String url = registry.url();
        Deserializer<Object> specific = ConfluentSerdes.deserializer(
                Map.of("schema.registry.url", url, "specific.avro.reader", true), false);
        Deserializer<Object> generic = ConfluentSerdes.deserializer(Map.of("schema.registry.url", url), false);
        Deserializer<ClaimContradiction> ours = AvroSerdes.<ClaimContradiction>specific(
                Map.of("schema.registry.url", url), false).deserializer();
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            Map<String, byte[]> pairBytes = latestByKey(topics.contradictions());
            Map<String, ClaimContradiction> pairs = new TreeMap<>();
            pairBytes.forEach((key, bytes) -> {
                ClaimContradiction pair = (ClaimContradiction) specific.deserialize(topics.contradictions(), bytes);
                assertThat(ours.deserialize(topics.contradictions(), bytes)).isEqualTo(pair);
                pairs.put(key, pair);
            });
            Map<String, Integer> byKind = new TreeMap<>();
            pairs.values().forEach(pair -> byKind.merge(pair.getKind().toString(), 1, Integer::sum));
            assertThat(byKind).containsExactly(Map.entry("ACCUSATION_DENIED", 4), Map.entry("ACCUSATION_VS_CALM", 2),
                    Map.entry("MUTUAL_ACCUSATION", 7));
            assertThat(pairs.get("am-mod-2023-04-11-01|az-mod-2023-04-11-01")).isNotNull();

            Map<String, byte[]> tallyBytes = latestByKey(topics.sectorTallies());
            GenericRecord syunik = (GenericRecord) generic.deserialize(topics.sectorTallies(), tallyBytes.get("SYUNIK|ALL_TIME"));
            // The Lachin corridor's accusations (NK's and one of Azerbaijan's) are tallied in NK-LACHIN, not SYUNIK.
            assertThat(counts(syunik.get("accusations"))).containsExactly(Map.entry("AM", 3L), Map.entry("AZ", 1L));
            // Only the Tegh pair: EUMA's observation near Khnatsakh of 14 February 2023 predates its mandate (20 February).
            assertThat(syunik.get("corroborations")).isEqualTo(1L);
            // Every place the sample names is in the gazetteer: nothing is tallied as unresolved.
            assertThat(tallyBytes).doesNotContainKey("UNRESOLVED|ALL_TIME").containsKey("NK-CENTRE|ALL_TIME");
        });
    }

    private static Map<String, Long> counts(Object avroMap) {
        Map<String, Long> counts = new TreeMap<>();
        ((Map<?, ?>) avroMap).forEach((key, value) -> counts.put(key.toString(), ((Number) value).longValue()));
        return counts;
    }

    /** The topic read to its end, the last value of each key kept and tombstones applied. */
    private Map<String, byte[]> latestByKey(String topic) {
        Map<String, byte[]> latest = new TreeMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new org.apache.kafka.common.serialization.StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.value() == null) {
                        latest.remove(record.key());
                    } else {
                        latest.put(record.key(), record.value());
                    }
                }
            }
        }
        return latest;
    }
}
