package org.ceasefire.ingest;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.ceasefire.avro.MinistryStatement;

/**
 * Produces statements to the statements topic keyed by statement_id, with an idempotent producer
 * ({@code acks=all}, {@code enable.idempotence=true}) so that retries never duplicate or reorder a
 * statement. At most {@code maxInFlight} statements are unacknowledged at any time, so memory stays
 * flat however large the input.
 */
public final class KafkaStatementSink implements StatementSink {
    public static final int DEFAULT_MAX_IN_FLIGHT = 20_000;

    private final KafkaProducer<String, MinistryStatement> producer;
    private final String topic;
    private final Semaphore inFlight;
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicReference<Exception> firstFailure = new AtomicReference<>();

    public KafkaStatementSink(String bootstrapServers, Serializer<MinistryStatement> valueSerializer, String topic, int maxInFlight) {
        this(producerConfig(bootstrapServers), valueSerializer, topic, maxInFlight);
    }

    public KafkaStatementSink(Map<String, Object> producerConfig, Serializer<MinistryStatement> valueSerializer, String topic, int maxInFlight) {
        this.producer = new KafkaProducer<>(producerConfig, new StringSerializer(), valueSerializer);
        this.topic = topic;
        this.inFlight = new Semaphore(maxInFlight);
    }

    /** The producer settings ingestion needs; larger batches and a short linger for throughput. */
    public static Map<String, Object> producerConfig(String bootstrapServers) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 10);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 128 * 1024);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "ceasefire-ingest");
        return config;
    }

    @Override
    public void send(MinistryStatement statement) {
        try {
            inFlight.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to send", e);
        }
        try {
            producer.send(new ProducerRecord<>(topic, statement.getStatementId(), statement), (metadata, error) -> {
                inFlight.release();
                if (error == null) {
                    acknowledged.incrementAndGet();
                } else {
                    fail(error);
                }
            });
        } catch (RuntimeException e) {
            // Serialization and registry errors are thrown by send() itself, before any callback.
            inFlight.release();
            fail(e);
        }
    }

    private void fail(Exception error) {
        failed.incrementAndGet();
        firstFailure.compareAndSet(null, error);
    }

    @Override
    public void flush() {
        producer.flush();
    }

    @Override
    public long acknowledged() {
        return acknowledged.get();
    }

    @Override
    public long failed() {
        return failed.get();
    }

    @Override
    public Exception firstFailure() {
        return firstFailure.get();
    }

    @Override
    public void close() {
        producer.close();
    }
}
