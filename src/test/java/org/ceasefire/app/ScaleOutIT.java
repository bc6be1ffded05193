package org.ceasefire.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.apache.kafka.streams.KafkaStreams;
import org.ceasefire.audit.AuditReplay;
import org.ceasefire.avro.MinistryStatement;
import org.ceasefire.ingest.Progress;
import org.ceasefire.testdata.LiveCluster;
import org.ceasefire.topics.Topics;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScaleOutIT {
    @TempDir
    Path dir;

    @Test
    @DisplayName("a second instance joins and the first leaves mid-stream, then the first restarts from its state: the outputs equal one uninterrupted run")
    void rebalancesAndRestartsGiveTheResultsOfOneRun() {
        try (LiveCluster cluster = new LiveCluster()) {
            Topics topics = cluster.createTopics("scale.", 4);
            List<MinistryStatement> statements = LiveCluster.generated(2_000, 21);
            Path stateA = dir.resolve("state-a");
            CeasefireApp first = CeasefireApp.start(cluster.appConfig(topics, 4, "scale-out", stateA));
            CeasefireApp second;
            try {
                cluster.produce(topics, statements.subList(0, 500));
                second = CeasefireApp.start(cluster.appConfig(topics, 4, "scale-out", dir.resolve("state-b")));
                cluster.produce(topics, statements.subList(500, 1_000));
                await().atMost(Duration.ofSeconds(60)).until(() -> running(first) && running(second));
            } finally {
                first.close();
            }
            cluster.produce(topics, statements.subList(1_000, 1_500));
            try (CeasefireApp restarted = CeasefireApp.start(cluster.appConfig(topics, 4, "scale-out", stateA))) {
                cluster.produce(topics, statements.subList(1_500, 2_000));
                await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() ->
                        assertThat(cluster.differencesFromReplay(topics, dir.resolve("audit"))).isEmpty());
                try (AuditReplay.Outcome outcome = cluster.audit(topics).replay(new AuditReplay.Options(null, null, null, dir.resolve("final")),
                        Progress.NONE)) {
                    assertThat(outcome.statements()).isEqualTo(2_000);
                    assertThat(outcome.results().contradictions().size()).isGreaterThan(50);
                }
                // Both members must settle: a group still rebalancing at the end has not shown it can serve.
                await("both instances RUNNING").atMost(Duration.ofSeconds(60)).until(() -> running(restarted) && running(second));
                assertThat(restarted.streams().state()).isEqualTo(KafkaStreams.State.RUNNING);
                assertThat(second.streams().state()).isEqualTo(KafkaStreams.State.RUNNING);
            } finally {
                second.close();
            }
        }
    }

    private static boolean running(CeasefireApp app) {
        return app.streams().state() == KafkaStreams.State.RUNNING;
    }
}
