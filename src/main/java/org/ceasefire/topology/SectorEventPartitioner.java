package org.ceasefire.topology;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.streams.processor.StreamPartitioner;
import org.ceasefire.avro.internal.SectorEvent;

/**
 * Partitions the sector-events topic: an event goes to its sector's partition, and a whole-front calm
 * report's broadcast copy goes to every partition, so that each task can pair it with the accusations of
 * its own sectors (one copy per partition, however many sectors there are).
 */
final class SectorEventPartitioner implements StreamPartitioner<String, SectorEvent> {
    @Override
    public Optional<Set<Integer>> partitions(String topic, String key, SectorEvent event, int numPartitions) {
        if (event.getFrontWide()) {
            return Optional.of(IntStream.range(0, numPartitions).boxed().collect(Collectors.toSet()));
        }
        return Optional.of(Set.of(SectorStorePartitioner.partitionOf(key, numPartitions)));
    }

}
