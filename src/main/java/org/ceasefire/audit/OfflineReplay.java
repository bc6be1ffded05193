package org.ceasefire.audit;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.ceasefire.avro.ClaimContradiction;
import org.ceasefire.avro.MinistryStatement;
import org.ceasefire.avro.Place;
import org.ceasefire.avro.SectorTally;
import org.ceasefire.avro.internal.UnresolvedName;
import org.ceasefire.registry.serde.AvroSerdes;
import org.ceasefire.topics.Topics;
import org.ceasefire.topology.CeasefireTopology;
import org.ceasefire.topology.DeadLetterHeaders;
import org.ceasefire.topology.TopologyConfig;

/**
 * Runs the production topology, unchanged, over statements read from the log, in isolation: in this
 * process, with its state in a temporary directory and no changelogs, its own in-memory schema
 * registry, and nothing written to the cluster. The statements are re-encoded for that private
 * registry; the log append time of each record is kept as its timestamp, so lateness is judged
 * exactly as it was live.
 */
public final class OfflineReplay implements AutoCloseable {
    private static final int DRAIN_EVERY = 5_000;

    private static final java.time.Duration PUBLISH_INTERVAL = java.time.Duration.ofMillis(100);
    private final TopologyTestDriver driver;
    private final Path stateDir;
    private final TestInputTopic<String, byte[]> statements;
    private final TestInputTopic<String, Place> gazetteer;
    private final TestOutputTopic<String, SectorTally> talliesOut;
    private final TestOutputTopic<String, ClaimContradiction> contradictionsOut;
    private final TestOutputTopic<String, MinistryStatement> lateOut;
    private final TestOutputTopic<byte[], byte[]> deadLettersOut;
    private final Serializer<MinistryStatement> encoder;
    private final Set<String> resultTopics;
    /** Changelog and repartition topics, read only to be emptied (see {@link #discardInternalRecords()}). */
    private final Map<String, TestOutputTopic<byte[], byte[]>> internalTopics = new HashMap<>();

    private final ResultTable<SectorTally> tallies = new ResultTable<>(SectorTally.class);
    private final ResultTable<ClaimContradiction> contradictions = new ResultTable<>(ClaimContradiction.class);
    private final TreeSet<String> late = new TreeSet<>();
    private final List<RejectedRecord> rejected = new ArrayList<>();
    private long piped;
    private boolean finished;

