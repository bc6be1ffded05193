package org.ceasefire.query;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.ceasefire.topology.CeasefireTopology;

/**
 * Finds instances through Kafka Streams metadata: {@code application.server} of each instance is
 * the address of its query API. This instance is answered from its stores directly, the others
 * through {@link RemoteInstance}. Without {@code application.server} there is one instance.
 */
public final class StreamsInstanceDirectory implements InstanceDirectory {
    private final KafkaStreams streams;
    private final Optional<HostInfo> self;
    private final LocalQueries local;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = JsonMapping.create();
    private final Map<HostInfo, LocalQueries> remotes = new ConcurrentHashMap<>();

    public StreamsInstanceDirectory(KafkaStreams streams, Optional<HostInfo> self) {
        this.streams = streams;
        this.self = self;
        this.local = new StoreQueries(streams);
    }

    @Override
    public List<LocalQueries> everyInstance() {
        if (self.isEmpty()) {
            return List.of(local);
        }
        List<HostInfo> hosts = new ArrayList<>(metadata(streams::metadataForAllStreamsClients).stream()
                .map(StreamsMetadata::hostInfo)
                .filter(host -> host.port() > 0)
                .distinct()
                .toList());
        if (!hosts.contains(self.get())) {
            hosts.add(self.get());
        }
        // A fixed order, so that merged answers never depend on the order metadata came in.
        hosts.sort(Comparator.comparing(HostInfo::host).thenComparingInt(HostInfo::port));
        return hosts.stream().map(this::instance).toList();
    }

    @Override
    public LocalQueries ownerOfPair(String pairId) {
        return owner(CeasefireTopology.PAIR_ASSERTIONS_STORE, pairId);
    }

    @Override
    public LocalQueries ownerOfStatement(String statementId) {
        return owner(CeasefireTopology.STATEMENT_HISTORY_STORE, statementId);
    }

    private LocalQueries owner(String store, String key) {
        if (self.isEmpty()) {
            return local;
        }
        KeyQueryMetadata metadata = metadata(() -> streams.queryMetadataForKey(store, key, Serdes.String().serializer()));
        if (metadata == null || KeyQueryMetadata.NOT_AVAILABLE.equals(metadata)) {
            throw new InstanceUnavailableException("No instance owns " + store + " key " + key + " now (rebalancing?)", null);
        }
        return instance(metadata.activeHost());
    }

    /**
     * Kafka Streams refuses metadata before it has started and while it shuts down or has failed
     * (IllegalStateException, InvalidStateStoreException): no instance can be named then, so the
     * answer is "not available now", not a bug.
     */
    private <T> T metadata(Supplier<T> question) {
        try {
            return question.get();
        } catch (IllegalStateException | InvalidStateStoreException e) {
            throw new InstanceUnavailableException("the instances cannot be listed now (Kafka Streams is " + streams.state() + ")", e);
        }
    }

    private LocalQueries instance(HostInfo host) {
        if (self.isPresent() && self.get().equals(host)) {
            return local;
        }
        return remotes.computeIfAbsent(host, h -> new RemoteInstance(h.host() + ":" + h.port(), http, json));
    }
}
