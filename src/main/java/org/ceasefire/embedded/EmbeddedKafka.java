package org.ceasefire.embedded;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Kafka broker (KRaft, combined broker and controller) running in this JVM.
 *
 * <p>It formats a fresh temporary log directory, listens on free loopback ports, and deletes
 * its files on {@link #close()}. It is the broker of the embedded default and of the
 * integration tests; it is a real broker, so transactions and exactly-once work as on a cluster.
 */
public final class EmbeddedKafka implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);
    private static final String HOST = "127.0.0.1";
    private static final int NODE_ID = 1;

    private final Path logDir;
    private final boolean deleteOnClose;
    private final int brokerPort;
    private final KafkaRaftServer server;
    private volatile boolean closed;

    private EmbeddedKafka(Path logDir, boolean deleteOnClose, int brokerPort, KafkaRaftServer server) {
        this.logDir = logDir;
        this.deleteOnClose = deleteOnClose;
        this.brokerPort = brokerPort;
        this.server = server;
    }

    /** Starts a broker on a new temporary directory and free ports; the directory is deleted on close. */
    public static EmbeddedKafka start() {
        return start(Map.of());
    }

    /** Starts a broker with extra broker settings (e.g. {@code num.partitions}) on a temporary directory. */
    public static EmbeddedKafka start(Map<String, String> overrides) {
        try {
            return start(Files.createTempDirectory("ceasefire-kafka-"), true, 0, overrides);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary directory for the embedded broker", e);
        }
    }

    /**
     * Starts a broker on {@code logDir}, formatting it when it is new; {@code brokerPort} 0 picks a free
     * port. A directory that already holds a formatted broker is reused as it is, which lets a broker be
     * stopped and started again on the same data.
     */
    public static EmbeddedKafka start(Path logDir, boolean deleteOnClose, int brokerPort, Map<String, String> overrides) {
        long began = System.nanoTime();
        int port = brokerPort == 0 ? freePort() : brokerPort;
        int controllerPort = freePort();
        Properties props = brokerProperties(logDir, port, controllerPort);
        props.putAll(overrides);
        KafkaConfig config = KafkaConfig.fromProps(props, false);
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            format(logDir);
        }
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        server.startup();
        EmbeddedKafka kafka = new EmbeddedKafka(logDir, deleteOnClose, port, server);
        kafka.awaitReady(Duration.ofSeconds(30));
        LOG.info("Embedded Kafka broker ready at {} in {} ms (data in {})",
                kafka.bootstrapServers(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began), logDir);
        return kafka;
    }

    /** The {@code bootstrap.servers} value clients use to reach this broker. */
    public String bootstrapServers() {
        return HOST + ":" + brokerPort;
    }

    /** The broker's data directory. */
    public Path logDir() {
        return logDir;
    }

    /** Stops the broker and, for a temporary broker, deletes its data. Safe to call twice. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.shutdown();
        server.awaitShutdown();
        if (deleteOnClose) {
            deleteRecursively(logDir);
        }
    }

    private static Properties brokerProperties(Path logDir, int brokerPort, int controllerPort) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", String.valueOf(NODE_ID));
        p.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
        p.put("listeners", "PLAINTEXT://" + HOST + ":" + brokerPort + ",CONTROLLER://" + HOST + ":" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + brokerPort);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", logDir.toString());
        // One node: every internal topic has one replica.
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "4");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "4");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("auto.create.topics.enable", "false");
        p.put("log.flush.interval.messages", String.valueOf(Long.MAX_VALUE));
        return p;
    }

    private static void format(Path logDir) {
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                    .setNodeId(NODE_ID)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setDirectories(List.of(logDir.toString()))
                    .setMetadataLogDirectory(logDir.toString())
                    .setReleaseVersion(MetadataVersion.latestProduction())
                    .setControllerListenerName("CONTROLLER")
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot format the embedded broker's storage in " + logDir, e);
        }
    }

    private void awaitReady(Duration timeout) {
        Map<String, Object> conf = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        try (Admin admin = Admin.create(conf)) {
            admin.describeCluster().nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            close();
            throw new IllegalStateException("The embedded broker did not become ready within " + timeout, e);
        }
    }

    /** A port that is free now on the loopback interface. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on " + HOST, e);
        }
    }

    /** Deletes a directory tree; a failure is logged, not thrown, since it only leaves temporary files behind. */
    public static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            LOG.warn("Could not delete {}: {}", dir, e.toString());
        }
    }
}
