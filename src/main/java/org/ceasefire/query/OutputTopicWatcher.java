package org.ceasefire.query;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.ceasefire.avro.ClaimContradiction;
import org.ceasefire.avro.SectorTally;
import org.ceasefire.topics.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the application's output topics from the beginning, on every instance and without a
 * consumer group, so each instance's SSE clients see every event whichever instance produced it.
 * Records written before this watcher started only teach it which pairs exist (to tell "added"
 * from "updated"); later ones become live events. DLQ and late records are counted for /metrics
 * and, per day, for the operators' view ({@link OperationsLog}).
 * Reads committed records only: with exactly-once processing, aborted output is never shown.
 */
public final class OutputTopicWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OutputTopicWatcher.class);
    private static final Duration POLL = Duration.ofMillis(200);

    private final Map<String, Object> consumerConfig;
    private final Topics topics;
    private final Deserializer<ClaimContradiction> contradictions;
    private final Deserializer<SectorTally> tallies;
    private final LiveEventHub hub;
    private final OperationsLog operations;
    private final Counter deadLetters;
    private final Counter late;
    private final Set<String> knownPairs = new HashSet<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;
    private volatile KafkaConsumer<String, byte[]> consumer;

    /**
     * @param clientProperties the cluster's client settings: {@code bootstrap.servers} and, on a secured
     *                         cluster, its security keys, which the watcher's consumer needs as much as Streams does
     */
    public OutputTopicWatcher(Map<String, ?> clientProperties, Topics topics, Deserializer<ClaimContradiction> contradictions,
                              Deserializer<SectorTally> tallies, LiveEventHub hub, MeterRegistry metrics, OperationsLog operations) {
        Map<String, Object> config = new java.util.HashMap<>(clientProperties);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "ceasefire-query-watcher");
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        this.consumerConfig = Map.copyOf(config);
        this.topics = topics;
        this.contradictions = contradictions;
        this.tallies = tallies;
        this.hub = hub;
        this.operations = operations;
        this.deadLetters = Counter.builder("ceasefire.statements.dlq")
                .description("Records on the dead-letter topic: undecodable or invalid statements").register(metrics);
        this.late = Counter.builder("ceasefire.statements.late")
                .description("Statements older than the pairing horizon: tallied, not paired by time").register(metrics);
        this.thread = new Thread(this::run, "query-output-watcher");
        this.thread.setDaemon(true);
    }

    public OutputTopicWatcher start() {
        thread.start();
        return this;
    }

    private void run() {
        try (KafkaConsumer<String, byte[]> kafka = new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer = kafka;
            List<TopicPartition> partitions = awaitPartitions(kafka);
            if (partitions.isEmpty()) {
                return;
            }
            kafka.assign(partitions);
            kafka.seekToBeginning(partitions);
            Map<TopicPartition, Long> liveFrom = new HashMap<>(kafka.endOffsets(partitions));
            while (running.get()) {
                // A busy topology rewrites the same tallies many times a second: within one poll only
                // the last version of each tally is sent, so browsers are not flooded.
                Map<String, ConsumerRecord<String, byte[]>> changedTallies = new LinkedHashMap<>();
                for (ConsumerRecord<String, byte[]> record : kafka.poll(POLL)) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    boolean live = record.offset() >= liveFrom.getOrDefault(partition, 0L);
                    if (record.topic().equals(topics.sectorTallies())) {
                        operations.output(record.timestamp());
                        if (live && record.value() != null) {
                            changedTallies.put(record.key(), record);
                        }
                    } else {
                        handle(record, live);
                    }
                }
                changedTallies.forEach((key, record) -> hub.publish(
                        LiveEvent.tallyChanged(key, tallies.deserialize(record.topic(), record.headers(), record.value()))));
            }
        } catch (WakeupException stopping) {
            LOG.debug("Output watcher stopped");
        } catch (RuntimeException e) {
            LOG.error("Output watcher failed; live events and DLQ/late counts stop", e);
        }
    }

    /** The topics are created by the bootstrapper; an instance may start first, so wait for them. */
    private List<TopicPartition> awaitPartitions(KafkaConsumer<String, byte[]> kafka) {
        List<String> names = List.of(topics.contradictions(), topics.sectorTallies(), topics.deadLetters(), topics.late());
        while (running.get()) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String name : names) {
                for (PartitionInfo info : kafka.partitionsFor(name, Duration.ofSeconds(10))) {
                    partitions.add(new TopicPartition(info.topic(), info.partition()));
                }
            }
            if (names.stream().allMatch(name -> partitions.stream().anyMatch(p -> p.topic().equals(name)))) {
                return partitions;
            }
            LOG.info("Waiting for the output topics {} to exist", names);
            kafka.poll(Duration.ofSeconds(1));
        }
        return List.of();
    }

    private void handle(ConsumerRecord<String, byte[]> record, boolean live) {
        String topic = record.topic();
        if (topic.equals(topics.deadLetters())) {
            deadLetters.increment();
            operations.deadLetter(record.timestamp());
        } else if (topic.equals(topics.late())) {
            late.increment();
            operations.late(record.timestamp());
        } else if (topic.equals(topics.contradictions())) {
            operations.output(record.timestamp());
            onContradiction(record, live);
        }
    }

    private void onContradiction(ConsumerRecord<String, byte[]> record, boolean live) {
        String pairId = record.key();
        if (record.value() == null) {
            if (knownPairs.remove(pairId) && live) {
                hub.publish(LiveEvent.contradictionWithdrawn(pairId));
            }
            return;
        }
        boolean existed = !knownPairs.add(pairId);
        if (live) {
            ClaimContradiction pair = contradictions.deserialize(record.topic(), record.headers(), record.value());
            hub.publish(existed ? LiveEvent.contradictionUpdated(pair) : LiveEvent.contradictionAdded(pair));
        }
    }

    @Override
    public void close() {
        running.set(false);
        KafkaConsumer<String, byte[]> kafka = consumer;
        if (kafka != null) {
            kafka.wakeup();
        }
        try {
            thread.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
