package org.ceasefire.audit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.ceasefire.avro.internal.UnresolvedName;
import org.ceasefire.topology.CeasefireTopology;
import org.ceasefire.topology.StreamsSettings;
import org.ceasefire.topology.TopologyConfig;

/**
 * The production topology running in a real {@link KafkaStreams} against the replay's private broker,
 * with the application's own Streams defaults except: at-least-once (the input is replayed from a
 * file-like topic that nothing else reads, so a retried batch can only repeat what the topology already
 * handles as duplicates, and there is no transaction to pay for), stores without changelogs, and a
 * commit interval long enough that committing is not what limits the speed.
 *
 * <p>It is done when everything handed to it has been processed and has stopped causing output: every
 * source topic (the statements and each repartition topic) is committed to its end, and neither the
 * committed offsets nor any topic's end moved for {@link #QUIET} (several commit intervals, so that
 * whatever the topology publishes from a punctuation, once per commit, has been published and flushed).
 * The results therefore depend only on what the topology finally holds, not on how often it published.
 */
final class TopologyRun implements AutoCloseable {
    static final Duration COMMIT_INTERVAL = Duration.ofSeconds(1);
    static final Duration QUIET = COMMIT_INTERVAL.multipliedBy(3);
    /** Without any movement for this long, the topology is stuck: better an error than a replay that never ends. */
    private static final Duration STALLED = Duration.ofMinutes(10);
    private static final Duration POLL = Duration.ofMillis(100);

    private final String applicationId;
    private final String statementsTopic;
    private final KafkaStreams streams;
    private final Admin admin;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private long backlogSeenAt;
    private long backlog;

    TopologyRun(TopologyConfig config, ReplayBroker broker, Path stateDir, String applicationId) {
        this.applicationId = applicationId;
        this.statementsTopic = config.topics().statements();
        Properties props = StreamsSettings.defaults(applicationId, broker.bootstrapServers(), null, config.serdeConfig());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE);
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, COMMIT_INTERVAL.toMillis());
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        // A large rejected statement is dead-lettered with its original bytes, as the live application does.
        props.put(StreamsConfig.producerPrefix(org.apache.kafka.clients.producer.ProducerConfig.MAX_REQUEST_SIZE_CONFIG),
                ReplayBroker.MAX_RECORD_BYTES);
        // The sub-topologies are separate tasks (one partition each): two threads let two of them run at once.
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 2);
        streams = new KafkaStreams(CeasefireTopology.build(config, CeasefireTopology.State.TRANSIENT), props);
        streams.setUncaughtExceptionHandler(e -> {
            failure.compareAndSet(null, e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        admin = broker.admin();
        streams.start();
    }

    /**
     * Records waiting in the topology's source topics (the statements and each repartition topic, to the last commit):
     * how far behind the hand-over the whole topology is, not just its first stage. Asked of the broker at most twice a second.
     */
    long backlog() {
        long now = System.nanoTime();
        if (now - backlogSeenAt >= 500_000_000L) {
            backlog = offsets().backlog();
            backlogSeenAt = now;
        }
        return backlog;
    }

    /** Waits while the topology has more than {@code records} to process; throws if it fails or makes no progress for long. */
    void awaitBacklogAtMost(long records) {
        long since = System.nanoTime();
        long last = Long.MAX_VALUE;
        for (long waiting = backlog(); waiting > records; waiting = backlog()) {
            checkRunning();
            if (waiting < last) {
                last = waiting;
                since = System.nanoTime();
            } else if (System.nanoTime() - since >= STALLED.toNanos()) {
                throw new IllegalStateException("The replayed topology made no progress for " + STALLED.toMinutes() + " minutes");
            }
            sleep(Duration.ofMillis(50));
        }
    }

    /** Throws if the topology has failed. */
    void checkRunning() {
        Throwable cause = failure.get();
        if (cause != null) {
            throw new IllegalStateException("The replayed topology failed: " + cause.getMessage(), cause);
        }
        KafkaStreams.State state = streams.state();
        if (state == KafkaStreams.State.ERROR || state == KafkaStreams.State.NOT_RUNNING || state == KafkaStreams.State.PENDING_SHUTDOWN) {
            throw new IllegalStateException("The replayed topology stopped (" + state + ")");
        }
    }

    /** Waits until the topology has processed all {@code statements} handed to it and every output has been published. */
    void awaitDone(long statements) {
        Offsets previous = null;
        long quietSince = System.nanoTime();
        while (true) {
            checkRunning();
            Offsets now = offsets();
            long t = System.nanoTime();
            if (!now.equals(previous)) {
                previous = now;
                quietSince = t;
            } else if (now.caughtUp(statements) && t - quietSince >= QUIET.toNanos()) {
                return;
            } else if (t - quietSince >= STALLED.toNanos()) {
                throw new IllegalStateException("The replayed topology made no progress for " + STALLED.toMinutes() + " minutes");
            }
            sleep(POLL);
        }
    }

    /** The end of every partition on the private broker, and how far the application has committed in those it consumes. */
    private record Offsets(Map<TopicPartition, Long> ends, Map<TopicPartition, Long> committed, TopicPartition statements,
                           String repartitionPrefix) {
        /** Every source (the statements and each repartition topic) committed to its end, the statements to the number handed over. */
        boolean caughtUp(long handedOver) {
            return ends.getOrDefault(statements, -1L) == handedOver && backlog() == 0;
        }

        /** Records of the sources after their last commit. */
        long backlog() {
            return ends.entrySet().stream()
                    .filter(end -> end.getKey().equals(statements) || isRepartition(end.getKey().topic()))
                    .mapToLong(end -> end.getValue() - committed.getOrDefault(end.getKey(), 0L))
                    .sum();
        }

        private boolean isRepartition(String topic) {
            return topic.startsWith(repartitionPrefix) && topic.endsWith("-repartition");
        }
    }

    private Offsets offsets() {
        try {
            Set<String> names = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            Map<String, TopicDescription> topics = admin.describeTopics(names).allTopicNames().get(30, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            topics.values().forEach(d -> d.partitions().forEach(p -> latest.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest())));
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).forEach((tp, info) -> ends.put(tp, info.offset()));
            Map<TopicPartition, Long> committed = new HashMap<>();
            admin.listConsumerGroupOffsets(applicationId).partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS)
                    .forEach((tp, offset) -> {
                        if (offset != null) {
                            committed.put(tp, offset.offset());
                        }
                    });
            return new Offsets(ends, committed, new TopicPartition(statementsTopic, 0), applicationId + "-");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the replayed topology", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot read the offsets of the replay's private broker: " + e.getMessage(), e);
        }
    }

    /** The place names no gazetteer entry matched, with the number of active statements naming each. */
    SortedMap<String, Long> unresolvedPlaces() {
        SortedMap<String, Long> names = new TreeMap<>();
        ReadOnlyKeyValueStore<String, UnresolvedName> store = streams.store(StoreQueryParameters.fromNameAndType(
                CeasefireTopology.UNRESOLVED_NAMES_STORE, QueryableStoreTypes.<String, UnresolvedName>keyValueStore()));
        try (KeyValueIterator<String, UnresolvedName> all = store.all()) {
            all.forEachRemaining(kv -> {
                if (kv.value != null && kv.value.getStatements() > 0) {
                    names.put(kv.key, kv.value.getStatements());
                }
            });
        }
        return names;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the replayed topology", e);
        }
    }

    @Override
    public void close() {
        streams.close(Duration.ofSeconds(30));
        admin.close(Duration.ofSeconds(5));
    }
}
