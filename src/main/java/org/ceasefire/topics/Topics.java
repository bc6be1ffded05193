package org.ceasefire.topics;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The names and configurations of every topic the application reads or writes, derived from one
 * prefix (default {@code ceasefire.}). Production code and tests take topic names from here only.
 */
public final class Topics {
    public static final String DEFAULT_PREFIX = "ceasefire.";

    private static final String INFINITE = "-1";

    private final String prefix;

    public Topics(String prefix) {
        this.prefix = Objects.requireNonNull(prefix, "prefix");
    }

    public static Topics defaults() {
        return new Topics(DEFAULT_PREFIX);
    }

    public String prefix() {
        return prefix;
    }

    /** The audit log of statements, keyed by statement_id: never deleted, stamped with the log append time. */
    public String statements() {
        return prefix + "statements";
    }

    /** Places and their sectors, keyed by place id, compacted; read as a GlobalKTable. */
    public String gazetteer() {
        return prefix + "gazetteer";
    }

    /** Paired contradictions, keyed by pair id, compacted; a tombstone withdraws a pair. */
    public String contradictions() {
        return prefix + "contradictions";
    }

    /** Tallies per sector and period, compacted. */
    public String sectorTallies() {
        return prefix + "sector-tallies";
    }

    /** Records that could not be decoded or that break the input contract, with the reason in headers. */
    public String deadLetters() {
        return prefix + "statements.dlq";
    }

    /** Statements older than the pairing horizon: still tallied, listed here. */
    public String late() {
        return prefix + "statements.late";
    }

    /**
     * Every topic with the configuration it must have. {@code partitions} applies to the keyed
     * data topics; the gazetteer is small and read whole by every instance, so one partition suffices.
     * {@code replicationFactor} {@link TopicSpec#BROKER_DEFAULT} takes the broker's default.
     */
    public List<TopicSpec> specs(int partitions, short replicationFactor) {
        Map<String, String> auditLog = Map.of(
                "cleanup.policy", "delete",
                "retention.ms", INFINITE,
                "retention.bytes", INFINITE,
                // --as-of replays select by the time the log appended a statement: what the system knew then.
                "message.timestamp.type", "LogAppendTime");
        Map<String, String> keptForever = Map.of(
                "cleanup.policy", "delete",
                "retention.ms", INFINITE,
                "retention.bytes", INFINITE);
        Map<String, String> compacted = Map.of("cleanup.policy", "compact");
        return List.of(
                new TopicSpec(statements(), partitions, replicationFactor, auditLog, true),
                new TopicSpec(gazetteer(), 1, replicationFactor, compacted),
                new TopicSpec(contradictions(), partitions, replicationFactor, compacted, true),
                new TopicSpec(sectorTallies(), partitions, replicationFactor, compacted, true),
                new TopicSpec(deadLetters(), partitions, replicationFactor, keptForever, true),
                new TopicSpec(late(), partitions, replicationFactor, keptForever, true));
    }
}
