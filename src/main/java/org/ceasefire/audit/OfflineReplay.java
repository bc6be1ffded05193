package org.ceasefire.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.ceasefire.avro.MinistryStatement;
import org.ceasefire.avro.Place;
import org.ceasefire.embedded.EmbeddedKafka;
import org.ceasefire.registry.serde.AvroSerdes;
import org.ceasefire.topics.Topics;
import org.ceasefire.topology.TopologyConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the production topology, unchanged, over statements read from the log, in isolation: in this
 * process, on a private broker ({@link ReplayBroker}) with its own in-memory schema registry, its state
 * in a temporary directory without changelogs, and nothing written to the cluster. The statements are
 * re-encoded for that private registry and handed over in the order they are given (the real log's
 * log-append-time order), each stamped with its log append time, so lateness is judged exactly as it
 * was live.
 *
 * <p>The hand-over waits while the topology has more than {@link #MAX_LEAD} records to process (in all its
 * stages): what the caller has handed over is then a fair measure of how far the replay has got.
 */
public final class OfflineReplay implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OfflineReplay.class);
    static final long MAX_LEAD = 20_000;
    private static final int CHECK_LEAD_EVERY = 1_000;

    private final Topics topics;
    private final Map<String, Object> privateRegistry;
    private final TopologyConfig config;
    private final Path stateDir;
    private final ReplayBroker broker;
    private final KafkaProducer<byte[], byte[]> producer;
    private final Serializer<MinistryStatement> encoder;
    private final LogPositions positions = new LogPositions();
    private final ReplayOutputs outputs;
    private final List<RejectedRecord> undecodable = new ArrayList<>();
    private final AtomicReference<Exception> sendFailure = new AtomicReference<>();
    private TopologyRun topology;
    private long handedOver;
    private boolean finished;

    public OfflineReplay(TopologyConfig live) {
        topics = live.topics();
        privateRegistry = Map.of("schema.registry.url", "mock://replay-" + UUID.randomUUID(), "specific.avro.reader", true);
        config = new TopologyConfig(topics, live.conflict(), live.pairingDistance(), live.horizon(), privateRegistry);
        try {
            stateDir = Files.createTempDirectory("ceasefire-replay-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a state directory for the replay", e);
        }
        broker = ReplayBroker.start(topics);
        producer = new KafkaProducer<>(Map.of(
                CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, ReplayBroker.MAX_RECORD_BYTES),
                new ByteArraySerializer(), new ByteArraySerializer());
        encoder = AvroSerdes.<MinistryStatement>specific(privateRegistry, false).serializer();
        outputs = new ReplayOutputs(broker.bootstrapServers(), privateRegistry, topics);
    }

    /** Loads the places before the statements, as a running app has them in its global store when it starts. */
    public void loadGazetteer(Collection<Place> places) {
        if (topology != null) {
            throw new IllegalStateException("The gazetteer is loaded before the first statement");
        }
        Serializer<Place> placeEncoder = AvroSerdes.<Place>specific(privateRegistry, false).serializer();
        try (KafkaProducer<String, Place> gazetteerProducer = new KafkaProducer<>(Map.of(
                CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()), new StringSerializer(), placeEncoder)) {
            for (Place place : places) {
                gazetteerProducer.send(new ProducerRecord<>(topics.gazetteer(), 0, 0L, place.getPlaceId(), place)).get(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while loading the replay's gazetteer", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot load the gazetteer into the replay's private broker: " + e.getMessage(), e);
        }
    }

    /** Hands one decoded statement to the topology, stamped with its log append time. */
    public void replay(LoggedRecord origin, MinistryStatement statement) {
        TopologyRun run = topology();
        long expected = handedOver;
        producer.send(new ProducerRecord<>(topics.statements(), 0, origin.timestamp(), origin.key(), encoder.serialize(topics.statements(), statement)),
                (metadata, e) -> {
                    // The private offset is how a dead letter is traced back to the real log: it must be the hand-over's sequence number.
                    if (e != null) {
                        sendFailure.compareAndSet(null, e);
                    } else if (metadata.offset() != expected) {
                        sendFailure.compareAndSet(null, new IllegalStateException("Statement " + expected + " of the replay landed at offset "
                                + metadata.offset() + " of the private broker"));
                    }
                });
        positions.append(origin.partition(), origin.offset());
        handedOver++;
        if (handedOver % CHECK_LEAD_EVERY == 0) {
            checkSent();
            run.awaitBacklogAtMost(MAX_LEAD);
        }
    }

    /** Records a record that could not even be decoded from the log: it is rejected as the live DLQ would. */
    public void reject(LoggedRecord origin, String reason) {
        String key = origin.key() == null ? "" : new String(origin.key(), java.nio.charset.StandardCharsets.UTF_8);
        undecodable.add(new RejectedRecord(key, reason, origin.partition(), origin.offset()));
    }

    /**
     * Waits for the topology to finish with everything handed over, then returns the final results: latest
     * tally per key, standing contradictions, and what was rejected, late or unplaced. The caller owns them (and closes them).
     */
    public AuditResults finish() {
        producer.flush();
        checkSent();
        TopologyRun run = topology();
        long handedOverAt = System.nanoTime();
        run.awaitDone(handedOver);
        long doneAt = System.nanoTime();
        var unresolved = run.unresolvedPlaces();
        run.close();
        AuditResults results = outputs.finish(undecodable, positions, unresolved);
        finished = true;
        LOG.info("Replay of {} statements: the topology was done {} ms after the last was handed over (of which {} ms to be sure its outputs"
                        + " had stopped); the rest of its outputs were read in {} ms", handedOver, (doneAt - handedOverAt) / 1_000_000,
                TopologyRun.QUIET.toMillis(), (System.nanoTime() - doneAt) / 1_000_000);
        return results;
    }

    /** The topology, started on the first statement: after the gazetteer, so that its global store starts full. */
    private TopologyRun topology() {
        if (topology == null) {
            topology = new TopologyRun(config, broker, stateDir, "ceasefire-replay");
        }
        return topology;
    }

    private void checkSent() {
        Exception failure = sendFailure.get();
        if (failure != null) {
            throw new IllegalStateException("Cannot hand a statement to the replay's private broker: " + failure.getMessage(), failure);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
        if (topology != null && !finished) {
            topology.close();
        }
        outputs.close();
        broker.close();
        positions.close();
        EmbeddedKafka.deleteRecursively(stateDir);
    }
}
