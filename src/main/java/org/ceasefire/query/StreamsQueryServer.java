package org.ceasefire.query;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.ceasefire.avro.ClaimContradiction;
import org.ceasefire.avro.SectorTally;
import org.ceasefire.registry.serde.AvroSerdes;

/**
 * Serves the query API, dashboard and operations endpoints of a running topology:
 * {@code StreamsQueryServer.start(streams, config)}, then {@link #close()} before closing the
 * streams. Wires {@link StreamsQueries}, readiness, Kafka Streams metrics and the live-event watcher.
 */
public final class StreamsQueryServer implements AutoCloseable {
    private final QueryServer server;
    private final OutputTopicWatcher watcher;
    private final KafkaStreamsMetrics streamsMetrics;
    private final PrometheusMeterRegistry metrics;

    private StreamsQueryServer(QueryServer server, OutputTopicWatcher watcher, KafkaStreamsMetrics streamsMetrics,
                               PrometheusMeterRegistry metrics) {
        this.server = server;
        this.watcher = watcher;
        this.streamsMetrics = streamsMetrics;
        this.metrics = metrics;
    }

    public static StreamsQueryServer start(KafkaStreams streams, StreamsQueryConfig config) {
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        KafkaStreamsMetrics streamsMetrics = new KafkaStreamsMetrics(streams);
        streamsMetrics.bindTo(metrics);
        LiveEventHub hub = new LiveEventHub();
        Deserializer<ClaimContradiction> contradictions = AvroSerdes.<ClaimContradiction>specific(config.serdeConfig(), false).deserializer();
        Deserializer<SectorTally> tallies = AvroSerdes.<SectorTally>specific(config.serdeConfig(), false).deserializer();
        Map<String, Object> client = new HashMap<>(config.serdeConfig());
        client.put("bootstrap.servers", config.bootstrapServers());
        OperationsLog operations = new OperationsLog(() -> StreamsLag.of(streams, config.topics().statements()));
        OutputTopicWatcher watcher = new OutputTopicWatcher(client, config.topics(), contradictions, tallies, hub, metrics, operations)
                .start();
        StreamsQueries queries = new StreamsQueries(streams, config.conflict(), config.applicationServer());
        QueryServices services = new QueryServices(config.conflict(), queries, Optional.of(queries.local()), hub,
                new StreamsReadiness(streams), metrics, operations);
        try {
            return new StreamsQueryServer(QueryServer.start(config.http(), services), watcher, streamsMetrics, metrics);
        } catch (RuntimeException e) {
            watcher.close();
            streamsMetrics.close();
            throw e;
        }
    }

    public int port() {
        return server.port();
    }

    /** The registry /metrics serves, for the application's own meters. */
    public PrometheusMeterRegistry metrics() {
        return metrics;
    }

    @Override
    public void close() {
        server.close();
        watcher.close();
        streamsMetrics.close();
        metrics.close();
    }
}
