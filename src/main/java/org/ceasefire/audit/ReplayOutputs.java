package org.ceasefire.audit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.ceasefire.avro.ClaimContradiction;
import org.ceasefire.avro.SectorTally;
import org.ceasefire.registry.serde.AvroSerdes;
import org.ceasefire.topics.Topics;
import org.ceasefire.topology.DeadLetterHeaders;

/**
 * Collects what the replayed topology writes to the private broker into the audit's results, on a thread
 * of its own while the topology runs (so the final results are ready soon after the topology is done):
 * the latest tally per key and the standing pairs into tables on disk, the late statements' ids, and the
 * dead letters, each placed where its statement sits in the real log. Every output topic has one
 * partition, so applying its records in order leaves exactly its latest value per key.
 */
final class ReplayOutputs implements AutoCloseable {
    private static final Duration POLL = Duration.ofMillis(200);

    /** A dead letter as the topology wrote it: its offset on the private statements topic is placed in the real log at the end. */
    private record DeadLetter(String key, String reason, String topic, String offset) {
    }

    private final Topics topics;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Deserializer<SectorTally> tallyDecoder;
    private final Deserializer<ClaimContradiction> pairDecoder;
    private final ResultTable<SectorTally> tallies = new ResultTable<>(SectorTally.class);
    private final ResultTable<ClaimContradiction> pairs = new ResultTable<>(ClaimContradiction.class);
    private final TreeSet<String> late = new TreeSet<>();
    private final List<DeadLetter> deadLetters = new ArrayList<>();
    private final List<TopicPartition> partitions;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final Thread thread;
    private volatile boolean finishing;
    private boolean handedOver;

    ReplayOutputs(String bootstrapServers, Map<String, Object> serdeConfig, Topics topics) {
        this.topics = topics;
        consumer = new KafkaConsumer<>(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        tallyDecoder = AvroSerdes.<SectorTally>specific(serdeConfig, false).deserializer();
        pairDecoder = AvroSerdes.<ClaimContradiction>specific(serdeConfig, false).deserializer();
        partitions = List.of(topics.sectorTallies(), topics.contradictions(), topics.late(), topics.deadLetters()).stream()
                .map(topic -> new TopicPartition(topic, 0)).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        thread = new Thread(this::collect, "replay-outputs");
        thread.setDaemon(true);
        thread.start();
    }

    private void collect() {
        try {
            Map<TopicPartition, Long> ends = null;
            while (ends == null || !reached(ends)) {
                if (ends == null && finishing) {
                    // The topology is done: its outputs end here.
                    ends = consumer.endOffsets(partitions);
                }
                apply(consumer.poll(POLL));
            }
        } catch (Throwable e) {
            failure.set(e);
        } finally {
            try {
                consumer.close(Duration.ofSeconds(5));
            } catch (org.apache.kafka.common.errors.InterruptException e) {
                // close() interrupted this thread to stop it: nothing is left to read, and the interruption is the answer.
            }
        }
    }

    private boolean reached(Map<TopicPartition, Long> ends) {
        return partitions.stream().allMatch(tp -> consumer.position(tp) >= ends.get(tp));
    }

    private void apply(ConsumerRecords<byte[], byte[]> batch) {
        // A key written many times in one batch (a tally updated by every statement) reaches its table once.
        Map<String, SectorTally> latestTallies = new HashMap<>();
        Map<String, ClaimContradiction> latestPairs = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> r : batch) {
            String key = r.key() == null ? "" : new String(r.key(), StandardCharsets.UTF_8);
            String topic = r.topic();
            if (topic.equals(topics.sectorTallies())) {
                latestTallies.put(key, r.value() == null ? null : tallyDecoder.deserialize(topic, r.value()));
            } else if (topic.equals(topics.contradictions())) {
                latestPairs.put(key, r.value() == null ? null : pairDecoder.deserialize(topic, r.value()));
            } else if (topic.equals(topics.late())) {
                late.add(key);
            } else {
                deadLetters.add(new DeadLetter(key, header(r, DeadLetterHeaders.REASON), header(r, DeadLetterHeaders.TOPIC),
                        header(r, DeadLetterHeaders.OFFSET)));
            }
        }
        latestTallies.forEach(tallies::put);
        latestPairs.forEach(pairs::put);
    }

    /**
     * Once the topology is done: reads its outputs to their end and returns the results, which the caller then owns.
     *
     * @param rejectedBefore records refused before they reached the topology (not even decodable)
     * @param positions      the real log position of each statement, by its offset on the private statements topic
     */
    AuditResults finish(List<RejectedRecord> rejectedBefore, LogPositions positions, SortedMap<String, Long> unresolvedPlaces) {
        finishing = true;
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading the replay's results", e);
        }
        if (failure.get() != null) {
            throw new IllegalStateException("Cannot read the replayed topology's outputs: " + failure.get().getMessage(), failure.get());
        }
        List<RejectedRecord> rejected = new ArrayList<>(rejectedBefore);
        deadLetters.forEach(dead -> rejected.add(placed(dead, positions)));
        rejected.sort(Comparator.comparingInt(RejectedRecord::partition).thenComparingLong(RejectedRecord::offset));
        handedOver = true;
        return new AuditResults(tallies, pairs, List.copyOf(rejected), List.copyOf(late), unresolvedPlaces);
    }

    /** A dead letter, placed where its statement sits in the real log (its headers name its offset on the private topic). */
    private RejectedRecord placed(DeadLetter dead, LogPositions positions) {
        if (!topics.statements().equals(dead.topic()) || dead.offset() == null) {
            throw new IllegalStateException("A dead letter of the replay (key " + dead.key() + ") does not name its place on "
                    + topics.statements() + " (topic header " + dead.topic() + ", offset header " + dead.offset() + ")");
        }
        LogPositions.Position origin = positions.at(Long.parseLong(dead.offset()));
        return new RejectedRecord(dead.key(), dead.reason() == null ? "(no reason)" : dead.reason(), origin.partition(), origin.offset());
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Stops collecting; the tables are closed here unless {@link #finish} handed them over (or the thread would not stop). */
    @Override
    public void close() {
        finishing = true;
        thread.interrupt();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!handedOver && !thread.isAlive()) {
            tallies.close();
            pairs.close();
        }
    }
}
