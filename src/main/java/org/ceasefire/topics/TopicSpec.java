package org.ceasefire.topics;

import java.util.Map;

/**
 * A topic as the application needs it: name, partition count, replication factor and topic-level
 * configs. A replication factor of {@value #BROKER_DEFAULT} leaves it to the broker's
 * {@code default.replication.factor}. {@code keyed} topics hold data partitioned by key and must all
 * have one partition count; the others (the gazetteer, read whole) may have any count of at least
 * {@code partitions}.
 */
public record TopicSpec(String name, int partitions, short replicationFactor, Map<String, String> configs, boolean keyed) {
    /** The replication factor that asks the broker for its default (Kafka's CreateTopics supports it). */
    public static final short BROKER_DEFAULT = -1;

    public TopicSpec {
        if (partitions < 1) {
            throw new IllegalArgumentException("Topic " + name + ": partitions must be at least 1, not " + partitions);
        }
        if (replicationFactor < 1 && replicationFactor != BROKER_DEFAULT) {
            throw new IllegalArgumentException("Topic " + name + ": replication factor must be at least 1, or "
                    + BROKER_DEFAULT + " for the broker's default, not " + replicationFactor);
        }
        configs = Map.copyOf(configs);
    }

    /** A topic that is not partitioned by a key shared with the others. */
    public TopicSpec(String name, int partitions, short replicationFactor, Map<String, String> configs) {
        this(name, partitions, replicationFactor, configs, false);
    }

    /** The same topic created with {@code count} partitions. */
    TopicSpec withPartitions(int count) {
        return new TopicSpec(name, count, replicationFactor, configs, keyed);
    }
}
