package org.ceasefire.topology;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

import org.ceasefire.conflict.ConflictDefinition;
import org.ceasefire.topics.Topics;

/**
 * Everything the topology is built from.
 *
 * @param topics          topic names
 * @param conflict        sides, monitors and sectors
 * @param pairingDistance how far apart two incident times may be and still pair (default 6 h)
 * @param horizon         how long after incident_start a statement may be published and still be paired by time (default 72 h)
 * @param serdeConfig     configuration of the Avro serdes ({@code schema.registry.url} and the other serde keys)
 */
public record TopologyConfig(Topics topics, ConflictDefinition conflict, Duration pairingDistance, Duration horizon,
                             Map<String, ?> serdeConfig) {
    public static final Duration DEFAULT_PAIRING_DISTANCE = Duration.ofHours(6);
    public static final Duration DEFAULT_HORIZON = Duration.ofHours(72);

    public TopologyConfig {
        Objects.requireNonNull(topics, "topics");
        Objects.requireNonNull(conflict, "conflict");
        Objects.requireNonNull(pairingDistance, "pairingDistance");
        Objects.requireNonNull(horizon, "horizon");
        serdeConfig = Map.copyOf(serdeConfig);
        if (pairingDistance.isNegative() || horizon.isNegative() || horizon.isZero()) {
            throw new IllegalArgumentException("pairing distance must be >= 0 and the horizon > 0");
        }
    }

    /** The defaults: 6 h pairing distance, 72 h horizon. */
    public static TopologyConfig of(Topics topics, ConflictDefinition conflict, Map<String, ?> serdeConfig) {
        return new TopologyConfig(topics, conflict, DEFAULT_PAIRING_DISTANCE, DEFAULT_HORIZON, serdeConfig);
    }

    public TopologyConfig withPairingDistance(Duration distance) {
        return new TopologyConfig(topics, conflict, distance, horizon, serdeConfig);
    }

    public TopologyConfig withHorizon(Duration newHorizon) {
        return new TopologyConfig(topics, conflict, pairingDistance, newHorizon, serdeConfig);
    }

    /**
     * How long after the log appended it a statement stays a candidate for pairing by time, in stream
     * (log) time. Statements that are not late are published within one horizon of their incident, so
     * partners are normally appended within one horizon plus the distance of each other; the second
     * horizon is slack for ingestion running behind publication.
     */
    public Duration pairingRetention() {
        return horizon.multipliedBy(2).plus(pairingDistance);
    }
}
