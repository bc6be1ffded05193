package org.ceasefire.app;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.ProcessorStateException;
import org.ceasefire.config.logging.RootCause;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps Kafka Streams from starting on local state it did not build. Its state folder records the
 * offsets of changelogs on one cluster for one topology; opened against another cluster, or after
 * the topology changed, those offsets point nowhere and Streams answers with TaskCorruptedException
 * and OffsetOutOfRangeException traces before it restores anyway. A small file next to the folder
 * names the cluster id and the topology it was built for; state whose file differs (or has none)
 * is deleted with {@link KafkaStreams#cleanUp()} and rebuilt from the changelogs, with one log line.
 * State that cannot be opened at all (a store folder half deleted when the process was killed, say)
 * is treated the same way: Kafka Streams recovers from that inside a running task, but not while
 * {@code start()} opens the stores it finds on disk, where it throws instead.
 */
final class LocalStateGuard {
    private static final Logger LOG = LoggerFactory.getLogger(LocalStateGuard.class);
    static final String CLUSTER_ID = "cluster.id";
    static final String TOPOLOGY = "topology.sha256";

    private final Path stateDir;
    private final String applicationId;

    LocalStateGuard(Path stateDir, String applicationId) {
        this.stateDir = stateDir;
        this.applicationId = applicationId;
    }

    /** Kafka Streams' own folder for this application id. */
    Path applicationState() {
        return stateDir.resolve(applicationId);
    }

    /** The record of what the state was built for, beside (not inside) the folder Streams manages. */
    Path ownerFile() {
        return stateDir.resolve(applicationId + ".owner.properties");
    }

    /**
     * Creates and starts Streams on state it can use. {@code create} is called once more when the
     * first start cannot open the local state, because a Streams instance starts only once.
     */
    KafkaStreams start(Supplier<KafkaStreams> create, String clusterId, Topology topology) {
        KafkaStreams streams = create.get();
        prepare(streams, clusterId, topology);
        try {
            streams.start();
            return streams;
        } catch (ProcessorStateException e) {
            LOG.warn("Local state in {} cannot be opened ({}): deleting it, Kafka Streams rebuilds it from the changelog topics",
                    applicationState(), RootCause.message(e));
            streams.close(Duration.ofSeconds(30));
            streams.cleanUp();
            KafkaStreams fresh = create.get();
            fresh.start();
            return fresh;
        }
    }

    /** Deletes foreign state, then records who owns the state from now on. */
    private void prepare(KafkaStreams streams, String clusterId, Topology topology) {
        String fingerprint = fingerprint(topology);
        foreignReason(clusterId, fingerprint).ifPresent(reason -> {
            LOG.warn("Local state in {} {}: deleting it, Kafka Streams rebuilds it from the changelog topics", applicationState(), reason);
            streams.cleanUp();
        });
        writeOwner(clusterId, fingerprint);
    }

    /** Why the state on disk cannot be used, or empty when it can (or there is none). */
    Optional<String> foreignReason(String clusterId, String fingerprint) {
        if (!hasTaskState()) {
            return Optional.empty();
        }
        Properties owner = readOwner();
        String recordedCluster = owner.getProperty(CLUSTER_ID);
        if (recordedCluster == null) {
            return Optional.of("has no record of the cluster it was built on");
        }
        if (!recordedCluster.equals(clusterId)) {
            return Optional.of("belongs to cluster " + recordedCluster + ", not to this cluster " + clusterId);
        }
        if (!fingerprint.equals(owner.getProperty(TOPOLOGY))) {
            return Optional.of("was built by another version of the topology");
        }
        return Optional.empty();
    }

    /** Task folders (such as {@code 0_1}) hold state; the folder itself and Streams' process file do not. */
    private boolean hasTaskState() {
        if (!Files.isDirectory(applicationState())) {
            return false;
        }
        try (Stream<Path> entries = Files.list(applicationState())) {
            return entries.anyMatch(Files::isDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the state folder " + applicationState(), e);
        }
    }

    private Properties readOwner() {
        Properties owner = new Properties();
        if (Files.exists(ownerFile())) {
            try (Reader reader = Files.newBufferedReader(ownerFile(), StandardCharsets.UTF_8)) {
                owner.load(reader);
            } catch (IOException | IllegalArgumentException e) {
                LOG.debug("Unreadable {}: treated as missing", ownerFile(), e);
            }
        }
        return owner;
    }

    private void writeOwner(String clusterId, String fingerprint) {
        Properties owner = new Properties();
        owner.setProperty(CLUSTER_ID, clusterId);
        owner.setProperty(TOPOLOGY, fingerprint);
        try {
            Files.createDirectories(stateDir);
            try (Writer writer = Files.newBufferedWriter(ownerFile(), StandardCharsets.UTF_8)) {
                owner.store(writer, "What the Kafka Streams state of application " + applicationId + " was built for");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + ownerFile(), e);
        }
    }

    /** The topology's description names every processor, store and topic: it changes when the state's layout does. */
    static String fingerprint(Topology topology) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(topology.describe().toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
