package org.ceasefire.topology;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.apache.kafka.streams.processor.StreamPartitioner;
import org.ceasefire.avro.internal.SectorEvent;
import org.ceasefire.conflict.ConflictDefinition;

/**
 * Partitions the sector-events topic: an event goes to its sector's partition, and a whole-front calm
 * report's broadcast copy goes to the partitions of the sectors its issuer speaks for that day (every
 * partition, for an issuer whose area is the whole front), so that each task can pair it with the
 * accusations of its own sectors: one copy per partition, however many sectors there are.
 */
final class SectorEventPartitioner implements StreamPartitioner<String, SectorEvent> {
    private final ConflictDefinition conflict;

    SectorEventPartitioner(ConflictDefinition conflict) {
        this.conflict = conflict;
    }

    @Override
    public Optional<Set<Integer>> partitions(String topic, String key, SectorEvent event, int numPartitions) {
        if (event.getFrontWide()) {
            Set<Integer> partitions = new HashSet<>();
            for (String sector : TimePairing.frontOf(conflict, event.getStatement())) {
                partitions.add(SectorStorePartitioner.partitionOf(sector, numPartitions));
            }
            return Optional.of(partitions);
        }
        return Optional.of(Set.of(SectorStorePartitioner.partitionOf(key, numPartitions)));
    }
}
