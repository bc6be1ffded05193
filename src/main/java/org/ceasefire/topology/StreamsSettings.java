package org.ceasefire.topology;

import java.util.Map;
import java.util.Properties;

import org.apache.kafka.streams.StreamsConfig;

/** The default Kafka Streams properties of the application; callers add or override what they need. */
public final class StreamsSettings {
    /** Record cache of all the stores of one instance ({@code statestore.cache.max.bytes}). */
    public static final long RECORD_CACHE_BYTES = 64L << 20;
    private StreamsSettings() {
    }

    /**
     * @param applicationServer {@code host:port} of this instance's query API for interactive queries, or null
     * @param serdeConfig       the serde settings ({@code schema.registry.url}, ...), passed through so that every
     *                          serde the topology creates and Streams' own configuration agree
     */
    public static Properties defaults(String applicationId, String bootstrapServers, String applicationServer,
                                      Map<String, ?> serdeConfig) {
        Properties props = new Properties();
        props.putAll(serdeConfig);
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100L);
        // The sector stage writes a dozen small rows per statement across its stores; Kafka's default of 10 MiB
        // for all the record caches of a thread evicted (and so wrote to RocksDB and the changelogs) most of
        // them before the commit could fold repeated writes of a key into one.
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, RECORD_CACHE_BYTES);
        if (applicationServer != null && !applicationServer.isBlank()) {
            props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, applicationServer);
        }
        return props;
    }
}
