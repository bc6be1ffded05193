package org.ceasefire.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.ceasefire.avro.MinistryStatement;
import org.ceasefire.ingest.KafkaStatementSink;
import org.ceasefire.registry.EmbeddedSchemaRegistry;
import org.ceasefire.topics.Topics;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker as its own process, stopped (SIGTERM) and later killed (SIGKILL) mid-stream and started
 * again on the same data directory and port, while ingestion and the app (another process) run.
 */
class BrokerRestartIT {
    private static final Logger LOG = LoggerFactory.getLogger(BrokerRestartIT.class);
    private static final int STATEMENTS = Integer.getInteger("reliability.broker.statements", 2_000);

    @TempDir
    Path dir;

    @Test
    @DisplayName("broker stopped and killed mid-stream, restarted on the same data: ingestion retries, the app resumes, output equals the replay of the input log")
    void brokerRestartsLoseNothing() {
        List<MinistryStatement> statements = FaultCluster.generated(STATEMENTS, 77);
        try (BrokerProcess broker = new BrokerProcess(dir.resolve("kafka-data"), dir, List.of()).start()) {
            String bootstrap = broker.bootstrapServers();
            FaultCluster.prepareSchemasTopic(bootstrap);
            ChildJvm app = null;
            try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(bootstrap)) {
                Map<String, Object> client = FaultCluster.client(bootstrap, registry.url());
                Topics topics = FaultCluster.createTopics(client, "restart.");
                app = FaultCluster.startApp("restart-app", dir,
                        FaultCluster.runArgs(bootstrap, registry.url(), "restart.", "restart-eos", dir.resolve("state")));
                Map<String, Object> producer = new HashMap<>(KafkaStatementSink.producerConfig(bootstrap));
                // Ingestion outlives a broker restart: it retries until the record is delivered.
                producer.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 300_000);
                producer.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 300_000);
                try (Feeder feeder = new Feeder(producer, client, topics.statements(), statements).start(50, 300)) {
                    for (String how : List.of("SIGTERM", "SIGKILL")) {
                        int sentBefore = feeder.sent();
                        // Generous: a restarted broker on a busy machine can take a while to serve the producer again.
                        await("ingestion progressing before the " + how).atMost(Duration.ofSeconds(180)).untilAsserted(() ->
                                assertThat(feeder.sent()).as(() -> "feeder: " + feeder.state() + "\nbroker:\n" + broker.tail())
                                        .isGreaterThanOrEqualTo(sentBefore + 300));
                        if (how.equals("SIGTERM")) {
                            broker.stop();
                        } else {
                            broker.kill();
                        }
                        int sentWhileDown = feeder.sent();
                        // Down for a few seconds while the feeder keeps handing statements to the producer (whose send may
                        // block on metadata, up to max.block.ms): ingestion has to retry, not fail.
                        await().pollDelay(Duration.ofSeconds(6)).atMost(Duration.ofSeconds(10)).until(() -> true);
                        LOG.info("Broker {}: down with {} statements sent, restarting after {}", how, sentWhileDown, feeder.sent());
                        broker.start();
                    }
                    await("the feeder").atMost(Duration.ofSeconds(180 + STATEMENTS / 100)).until(feeder::done);
                    assertThat(feeder.acknowledged()).isEqualTo(STATEMENTS);
                    assertThat(feeder.failed()).as("first failure: %s", feeder.firstFailure()).isZero();
                }
                assertThat(app.isAlive()).as("the app survived the broker restarts:\n%s", app.tail()).isTrue();
                FaultCluster.Verdict[] verdict = new FaultCluster.Verdict[1];
                // Only a difference is retried (the app may still be catching up); an error reading the output fails at once.
                await("the live output to equal the replay").atMost(Duration.ofSeconds(180 + STATEMENTS / 50)).pollInterval(Duration.ofSeconds(3))
                        .untilAsserted(() -> {
                            verdict[0] = FaultCluster.verify(client, topics, dir);
                            assertThat(verdict[0].differences()).as(verdict[0].summary()).isEmpty();
                            assertThat(verdict[0].directDifferences()).as(verdict[0].summary()).isEmpty();
                        });
                LOG.info("RESULT broker-restart: restarts 2 (SIGTERM, SIGKILL), statements in {}, {}", STATEMENTS, verdict[0].summary());
                assertThat(verdict[0].statementsInLog()).isEqualTo(STATEMENTS);
                assertThat(verdict[0].deadLetters()).isZero();
                assertThat(verdict[0].expectedContradictions()).isGreaterThan(10);
                assertThat(verdict[0].liveTallies()).isEqualTo(verdict[0].expectedTallies());
            } finally {
                if (app != null) {
                    app.close();
                }
            }
        }
    }
}
