package org.ceasefire.registry;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;

import org.ceasefire.registry.server.BasicAuth;
import org.ceasefire.registry.server.KafkaSchemaLog;
import org.ceasefire.registry.server.RegistryHttpServer;
import org.ceasefire.registry.store.InMemorySchemaLog;
import org.ceasefire.registry.store.RegistryService;
import org.ceasefire.registry.store.RegistryState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A light, in-process Schema Registry speaking Confluent's REST API, with its state in the
 * compacted {@code _schemas} topic of a Kafka cluster (as Confluent's registry keeps it): a
 * restarted registry, or a second one on the same cluster, serves the same subjects and ids.
 * For the embedded default, tests, and anyone who needs a registry without Docker.
 */
public final class EmbeddedSchemaRegistry implements AutoCloseable {

    public static final String SCHEMAS_TOPIC = "_schemas";
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedSchemaRegistry.class);
    private static final Duration STORE_TIMEOUT = Duration.ofSeconds(30);

    private final RegistryHttpServer server;
    private final AutoCloseable log;

    private EmbeddedSchemaRegistry(RegistryHttpServer server, AutoCloseable log) {
        this.server = server;
        this.log = log;
    }

    /** Starts a registry on 127.0.0.1, on a free port, storing its state in the given cluster. */
    public static EmbeddedSchemaRegistry start(String bootstrapServers) {
        return start(bootstrapServers, "127.0.0.1", 0);
    }

    /** Starts a registry on the given address (port 0: a free one), storing its state in the cluster. */
    public static EmbeddedSchemaRegistry start(String bootstrapServers, String host, int port) {
        return start(bootstrapServers, host, port, STORE_TIMEOUT);
    }

    /**
     * As {@link #start(String, String, int)}, with the longest a request may wait for the cluster
     * before it fails with error code 50001 (default 30 s).
     */
    public static EmbeddedSchemaRegistry start(String bootstrapServers, String host, int port,
            Duration storeTimeout) {
        return start(bootstrapServers, host, port, storeTimeout, BasicAuth.NONE);
    }

    /**
     * As {@link #start(String, String, int, Duration)}, with the HTTP Basic credentials every request
     * must carry ({@link BasicAuth#NONE}: none, the local default).
     */
    public static EmbeddedSchemaRegistry start(String bootstrapServers, String host, int port,
            Duration storeTimeout, BasicAuth auth) {
        RegistryState state = new RegistryState();
        KafkaSchemaLog log = KafkaSchemaLog.open(bootstrapServers, SCHEMAS_TOPIC, state, storeTimeout);
        try {
            RegistryHttpServer server = RegistryHttpServer.start(new RegistryService(state, log), host, port, auth,
                    RegistryHttpServer.IDLE_TIMEOUT);
            LOG.info("Schema Registry listening on {} (authentication: {}), state in {} at {}", server.url(), auth,
                    SCHEMAS_TOPIC, bootstrapServers);
            warnIfOpen(host, auth);
            return new EmbeddedSchemaRegistry(server, log);
        } catch (RuntimeException e) {
            log.close();
            throw e;
        }
    }

    /** Starts a registry whose state lives in memory only and is lost on close (for tests). */
    public static EmbeddedSchemaRegistry startInMemory() {
        return startInMemory("127.0.0.1", BasicAuth.NONE);
    }

    /** An in-memory registry on the given address and with the given credentials (for tests). */
    public static EmbeddedSchemaRegistry startInMemory(String host, BasicAuth auth) {
        RegistryState state = new RegistryState();
        RegistryHttpServer server = RegistryHttpServer.start(
                new RegistryService(state, new InMemorySchemaLog(state)), host, 0, auth, RegistryHttpServer.IDLE_TIMEOUT);
        warnIfOpen(host, auth);
        return new EmbeddedSchemaRegistry(server, () -> { });
    }

    /** Anyone who reaches an open registry can delete subjects or set compatibility to NONE: say so. */
    private static void warnIfOpen(String host, BasicAuth auth) {
        if (!auth.enabled() && !isLoopback(host)) {
            LOG.warn("The schema registry listens on {} without authentication: anyone who can reach it can delete "
                    + "subjects and change compatibility. Give it credentials (user:password) or bind it to 127.0.0.1.",
                    host);
        }
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** The base URL, e.g. {@code http://127.0.0.1:41234}, for {@code schema.registry.url}. */
    public String url() {
        return server.url();
    }

    @Override
    public void close() {
        server.close();
        try {
            log.close();
        } catch (Exception e) {
            LOG.warn("Failed to close the schemas log cleanly", e);
        }
    }
}
