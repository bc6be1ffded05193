package org.ceasefire.registry.server;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.ceasefire.registry.SchemaRegistryException;
import org.ceasefire.registry.store.LogEntry;
import org.ceasefire.registry.store.RegistryState;
import org.ceasefire.registry.store.SchemaLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry's state kept in a compacted, single-partition Kafka topic, as Confluent's registry
 * keeps it in {@code _schemas}. One thread reads the topic from the start and applies every
 * record to the {@link RegistryState}; a write returns only once that thread has applied it, so
 * every instance on the cluster sees changes in the same order and a restart rebuilds the state.
 */
public final class KafkaSchemaLog implements SchemaLog, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaSchemaLog.class);

    private final String topic;
    private final TopicPartition partition;
    private final RegistryState state;
    private final Duration timeout;
    private final Admin admin;
    private final KafkaProducer<byte[], byte[]> producer;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Thread reader;
    private final Object progress = new Object();
    private long appliedUpTo;
    private RuntimeException readerFailure;
    private volatile boolean running = true;

    private KafkaSchemaLog(String bootstrapServers, String topic, RegistryState state, Duration timeout) {
        this.topic = topic;
        this.partition = new TopicPartition(topic, 0);
        this.state = state;
        this.timeout = timeout;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        this.producer = new KafkaProducer<>(producerConfig(bootstrapServers, timeout));
        this.consumer = new KafkaConsumer<>(consumerConfig(bootstrapServers));
        this.reader = new Thread(this::readForever, "schema-registry-log-reader");
        this.reader.setDaemon(true);
    }

    /** Creates the topic if needed, reads it to the end, and keeps following it. */
    public static KafkaSchemaLog open(String bootstrapServers, String topic, RegistryState state, Duration timeout) {
        KafkaSchemaLog log = new KafkaSchemaLog(bootstrapServers, topic, state, timeout);
        try {
            log.ensureTopic();
            log.consumer.assign(List.of(log.partition));
            log.consumer.seekToBeginning(List.of(log.partition));
            log.reader.start();
            log.catchUp();
            return log;
        } catch (RuntimeException e) {
            log.close();
            throw e;
        }
    }

    private void ensureTopic() {
        try {
            int brokers = admin.describeCluster().nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS).size();
            NewTopic newTopic = new NewTopic(topic, 1, (short) Math.min(3, brokers))
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
            try {
                admin.createTopics(List.of(newTopic)).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                LOG.info("Created schemas topic {}", topic);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
            TopicDescription description = describeOnceKnown();
            // Ids are assigned in log order: with several partitions there would be no one order.
            if (description.partitions().size() != 1) {
                throw SchemaRegistryException.storeError("topic " + topic + " has " + description.partitions().size()
                        + " partitions; the schemas topic must have exactly one", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SchemaRegistryException.storeError("interrupted while preparing topic " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw SchemaRegistryException.storeError("cannot prepare topic " + topic + ": " + e, e);
        }
    }

    /**
     * Describes the topic, retrying while the broker does not know it yet: a topic just created may take
     * a moment to reach the broker's metadata, most of all on a busy machine.
     */
    private TopicDescription describeOnceKnown() throws InterruptedException, ExecutionException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                return admin.describeTopics(List.of(topic)).allTopicNames()
                        .get(timeout.toMillis(), TimeUnit.MILLISECONDS).get(topic);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException)
                        || System.nanoTime() > deadline) {
                    throw e;
                }
                TimeUnit.MILLISECONDS.sleep(100);
            }
        }
    }

    @Override
    public void append(LogEntry entry) {
        long offset;
        try {
            offset = producer.send(new ProducerRecord<>(topic, 0, LogCodec.key(entry), LogCodec.value(entry)))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS).offset();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SchemaRegistryException.storeError("interrupted while writing to " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw SchemaRegistryException.storeError("cannot write to topic " + topic + ": " + e, e);
        }
        awaitApplied(offset + 1);
    }

    @Override
    public void catchUp() {
        long end;
        try {
            end = admin.listOffsets(Map.of(partition, OffsetSpec.latest())).partitionResult(partition)
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS).offset();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SchemaRegistryException.storeError("interrupted while reading the end of " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw SchemaRegistryException.storeError("cannot read the end offset of " + topic + ": " + e, e);
        }
        awaitApplied(end);
    }

    private void awaitApplied(long offset) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (progress) {
            while (appliedUpTo < offset) {
                if (readerFailure != null) {
                    throw SchemaRegistryException.storeError("the reader of " + topic + " stopped", readerFailure);
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw SchemaRegistryException.storeError("timed out after " + timeout + " waiting to read "
                            + topic + " up to offset " + offset + " (read up to " + appliedUpTo + ")", null);
                }
                try {
                    progress.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw SchemaRegistryException.storeError("interrupted while reading " + topic, e);
                }
            }
        }
    }

    private void readForever() {
        try {
            while (running) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    applyRecord(record);
                }
                long position = consumer.position(partition);
                synchronized (progress) {
                    appliedUpTo = position;
                    progress.notifyAll();
                }
            }
        } catch (WakeupException closing) {
            // close() woke us up
        } catch (RuntimeException e) {
            LOG.error("Stopped reading schemas topic {}", topic, e);
            synchronized (progress) {
                readerFailure = e;
                progress.notifyAll();
            }
        }
    }

    private void applyRecord(ConsumerRecord<byte[], byte[]> record) {
        try {
            Optional<LogEntry> entry = LogCodec.decode(record.key(), record.value());
            if (entry.isPresent() && !state.apply(entry.get())) {
                LOG.debug("Ignored {} at offset {}: it contradicts earlier entries", entry.get(), record.offset());
            }
        } catch (Exception unreadable) {
            LOG.warn("Skipped unreadable record at offset {} of {}: {}", record.offset(), topic, unreadable.toString());
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        if (reader.isAlive() && Thread.currentThread() != reader) {
            try {
                reader.join(timeout.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (!reader.isAlive()) {
            consumer.close(Duration.ofSeconds(5));
        }
        producer.close(Duration.ofSeconds(5));
        admin.close(Duration.ofSeconds(5));
    }

    private static Properties producerConfig(String bootstrapServers, Duration timeout) {
        Properties config = new Properties();
        // A registry request waits at most the store timeout, also while the cluster is unreachable.
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) timeout.toMillis());
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return config;
    }

    private static Properties consumerConfig(String bootstrapServers) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return config;
    }
}
