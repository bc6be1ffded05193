package org.ceasefire.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.StreamsConfig;
import org.ceasefire.avro.ClaimContradiction;
import org.ceasefire.avro.ContradictionKind;
import org.ceasefire.avro.MinistryStatement;
import org.ceasefire.avro.Place;
import org.ceasefire.avro.SectorTally;
import org.ceasefire.embedded.EmbeddedKafkaExtension;
import org.ceasefire.registry.EmbeddedSchemaRegistry;
import org.ceasefire.registry.SchemaRegistryClient;
import org.ceasefire.registry.serde.AvroSerdes;
import org.ceasefire.topics.TopicBootstrapper;
import org.ceasefire.topics.Topics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The topology on a real (embedded) broker and Schema Registry: exactly-once v2, three partitions,
 * two KafkaStreams instances sharing one application id, Avro on every topic.
 */
class CeasefireTopologyIT {
    @RegisterExtension
    static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();

    private static final String APP_ID = "ceasefire-it";
    private static EmbeddedSchemaRegistry registry;
    private static Map<String, Object> serdeConfig;
    private final Topics topics = Topics.defaults();
    private final List<KafkaStreams> instances = new ArrayList<>();
    private final List<Path> stateDirs = new ArrayList<>();

    @BeforeAll
    static void startRegistry() {
        registry = EmbeddedSchemaRegistry.start(KAFKA.bootstrapServers());
        serdeConfig = Map.of("schema.registry.url", registry.url());
    }

    @AfterAll
    static void stopRegistry() {
        if (registry != null) {
            registry.close();
        }
    }

