package org.ceasefire.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class RetriableNoiseTest {
    private static final String SENDER = "org.apache.kafka.clients.producer.internals.Sender";
    private static final String REPLICA_MANAGER = "kafka.server.ReplicaManager";
    /** The broker's message for KAFKA-18202's retriable case, as Kafka 4.4 writes it. */
    private static final String FIRST_SEQUENCE = "Invalid sequence number for producer 3 at offset 929 in partition t-1: 28 (incoming seq. number). "
            + "Expected sequence 0 for transactions v2 idempotent producer with no existing state.";

    @TempDir
    Path dir;

    private static LoggingEvent event(String logger, Level level, String message, Throwable error) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        return new LoggingEvent(RetriableNoiseTest.class.getName(), context.getLogger(logger), level, message, error, null);
    }

    @Test
    @DisplayName("the broker's transactions-v2 first-sequence error and the producer's CONCURRENT_TRANSACTIONS retry are noise; other errors are not")
    void tellsRetriedErrorsFromOthers() {
        assertThat(RetriableNoise.isRetriableNoise(event(REPLICA_MANAGER, Level.ERROR,
                "[ReplicaManager broker=1] Error processing append operation on partition t-1", new OutOfOrderSequenceException(FIRST_SEQUENCE))))
                .isTrue();
        assertThat(RetriableNoise.isRetriableNoise(event(SENDER, Level.WARN, "[Producer clientId=p] Got error produce response with "
                + "correlation id 26 on topic-partition t-3, retrying (2147483646 attempts left). Error: CONCURRENT_TRANSACTIONS", null))).isTrue();

        assertThat(RetriableNoise.isRetriableNoise(event(REPLICA_MANAGER, Level.ERROR, "Error processing append operation on partition t-1",
                new OutOfOrderSequenceException("Out of order sequence number for producer 7: 51 (incoming seq. number), 49 (current end sequence number)"))))
                .as("an out-of-order sequence outside the transactions v2 first-sequence check").isFalse();
        assertThat(RetriableNoise.isRetriableNoise(event(SENDER, Level.WARN, "Got error produce response. Error: TOPIC_AUTHORIZATION_FAILED",
                new TopicAuthorizationException("denied")))).isFalse();
        assertThat(RetriableNoise.isRetriableNoise(event("org.ceasefire.app.CeasefireApp", Level.WARN, "Error: CONCURRENT_TRANSACTIONS", null)))
                .as("the app's own lines always stay").isFalse();
        assertThat(RetriableNoise.isRetriableNoise(event(SENDER, Level.INFO, "Error: CONCURRENT_TRANSACTIONS", null))).isFalse();
    }

    @Test
    @DisplayName("while diverted, Kafka's retried errors go to the file and are counted, and nothing else is")
    void divertsToTheFileAndCounts() throws Exception {
        Path file = dir.resolve("retries.log");
        try (RetriableNoise noise = RetriableNoise.divertTo(file)) {
            Logger sender = (Logger) LoggerFactory.getLogger(SENDER);
            sender.warn("Got error produce response on topic-partition t-3, retrying. Error: CONCURRENT_TRANSACTIONS");
            ((Logger) LoggerFactory.getLogger(REPLICA_MANAGER)).error("Error processing append operation on partition t-1",
                    new OutOfOrderSequenceException(FIRST_SEQUENCE));
            sender.warn("Got error produce response. Error: TOPIC_AUTHORIZATION_FAILED");
            assertThat(noise.count()).isEqualTo(2);
            assertThat(noise.summary()).isEqualTo("Kafka logged 2 errors it retried by itself (not shown above): " + file);
        }
        String logged = Files.readString(file);
        assertThat(logged).contains("CONCURRENT_TRANSACTIONS", "Expected sequence 0 for transactions v2").doesNotContain("TOPIC_AUTHORIZATION_FAILED");
    }
}
