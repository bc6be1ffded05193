package org.ceasefire.topics;

import java.util.Map;

/** A topic as the application needs it: name, partition count, replication factor and topic-level configs. */
public record TopicSpec(String name, int partitions, short replicationFactor, Map<String, String> configs) {
    public TopicSpec {
        if (partitions < 1) {
            throw new IllegalArgumentException("Topic " + name + ": partitions must be at least 1, not " + partitions);
        }
        if (replicationFactor < 1) {
            throw new IllegalArgumentException("Topic " + name + ": replication factor must be at least 1, not " + replicationFactor);
        }
        configs = Map.copyOf(configs);
    }
}
