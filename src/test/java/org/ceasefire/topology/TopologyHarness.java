package org.ceasefire.topology;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.ceasefire.avro.ClaimContradiction;
import org.ceasefire.avro.MinistryStatement;
import org.ceasefire.avro.Place;
import org.ceasefire.avro.SectorTally;
import org.ceasefire.registry.MockSchemaRegistry;
import org.ceasefire.registry.serde.AvroSerdes;
import org.ceasefire.topics.Topics;

/**
 * The production topology in a TopologyTestDriver, with an in-memory Schema Registry, the test
 * gazetteer loaded, and the output topics folded into their final table state.
 */
final class TopologyHarness implements AutoCloseable {
    final Topics topics = Topics.defaults();
    private final String scope = "topology-" + UUID.randomUUID();
    private final Map<String, Object> serdeConfig = Map.of("schema.registry.url", MockSchemaRegistry.MOCK_URL_PREFIX + scope);
    private final TopologyTestDriver driver;
    private final Path stateDir;
    private final TestInputTopic<String, MinistryStatement> statements;
    private final TestInputTopic<byte[], byte[]> rawStatements;
    private final TestInputTopic<String, Place> gazetteer;
    private final TestOutputTopic<String, ClaimContradiction> contradictionsTopic;
    private final TestOutputTopic<String, SectorTally> talliesTopic;
    private final TestOutputTopic<String, MinistryStatement> lateTopic;
    private final TestOutputTopic<byte[], byte[]> dlqTopic;
    private final Map<String, ClaimContradiction> contradictions = new TreeMap<>();
    private final List<TestRecord<String, ClaimContradiction>> contradictionLog = new ArrayList<>();
    private final Map<String, SectorTally> tallies = new TreeMap<>();
    private final List<MinistryStatement> late = new ArrayList<>();
    private final List<TestRecord<byte[], byte[]>> deadLetters = new ArrayList<>();

    TopologyHarness() {
        this(TopologyConfig.DEFAULT_PAIRING_DISTANCE, TopologyConfig.DEFAULT_HORIZON);
    }

    TopologyHarness(Duration distance, Duration horizon) {
        this(Fixtures.CONFLICT, distance, horizon);
    }

    /** The test conflict as {@code conflict} defines it (another time zone, say), on the default distance and horizon. */
    TopologyHarness(org.ceasefire.conflict.ConflictDefinition conflict) {
        this(conflict, TopologyConfig.DEFAULT_PAIRING_DISTANCE, TopologyConfig.DEFAULT_HORIZON);
    }

    TopologyHarness(org.ceasefire.conflict.ConflictDefinition conflict, Duration distance, Duration horizon) {
        TopologyConfig config = new TopologyConfig(topics, conflict, distance, horizon, serdeConfig);
        try {
            stateDir = Files.createTempDirectory("topology-test-");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Properties props = StreamsSettings.defaults("topology-test", "unused:9092", null, serdeConfig);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(CeasefireTopology.build(config), props);
        statements = driver.createInputTopic(topics.statements(), Serdes.String().serializer(), this.<MinistryStatement>serde().serializer());
        rawStatements = driver.createInputTopic(topics.statements(), Serdes.ByteArray().serializer(), Serdes.ByteArray().serializer());
        gazetteer = driver.createInputTopic(topics.gazetteer(), Serdes.String().serializer(), this.<Place>serde().serializer());
        contradictionsTopic = driver.createOutputTopic(topics.contradictions(), Serdes.String().deserializer(),
                this.<ClaimContradiction>serde().deserializer());
        talliesTopic = driver.createOutputTopic(topics.sectorTallies(), Serdes.String().deserializer(), this.<SectorTally>serde().deserializer());
        lateTopic = driver.createOutputTopic(topics.late(), Serdes.String().deserializer(), this.<MinistryStatement>serde().deserializer());
        dlqTopic = driver.createOutputTopic(topics.deadLetters(), Serdes.ByteArray().deserializer(), Serdes.ByteArray().deserializer());
        Fixtures.places().forEach(this::place);
    }

    <T extends org.apache.avro.specific.SpecificRecord> Serde<T> serde() {
        return AvroSerdes.specific(serdeConfig, false);
    }

    Map<String, Object> serdeConfig() {
        return serdeConfig;
    }

    void place(Place place) {
        gazetteer.pipeInput(place.getPlaceId(), place);
    }

    void removePlace(String placeId) {
        gazetteer.pipeInput(placeId, null);
    }

    /** Sends a statement as the log would stamp it one hour after its incident began. */
    void send(MinistryStatement statement) {
        send(statement, statement.getIncidentStart().plus(Duration.ofHours(1)));
    }

    /** Sends a statement with the log append time {@code loggedAt}. */
    void send(MinistryStatement statement, Instant loggedAt) {
        statements.pipeInput(statement.getStatementId(), statement, loggedAt);
    }

    void sendRaw(byte[] key, byte[] value, Headers headers, Instant loggedAt) {
        rawStatements.pipeInput(new TestRecord<>(key, value, headers, loggedAt));
    }

    Map<String, ClaimContradiction> contradictions() {
        for (TestRecord<String, ClaimContradiction> record : contradictionsTopic.readRecordsToList()) {
            contradictionLog.add(record);
            if (record.value() == null) {
                contradictions.remove(record.key());
            } else {
                contradictions.put(record.key(), record.value());
            }
        }
        return contradictions;
    }

    /** Every record written to the contradictions topic so far, tombstones included. */
    List<TestRecord<String, ClaimContradiction>> contradictionLog() {
        contradictions();
        return contradictionLog;
    }

    Map<String, SectorTally> tallies() {
        // Changed tallies are published by a wall-clock punctuator once per commit interval: let one pass.
        driver.advanceWallClockTime(Duration.ofSeconds(1));
        for (TestRecord<String, SectorTally> record : talliesTopic.readRecordsToList()) {
            if (record.value() == null) {
                tallies.remove(record.key());
            } else {
                tallies.put(record.key(), record.value());
            }
        }
        return tallies;
    }

    SectorTally tally(String key) {
        return tallies().get(key);
    }

    List<MinistryStatement> late() {
        late.addAll(lateTopic.readValuesToList());
        return late;
    }

    List<TestRecord<byte[], byte[]>> deadLetters() {
        deadLetters.addAll(dlqTopic.readRecordsToList());
        return deadLetters;
    }

    <V> KeyValueStore<String, V> store(String name) {
        return driver.getKeyValueStore(name);
    }

    @Override
    public void close() {
        driver.close();
        MockSchemaRegistry.dropScope(scope);
        try (var files = Files.walk(stateDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
