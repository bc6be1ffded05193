package org.ceasefire.audit;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.ceasefire.embedded.EmbeddedKafka;
import org.ceasefire.topics.Topics;

/**
 * The replay's own Kafka broker, in this process, on a temporary directory that is deleted on close:
 * the topology's input, repartition and output topics live there, never on the cluster being audited.
 * Every topic has one partition, so the topology sees the statements in exactly the order they are
 * handed over (the log-append-time order of the real log), and nothing is ever deleted by age: the
 * records carry the real log's timestamps, which may be years old.
 */
final class ReplayBroker implements AutoCloseable {
    /** The largest record the replay carries: any statement the real log can hold, and its dead letter. */
    static final int MAX_RECORD_BYTES = 64 << 20;

    private static final Map<String, String> SETTINGS = Map.of(
            "num.partitions", "1",
            "log.retention.ms", "-1",
            "message.max.bytes", String.valueOf(MAX_RECORD_BYTES),
            // One process, one replay: no point waiting for more group members.
            "group.initial.rebalance.delay.ms", "0");

    private final EmbeddedKafka kafka;

    private ReplayBroker(EmbeddedKafka kafka) {
        this.kafka = kafka;
    }

    /** Starts a broker and creates the topology's source and output topics on it. */
    static ReplayBroker start(Topics topics) {
        ReplayBroker broker = new ReplayBroker(EmbeddedKafka.start(SETTINGS));
        try (Admin admin = broker.admin()) {
            List<NewTopic> created = List.of(topics.statements(), topics.gazetteer(), topics.sectorTallies(), topics.contradictions(),
                    topics.late(), topics.deadLetters()).stream().map(name -> new NewTopic(name, 1, (short) 1)).toList();
            admin.createTopics(created).all().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            broker.close();
            throw new IllegalStateException("Interrupted while creating the replay's topics", e);
        } catch (ExecutionException | TimeoutException e) {
            broker.close();
            throw new IllegalStateException("Cannot create the replay's topics on its private broker: " + e.getMessage(), e);
        }
        return broker;
    }

    String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
    }

    @Override
    public void close() {
        kafka.close();
    }
}
