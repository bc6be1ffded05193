package org.ceasefire.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.apache.kafka.streams.state.HostInfo;
import org.ceasefire.config.AppConfig;
import org.ceasefire.config.AppSettings;
import org.ceasefire.conflict.GazetteerFile;
import org.ceasefire.embedded.EmbeddedKafka;
import org.ceasefire.query.MapTiles;
import org.ceasefire.query.QueryServerConfig;
import org.ceasefire.query.StreamsQueryConfig;
import org.ceasefire.query.StreamsQueryServer;
import org.ceasefire.registry.serde.AvroSerdes;
import org.ceasefire.topics.InputSubjects;
import org.ceasefire.topics.TopicBootstrapper;
import org.ceasefire.topics.Topics;
import org.ceasefire.topology.CeasefireTopology;
import org.ceasefire.topology.StreamsSettings;
import org.ceasefire.topology.TopologyConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running instance of the application: checks or creates the topics, runs the topology with
 * Kafka Streams, and serves the query API and dashboard. {@code run} and {@code demo} start it; more
 * instances with the same application id share the partitions.
 */
public final class CeasefireApp implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CeasefireApp.class);

    private final KafkaStreams streams;
    private final StreamsQueryServer http;
    private final Duration shutdownTimeout;
    private final String url;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    private CeasefireApp(KafkaStreams streams, StreamsQueryServer http, Duration shutdownTimeout, String url) {
        this.streams = streams;
        this.http = http;
        this.shutdownTimeout = shutdownTimeout;
        this.url = url;
    }

    /** Starts an instance; returns once Streams is started and the HTTP server listens (stores may still be restoring). */
    public static CeasefireApp start(AppConfig config) {
        GazetteerFile conflictFile = conflictFile(config);
        Topics topics = new Topics(config.get(AppSettings.TOPIC_PREFIX));
        Map<String, Object> client = config.clientProperties();
        String clusterId;
        try (Admin admin = Admin.create(client)) {
            new TopicBootstrapper(admin).ensure(topics.specs(config.getInt(AppSettings.TOPIC_PARTITIONS),
                    (short) config.getInt(AppSettings.TOPIC_REPLICATION_FACTOR)));
            clusterId = clusterId(admin);
        }
        InputSubjects.register(topics, client);
        TopologyConfig topologyConfig = new TopologyConfig(topics, conflictFile.conflict(),
                config.getDuration(AppSettings.PAIRING_DISTANCE), config.getDuration(AppSettings.PAIRING_HORIZON),
                AvroSerdes.withSerdeClass(client, config.get(AppSettings.SERDE_CLASS)));

        String host = config.get(AppSettings.HTTP_HOST);
        MapTiles tiles = mapTiles(config);
        // application.server must be known before Streams starts, so a free port is chosen here rather than by the server.
        int port = config.getInt(AppSettings.HTTP_PORT) == 0 ? EmbeddedKafka.freePort() : config.getInt(AppSettings.HTTP_PORT);
        HostInfo advertised = advertised(config, host, port);

        String applicationId = config.get(AppSettings.APPLICATION_ID);
        Properties props = StreamsSettings.defaults(applicationId, config.get(AppSettings.BOOTSTRAP_SERVERS),
                advertised.host() + ":" + advertised.port(), client);
        props.putAll(client);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, config.get(AppSettings.PROCESSING_GUARANTEE));
        Path stateDir = config.stateDir();
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        Topology topology = CeasefireTopology.build(topologyConfig);
        KafkaStreams streams = new LocalStateGuard(stateDir, applicationId).start(() -> newStreams(topology, props), clusterId, topology);
        StreamsQueryServer http;
        try {
            http = StreamsQueryServer.start(streams, new StreamsQueryConfig(new QueryServerConfig(host, port).withMapTiles(tiles), Optional.of(advertised),
                    conflictFile.conflict(), topics, config.get(AppSettings.BOOTSTRAP_SERVERS),
                    AvroSerdes.withSerdeClass(client, config.get(AppSettings.SERDE_CLASS))));
        } catch (RuntimeException e) {
            streams.close(Duration.ofSeconds(10));
            throw e;
        }
        String url = "http://" + ("0.0.0.0".equals(host) ? "localhost" : host) + ":" + http.port() + "/";
        LOG.info("ceasefire-monitor running: application id {}, state in {}, dashboard {}", applicationId, stateDir, url);
        return new CeasefireApp(streams, http, config.getDuration(AppSettings.SHUTDOWN_TIMEOUT), url);
    }

    /** Streams as every instance runs it: a failed stream thread is replaced, not the whole instance shut down. */
    public static KafkaStreams newStreams(Topology topology, Properties props) {
        KafkaStreams streams = new KafkaStreams(topology, props);
        streams.setUncaughtExceptionHandler(error -> {
            LOG.error("A stream thread failed; it is replaced and its tasks are retried from the last commit", error);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        return streams;
    }

    private static String clusterId(Admin admin) {
        try {
            return admin.describeCluster().clusterId().get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while asking for the cluster id", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot ask the cluster for its id: " + e.getMessage(), e);
        }
    }

    private static GazetteerFile conflictFile(AppConfig config) {
        String file = config.get(AppSettings.CONFLICT_FILE);
        return GazetteerFile.readOrBuiltIn(file.isBlank() ? null : Path.of(file));
    }

    /** The dashboard map's tile source; a bad value stops the start with the key and the reason. */
    private static MapTiles mapTiles(AppConfig config) {
        try {
            return MapTiles.parse(config.get(AppSettings.MAP_TILES));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(AppSettings.MAP_TILES.key() + ": " + e.getMessage(), e);
        }
    }

    private static HostInfo advertised(AppConfig config, String host, int port) {
        String advertised = config.get(AppSettings.ADVERTISED_HTTP);
        if (!advertised.isBlank()) {
            return HostInfo.buildFromEndpoint(advertised);
        }
        return new HostInfo("0.0.0.0".equals(host) ? "localhost" : host, port);
    }

    public KafkaStreams streams() {
        return streams;
    }

    /** The dashboard's address. */
    public String url() {
        return url;
    }

    public int httpPort() {
        return http.port();
    }

    /** Closes the HTTP server, then Streams (which commits its last transaction), within the shutdown timeout. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        http.close();
        boolean closed = streams.close(new KafkaStreams.CloseOptions().timeout(shutdownTimeout));
        if (!closed) {
            LOG.warn("Kafka Streams did not close within {}", shutdownTimeout);
        }
    }

    /** Every topic this app writes or reads, for summaries. */
    public static List<String> topicNames(Topics topics) {
        return topics.specs(1, (short) 1).stream().map(spec -> spec.name()).toList();
    }
}
