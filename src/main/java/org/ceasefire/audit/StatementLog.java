package org.ceasefire.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeMap;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads the statements log from the beginning to the end it had when opened (committed records
 * only), merging the partitions in log-append-time order (ties by partition, then offset) so that
 * the replay sees the statements in one deterministic order whatever the number of partitions.
 * With {@code asOf}, each partition stops at its first record appended after that time: what the
 * system knew then. Memory stays bounded: a partition is paused while its buffer is full.
 */
public final class StatementLog implements Iterator<LoggedRecord>, AutoCloseable {
    private static final int BUFFER_PER_PARTITION = 2_000;
    private static final Comparator<ConsumerRecord<byte[], byte[]>> LOG_ORDER = Comparator
            .<ConsumerRecord<byte[], byte[]>>comparingLong(ConsumerRecord::timestamp)
            .thenComparingInt(ConsumerRecord::partition)
            .thenComparingLong(ConsumerRecord::offset);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Map<TopicPartition, Long> endOffsets;
    private final Map<TopicPartition, ArrayDeque<ConsumerRecord<byte[], byte[]>>> buffers = new HashMap<>();
    private final Set<TopicPartition> stopped = new HashSet<>();
    private final Instant asOf;
    private final long total;

    public StatementLog(Map<String, Object> clientProperties, String topic, Instant asOf) {
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1_000);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        this.consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.asOf = asOf;
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        if (partitions.isEmpty()) {
            consumer.close();
            throw new IllegalStateException("Topic " + topic + " does not exist or has no partitions");
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        this.endOffsets = new TreeMap<>(Comparator.comparing(TopicPartition::partition));
        this.endOffsets.putAll(consumer.endOffsets(partitions));
        Map<TopicPartition, Long> beginnings = consumer.beginningOffsets(partitions);
        this.total = endOffsets.entrySet().stream().mapToLong(e -> e.getValue() - beginnings.get(e.getKey())).sum();
        partitions.forEach(tp -> buffers.put(tp, new ArrayDeque<>()));
    }

    /** Records in the log when it was opened (an upper bound: as-of and aborted records reduce it). */
    public long total() {
        return total;
    }

    @Override
    public boolean hasNext() {
        fill();
        return buffers.values().stream().anyMatch(buffer -> !buffer.isEmpty());
    }

    @Override
    public LoggedRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        ArrayDeque<ConsumerRecord<byte[], byte[]>> earliest = buffers.values().stream()
                .filter(buffer -> !buffer.isEmpty())
                .min(Comparator.comparing(ArrayDeque::peekFirst, LOG_ORDER))
                .orElseThrow();
        ConsumerRecord<byte[], byte[]> r = earliest.pollFirst();
        return new LoggedRecord(r.key(), r.value(), r.partition(), r.offset(), r.timestamp());
    }

    /** Polls until every partition that still has records has at least one buffered: only then is the merge order known. */
    private void fill() {
        while (true) {
            List<TopicPartition> starving = buffers.keySet().stream()
                    .filter(tp -> buffers.get(tp).isEmpty() && !exhausted(tp)).toList();
            if (starving.isEmpty()) {
                return;
            }
            Set<TopicPartition> full = new HashSet<>();
            buffers.forEach((tp, buffer) -> {
                if (buffer.size() >= BUFFER_PER_PARTITION) {
                    full.add(tp);
                }
            });
            consumer.pause(full);
            consumer.resume(buffers.keySet().stream().filter(tp -> !full.contains(tp)).toList());
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                TopicPartition tp = new TopicPartition(r.topic(), r.partition());
                if (stopped.contains(tp) || r.offset() >= endOffsets.get(tp)) {
                    continue;
                }
                if (asOf != null && r.timestamp() > asOf.toEpochMilli()) {
                    stopped.add(tp);
                    continue;
                }
                buffers.get(tp).addLast(r);
            }
        }
    }

    private boolean exhausted(TopicPartition tp) {
        return stopped.contains(tp) || consumer.position(tp) >= endOffsets.get(tp);
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
