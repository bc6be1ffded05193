package org.ceasefire.topology;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * For interactive queries of the stores keyed by {@code sector|...} (day tallies, current tallies,
 * sector statements and pairs, pairing): their entries live in the task of the sector's partition,
 * not of the whole key's. Pass this to {@code KafkaStreams.queryMetadataForKey(store, key, partitioner)}
 * to find the instance that holds a key. Unresolved names all live with the sector {@code UNRESOLVED}:
 * query that store with the key {@code UNRESOLVED} to find its host.
 */
public final class SectorStorePartitioner implements StreamPartitioner<String, Object> {
    @Override
    public Optional<Set<Integer>> partitions(String topic, String key, Object value, int numPartitions) {
        int separator = key.indexOf(SectorKeys.SEPARATOR);
        String sector = separator < 0 ? key : key.substring(0, separator);
        return Optional.of(Set.of(partitionOf(sector, numPartitions)));
    }

    /** The partition of the sector-events topic that a sector's events go to. */
    static int partitionOf(String sector, int numPartitions) {
        // The same hash the producer's default partitioner uses for the String-serialized sector key.
        return Utils.toPositive(Utils.murmur2(sector.getBytes(StandardCharsets.UTF_8))) % numPartitions;
    }
}
