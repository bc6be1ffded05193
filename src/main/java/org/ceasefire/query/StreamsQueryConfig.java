package org.ceasefire.query;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.apache.kafka.streams.state.HostInfo;
import org.ceasefire.conflict.ConflictDefinition;
import org.ceasefire.topics.Topics;

/**
 * Everything {@link StreamsQueryServer} needs besides the KafkaStreams instance.
 *
 * @param http              where the HTTP server listens (loopback by default)
 * @param applicationServer this instance's {@code application.server} (host:port of this HTTP server as the
 *                          other instances reach it); empty when only one instance runs
 * @param bootstrapServers  the brokers, for the watcher of the output topics
 * @param serdeConfig       the Avro serde settings the topology uses ({@code schema.registry.url}, ...) and the
 *                          cluster's client settings (security keys), which the output-topic watcher also uses
 */
public record StreamsQueryConfig(QueryServerConfig http, Optional<HostInfo> applicationServer, ConflictDefinition conflict,
                                 Topics topics, String bootstrapServers, Map<String, ?> serdeConfig) {
    public StreamsQueryConfig {
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(applicationServer, "applicationServer");
        Objects.requireNonNull(conflict, "conflict");
        Objects.requireNonNull(topics, "topics");
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        serdeConfig = Map.copyOf(serdeConfig);
        if (applicationServer.isPresent() && http.port() != applicationServer.get().port()) {
            throw new IllegalArgumentException("application.server port " + applicationServer.get().port()
                    + " must be the HTTP port " + http.port() + ": other instances call this server there");
        }
    }
}
