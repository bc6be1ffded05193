package org.ceasefire.audit;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.apache.avro.specific.SpecificRecord;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a compacted output topic to its end (committed records only): the latest value per key, tombstones removed. */
public final class CompactedTopicReader {
    private CompactedTopicReader() {
    }

    /** Into memory, for small topics (the gazetteer). */
    public static <V> SortedMap<String, V> read(Map<String, Object> clientProperties, String topic, Deserializer<V> values) {
        SortedMap<String, V> latest = new TreeMap<>();
        read(clientProperties, topic, values, (key, value) -> {
            if (value == null) {
                latest.remove(key);
            } else {
                latest.put(key, value);
            }
        });
        return latest;
    }

    /** Into a table on disk, for output topics of any size. */
    public static <V extends SpecificRecord> ResultTable<V> read(Map<String, Object> clientProperties, String topic,
                                                                 Deserializer<V> values, Class<V> type) {
        ResultTable<V> latest = new ResultTable<>(type);
        try {
            read(clientProperties, topic, values, latest::put);
        } catch (RuntimeException e) {
            latest.close();
            throw e;
        }
        return latest;
    }

    /**
     * Hands the latest value of every key to {@code sink}, a tombstone as a null value, in batches: a key
     * written many times in one poll's batch (a tally updated by every statement) reaches the sink once.
     */
    private static <V> void read(Map<String, Object> clientProperties, String topic, Deserializer<V> values, BiConsumer<String, V> sink) {
        Map<String, V> latest = new HashMap<>();
        scan(clientProperties, topic, new StringDeserializer(), values, batch -> {
            latest.clear();
            batch.forEach(r -> latest.put(r.key(), r.value()));
            latest.forEach(sink);
        });
    }

    /** Hands every record of {@code topic}, from its beginning to the end it had when opened, to {@code sink}, one poll's batch at a time, in log order. */
    private static <K, V> void scan(Map<String, Object> clientProperties, String topic, Deserializer<K> keys, Deserializer<V> values,
                            Consumer<ConsumerRecords<K, V>> sink) {
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        try (KafkaConsumer<K, V> consumer = new KafkaConsumer<>(props, keys, values)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                sink.accept(consumer.poll(Duration.ofMillis(200)));
            }
        }
    }
}