    @Test
    @DisplayName("two instances with EOS pair across scripts and by refers_to, withdraw a retracted pair, tally exactly, and use Avro everywhere")
    void endToEnd() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers()))) {
            new TopicBootstrapper(admin).ensure(topics.specs(3, (short) 1));
        }
        // Recent incidents: the statements topic stamps LogAppendTime, and older incidents would be late.
        Instant start = Instant.now().minus(Duration.ofHours(30)).truncatedTo(ChronoUnit.HOURS);
        // The incidents from start to start + 3 h are tallied under one UTC day: keep them from crossing midnight.
        if (start.atZone(ZoneOffset.UTC).getHour() > 20) {
            start = start.atZone(ZoneOffset.UTC).withHour(20).toInstant();
        }
        String startText = start.toString();
        LocalDate day = start.atZone(ZoneOffset.UTC).toLocalDate();
        try (KafkaProducer<String, Place> places = producer(this.<Place>serde())) {
            for (Place place : Fixtures.places()) {
                places.send(new ProducerRecord<>(topics.gazetteer(), place.getPlaceId(), place)).get();
            }
        }
        startInstance();
        startInstance();
        await().atMost(Duration.ofSeconds(90)).until(() -> instances.stream().allMatch(s -> s.state() == KafkaStreams.State.RUNNING));

        MinistryStatement amRetracted = Fixtures.accusation("am-3", "AM", "AZ", start.plus(Duration.ofHours(2)).toString(), "Sotk");
        try (KafkaProducer<String, MinistryStatement> producer = producer(this.<MinistryStatement>serde())) {
            for (MinistryStatement statement : List.of(
                    Fixtures.accusation("am-1", "AM", "AZ", startText, "Tegh"),
                    Fixtures.accusation("az-1", "AZ", "AM", start.plus(Duration.ofHours(1)).toString(), "село Тех"),
                    Fixtures.accusation("am-1", "AM", "AZ", startText, "Tegh"),
                    Fixtures.accusation("am-2", "AM", "AZ", startText, "Atlantis"),
                    Fixtures.denial("az-d", "AZ", start.plus(Duration.ofHours(26)).toString(), "", "am-2"),
                    amRetracted,
                    Fixtures.denial("az-d3", "AZ", start.plus(Duration.ofHours(3)).toString(), "Zod", null),
                    MinistryStatement.newBuilder(amRetracted).setRevision(2).setRetracted(true).build())) {
                producer.send(new ProducerRecord<>(topics.statements(), statement.getStatementId(), statement)).get();
            }
        }
        try (KafkaProducer<byte[], byte[]> raw = new KafkaProducer<>(producerProps(), new ByteArraySerializer(), new ByteArraySerializer())) {
            raw.send(new ProducerRecord<>(topics.statements(), "junk".getBytes(StandardCharsets.UTF_8), new byte[] {9, 9, 9})).get();
        }

        Map<String, ClaimContradiction> pairs = new TreeMap<>();
        Map<String, SectorTally> tallies = new TreeMap<>();
        List<ConsumerRecord<byte[], byte[]>> deadLetters = new ArrayList<>();
        try (KafkaConsumer<String, ClaimContradiction> pairConsumer = consumer(this.<ClaimContradiction>serde(), topics.contradictions());
             KafkaConsumer<String, SectorTally> tallyConsumer = consumer(this.<SectorTally>serde(), topics.sectorTallies());
             KafkaConsumer<byte[], byte[]> dlqConsumer = rawConsumer(topics.deadLetters())) {
            String syunik = Fixtures.SYUNIK + "|DAY|" + day;
            String gk = Fixtures.GEGHARKUNIK + "|DAY|" + day;
            String unresolved = "UNRESOLVED|DAY|" + day;
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                pairConsumer.poll(Duration.ofMillis(100)).forEach(r -> fold(pairs, r.key(), r.value()));
                tallyConsumer.poll(Duration.ofMillis(100)).forEach(r -> fold(tallies, r.key(), r.value()));
                dlqConsumer.poll(Duration.ofMillis(100)).forEach(deadLetters::add);
                assertThat(pairs).containsOnlyKeys("am-1|az-1", "am-2|az-d");
                assertThat(deadLetters).hasSize(1);
                // Tallies come from a later stage (and transaction) than the pairs: wait for them too.
                assertThat(tallies).containsKeys(gk, syunik, unresolved);
                assertThat(tallies.get(gk).getStatements()).containsOnly(Map.entry("AZ", 1L));
                assertThat(tallies.get(gk).getDenials()).containsOnly(Map.entry("AZ", 1L));
                assertThat(tallies.get(gk).getContradictions()).isEmpty();
                assertThat(tallies.get(syunik).getStatements()).containsOnly(Map.entry("AM", 1L), Map.entry("AZ", 1L));
                assertThat(tallies.get(syunik).getContradictions()).containsOnly(Map.entry("MUTUAL_ACCUSATION", 1L));
                // An unresolved place pairs only through refers_to, and the pair is tallied under UNRESOLVED.
                assertThat(tallies.get(unresolved).getContradictions()).containsOnly(Map.entry("ACCUSATION_DENIED", 1L));
            });
            assertThat(pairs.get("am-1|az-1").getKind()).isEqualTo(ContradictionKind.MUTUAL_ACCUSATION);
            assertThat(pairs.get("am-1|az-1").getSector()).isEqualTo(Fixtures.SYUNIK);
            assertThat(pairs.get("am-2|az-d").getKind()).isEqualTo(ContradictionKind.ACCUSATION_DENIED);
            assertThat(pairs.get("am-2|az-d").getSector()).isEqualTo("UNRESOLVED");
            assertThat(queryDayTally(syunik)).isEqualTo(tallies.get(syunik));
            assertThat(new String(deadLetters.get(0).headers().lastHeader(DeadLetterHeaders.REASON).value(), StandardCharsets.UTF_8))
                    .startsWith("value: cannot be decoded");
        }
        assertThat(instances).allSatisfy(streams -> assertThat(streams.metadataForLocalThreads())
                .anySatisfy(thread -> assertThat(thread.activeTasks()).isNotEmpty()));
        List<String> subjects = SchemaRegistryClient.forUrl(registry.url()).subjects();
        assertThat(subjects).contains(
                topics.statements() + "-value", topics.contradictions() + "-value", topics.sectorTallies() + "-value",
                APP_ID + "-" + CeasefireTopology.SECTOR_REPARTITION + "-repartition-value",
                APP_ID + "-" + CeasefireTopology.REFERENCES_REPARTITION + "-repartition-value",
                APP_ID + "-" + CeasefireTopology.PAIR_REPARTITION + "-repartition-value",
                APP_ID + "-" + CeasefireTopology.DAY_TALLIES_STORE + "-changelog-value",
                APP_ID + "-" + CeasefireTopology.SECTOR_STATEMENTS_STORE + "-changelog-value");
    }

    /** Reads a day tally by interactive query from the instance that hosts it, found with the sector partitioner. */
    private SectorTally queryDayTally(String key) {
        KeyQueryMetadata where = instances.get(0).queryMetadataForKey(CeasefireTopology.DAY_TALLIES_STORE, key, new SectorStorePartitioner());
        KafkaStreams host = instances.get(where.activeHost().port() - 1);
        ReadOnlyKeyValueStore<String, SectorTally> store = host.store(StoreQueryParameters
                .fromNameAndType(CeasefireTopology.DAY_TALLIES_STORE, QueryableStoreTypes.<String, SectorTally>keyValueStore())
                .withPartition(where.partition()));
        return store.get(key);
    }

    private static <V> void fold(Map<String, V> table, String key, V value) {
        if (value == null) {
            table.remove(key);
        } else {
            table.put(key, value);
        }
    }

    private void startInstance() throws Exception {
        Path stateDir = Files.createTempDirectory("ceasefire-it-state-");
        stateDirs.add(stateDir);
        // Nothing listens there: the port only tells the instances apart in query metadata.
        String server = "localhost:" + (instances.size() + 1);
        Properties props = StreamsSettings.defaults(APP_ID, KAFKA.bootstrapServers(), server, serdeConfig);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        TopologyConfig config = TopologyConfig.of(topics, Fixtures.CONFLICT, serdeConfig);
        KafkaStreams streams = new KafkaStreams(CeasefireTopology.build(config), props);
        instances.add(streams);
        streams.start();
    }

    @org.junit.jupiter.api.AfterEach
    void stopInstances() throws Exception {
        instances.forEach(streams -> streams.close(Duration.ofSeconds(30)));
        for (Path dir : stateDirs) {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private <T extends SpecificRecord> Serde<T> serde() {
        return AvroSerdes.specific(serdeConfig, false);
    }

    private static Properties producerProps() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        return props;
    }

    private static <V> KafkaProducer<String, V> producer(Serde<V> serde) {
        return new KafkaProducer<>(producerProps(), new StringSerializer(), serde.serializer());
    }

    private static Properties consumerProps() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "it-reader-" + System.nanoTime());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // Only committed results: what exactly-once promises to readers.
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return props;
    }

    private static <V> KafkaConsumer<String, V> consumer(Serde<V> serde, String topic) {
        KafkaConsumer<String, V> consumer = new KafkaConsumer<>(consumerProps(), new StringDeserializer(), serde.deserializer());
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    private static KafkaConsumer<byte[], byte[]> rawConsumer(String topic) {
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProps(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
        return consumer;
    }
}
