package org.ceasefire.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.ceasefire.avro.MinistryStatement;
import org.ceasefire.embedded.EmbeddedKafka;
import org.ceasefire.ingest.KafkaStatementSink;
import org.ceasefire.registry.EmbeddedSchemaRegistry;
import org.ceasefire.testdata.LiveCluster;
import org.ceasefire.topics.Topics;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The application as its own JVM under exactly_once_v2, killed with SIGKILL at seeded random points
 * while a producer keeps feeding statements, and restarted on the same state directory; then the
 * committed output must equal the replay of the input log, record by record.
 */
class CrashUnderExactlyOnceIT {
    private static final Logger LOG = LoggerFactory.getLogger(CrashUnderExactlyOnceIT.class);
    static final int KILLS = Integer.getInteger("reliability.kills", 3);
    static final int STATEMENTS = Integer.getInteger("reliability.statements", 3_000);
    static final long SEED = Long.getLong("reliability.seed", 20_231_119L);

    /** One broker and registry for the class, closed after its last test. */
    @AutoClose
    private static final LiveCluster cluster = new LiveCluster();
    private static final EmbeddedKafka kafka = cluster.kafka;
    private static final EmbeddedSchemaRegistry registry = cluster.registry;

    @TempDir
    Path dir;

    @Test
    @DisplayName("SIGKILL of the app at 3+ seeded random points while statements arrive: committed tallies and contradictions equal the replay of the input log, none missing, extra or double-counted")
    void killedAndRestartedAppLosesAndDuplicatesNothing() throws Exception {
        Map<String, Object> client = FaultCluster.client(kafka.bootstrapServers(), registry.url());
        Topics topics = FaultCluster.createTopics(client, "crash.");
        List<MinistryStatement> statements = FaultCluster.generated(STATEMENTS, SEED);
        Random random = new Random(SEED);
        List<String> args = FaultCluster.runArgs(kafka.bootstrapServers(), registry.url(), "crash.", "crash-eos", dir.resolve("state"));
        int kills = 0;
        // Measured, not counted by the loop: an incarnation that had already died, or ended some other way, is no SIGKILL.
        int killedBySignal = 0;
        ChildJvm app = FaultCluster.startApp("crash-app", dir, args);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()));
             Feeder feeder = new Feeder(KafkaStatementSink.producerConfig(kafka.bootstrapServers()), client, topics.statements(),
                statements)) {
            feeder.start(60, 300);
            while (kills < KILLS) {
                // Kill only once this incarnation has written output of its own, after a random extra delay, and then at
                // the first moment a transaction holds tally records not yet committed (written before the first reading,
                // not stable at the second): on a busy machine a random point alone can miss every transaction.
                long before = endOffsets(admin, topics.sectorTallies(), IsolationLevel.READ_UNCOMMITTED);
                await("output from the restarted app").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100))
                        .until(() -> endOffsets(admin, topics.sectorTallies(), IsolationLevel.READ_UNCOMMITTED) > before);
                long extraMillis = random.nextInt(1_500);
                await().pollDelay(Duration.ofMillis(extraMillis)).atMost(Duration.ofMillis(extraMillis + 1_000)).until(() -> true);
                await("an open transaction with tally records").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(5))
                        .until(() -> endOffsets(admin, topics.sectorTallies(), IsolationLevel.READ_UNCOMMITTED)
                                > endOffsets(admin, topics.sectorTallies(), IsolationLevel.READ_COMMITTED));
                assertThat(app.isAlive()).as("incarnation %d alive when it is to be killed:\n%s", kills + 1, app.tail()).isTrue();
                app.kill();
                kills++;
                if (app.exitValue() == 128 + 9) {
                    killedBySignal++;
                }
                LOG.info("SIGKILL {} of the app (pid {}) after {} statements sent, {} ms after its first output", kills, app.pid(),
                        feeder.sent(), extraMillis);
                app.close();
                app = FaultCluster.startApp("crash-app", dir, args);
            }
            await("the feeder").atMost(Duration.ofSeconds(120 + STATEMENTS / 100)).until(feeder::done);
            assertThat(feeder.acknowledged()).isEqualTo(STATEMENTS);
            assertThat(feeder.failed()).isZero();

            FaultCluster.Verdict[] verdict = new FaultCluster.Verdict[1];
            await("the live output to equal the replay").atMost(Duration.ofSeconds(180 + STATEMENTS / 50)).pollInterval(Duration.ofSeconds(3))
                    .untilAsserted(() -> {
                        verdict[0] = FaultCluster.verify(client, topics, dir);
                        assertThat(verdict[0].differences()).as(verdict[0].summary()).isEmpty();
                        assertThat(verdict[0].directDifferences()).as(verdict[0].summary()).isEmpty();
                    });
            long aborted = FaultCluster.readAll(client, topics.sectorTallies(), "read_uncommitted").size()
                    - FaultCluster.readAll(client, topics.sectorTallies(), "read_committed").size();
            assertThat(aborted).as("kills landed inside open transactions: their records were aborted").isPositive();
            LOG.info("RESULT crash: kills {}, statements in {}, {}; tally records in aborted transactions {}",
                    kills, STATEMENTS, verdict[0].summary(), aborted);
            assertThat(killedBySignal).as("incarnations ended by SIGKILL (exit 137) after committing output").isEqualTo(KILLS)
                    .isGreaterThanOrEqualTo(3);
            assertThat(verdict[0].statementsInLog()).isEqualTo(STATEMENTS);
            assertThat(verdict[0].deadLetters()).isZero();
            assertThat(verdict[0].expectedContradictions()).isGreaterThan(20);
            assertThat(verdict[0].liveTallies()).isEqualTo(verdict[0].expectedTallies());
            assertThat(verdict[0].liveContradictions()).isEqualTo(verdict[0].expectedContradictions());
        } finally {
            app.close();
        }
    }

    /**
     * The sum of a topic's end offsets: read uncommitted the high watermarks, which grow with every write, committed
     * or not; read committed the last stable offsets, which stay behind them while a transaction is open.
     */
    private static long endOffsets(Admin admin, String topic, IsolationLevel isolation) throws Exception {
        var partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().stream()
                .map(p -> new TopicPartition(topic, p.partition()))
                .collect(java.util.stream.Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
        return admin.listOffsets(partitions, new ListOffsetsOptions(isolation)).all().get().values().stream()
                .mapToLong(info -> info.offset()).sum();
    }
}