    public OfflineReplay(TopologyConfig live) {
        Topics topics = live.topics();
        Map<String, Object> privateRegistry = Map.of("schema.registry.url", "mock://replay-" + UUID.randomUUID(),
                "specific.avro.reader", true);
        TopologyConfig config = new TopologyConfig(topics, live.conflict(), live.pairingDistance(), live.horizon(), privateRegistry);
        try {
            stateDir = Files.createTempDirectory("ceasefire-replay-");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Cannot create a state directory for the replay", e);
        }
        Properties props = new Properties();
        props.putAll(privateRegistry);
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "ceasefire-replay");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "replay.invalid:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        // The sector stage publishes changed tallies once per commit interval of wall-clock time; drain() advances it.
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, PUBLISH_INTERVAL.toMillis());
        driver = new TopologyTestDriver(CeasefireTopology.build(config, CeasefireTopology.State.TRANSIENT), props);

        Serde<MinistryStatement> statementSerde = AvroSerdes.specific(privateRegistry, false);
        Serde<Place> placeSerde = AvroSerdes.specific(privateRegistry, false);
        Serde<SectorTally> tallySerde = AvroSerdes.specific(privateRegistry, false);
        Serde<ClaimContradiction> pairSerde = AvroSerdes.specific(privateRegistry, false);
        encoder = statementSerde.serializer();
        statements = driver.createInputTopic(topics.statements(), new StringSerializer(), new ByteArraySerializer());
        gazetteer = driver.createInputTopic(topics.gazetteer(), new StringSerializer(), placeSerde.serializer());
        talliesOut = driver.createOutputTopic(topics.sectorTallies(), new StringDeserializer(), tallySerde.deserializer());
        contradictionsOut = driver.createOutputTopic(topics.contradictions(), new StringDeserializer(), pairSerde.deserializer());
        lateOut = driver.createOutputTopic(topics.late(), new StringDeserializer(), statementSerde.deserializer());
        deadLettersOut = driver.createOutputTopic(topics.deadLetters(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        resultTopics = Set.of(topics.sectorTallies(), topics.contradictions(), topics.late(), topics.deadLetters());
    }

    /** Loads the places before the statements, as a running app has them in its global store. */
    public void loadGazetteer(Collection<Place> places) {
        places.forEach(place -> gazetteer.pipeInput(place.getPlaceId(), place, 0L));
    }

    /** Replays one decoded statement, stamped with its log append time. */
    public void replay(LoggedRecord origin, MinistryStatement statement) {
        String key = origin.key() == null ? null : new String(origin.key(), StandardCharsets.UTF_8);
        byte[] value = encoder.serialize("replay", statement);
        statements.pipeInput(new TestRecord<>(key, value, new RecordHeaders(), Instant.ofEpochMilli(origin.timestamp())));
        // The driver runs every stage before it returns: a dead letter now is this record's, and names its place in the real log.
        if (!deadLettersOut.isEmpty()) {
            for (TestRecord<byte[], byte[]> dead : deadLettersOut.readRecordsToList()) {
                rejected.add(new RejectedRecord(key == null ? "" : key, header(dead, DeadLetterHeaders.REASON, "(no reason)"),
                        origin.partition(), origin.offset()));
            }
        }
        if (++piped % DRAIN_EVERY == 0) {
            drain();
        }
    }

    /** Records a record that could not even be decoded from the log: it is rejected as the live DLQ would. */
    public void reject(LoggedRecord origin, String reason) {
        String key = origin.key() == null ? "" : new String(origin.key(), StandardCharsets.UTF_8);
        rejected.add(new RejectedRecord(key, reason, origin.partition(), origin.offset()));
    }

    /**
     * The final results: latest tally per key, standing contradictions, and what was rejected, late or unplaced.
     * The caller owns them (and closes them).
     */
    public AuditResults finish() {
        drain();
        rejected.sort(java.util.Comparator.comparingInt(RejectedRecord::partition).thenComparingLong(RejectedRecord::offset));
        finished = true;
        return new AuditResults(tallies, contradictions, List.copyOf(rejected), List.copyOf(late), unresolvedPlaces());
    }

    private void drain() {
        driver.advanceWallClockTime(PUBLISH_INTERVAL);
        latestOf(talliesOut.readKeyValuesToList()).forEach(tallies::put);
        latestOf(contradictionsOut.readKeyValuesToList()).forEach(contradictions::put);
        for (KeyValue<String, MinistryStatement> kv : lateOut.readKeyValuesToList()) {
            late.add(kv.key);
        }
        discardInternalRecords();
    }

    /**
     * The driver keeps every record the topology produces until it is read, repartition records included
     * (it has already fed them back in). Nothing else reads those, so without this the replay's heap
     * would grow with every event of the whole history.
     */
    private void discardInternalRecords() {
        for (String topic : driver.producedTopicNames()) {
            if (!resultTopics.contains(topic)) {
                internalTopics.computeIfAbsent(topic,
                        t -> driver.createOutputTopic(t, new ByteArrayDeserializer(), new ByteArrayDeserializer())).readRecordsToList();
            }
        }
    }

    private SortedMap<String, Long> unresolvedPlaces() {
        SortedMap<String, Long> names = new TreeMap<>();
        KeyValueStore<String, UnresolvedName> store = driver.getKeyValueStore(CeasefireTopology.UNRESOLVED_NAMES_STORE);
        try (KeyValueIterator<String, UnresolvedName> all = store.all()) {
            all.forEachRemaining(kv -> {
                if (kv.value != null && kv.value.getStatements() > 0) {
                    names.put(kv.key, kv.value.getStatements());
                }
            });
        }
        return names;
    }

    /** The last value of each key (null for a tombstone): a key updated many times in a batch is written to its table once. */
    private static <V> Map<String, V> latestOf(List<KeyValue<String, V>> records) {
        Map<String, V> latest = new HashMap<>();
        records.forEach(kv -> latest.put(kv.key, kv.value));
        return latest;
    }

    private static String header(TestRecord<byte[], byte[]> record, String name, String fallback) {
        Header header = record.headers().lastHeader(name);
        return header == null ? fallback : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        if (!finished) {
            tallies.close();
            contradictions.close();
        }
        driver.close();
        org.ceasefire.embedded.EmbeddedKafka.deleteRecursively(stateDir);
    }
}
