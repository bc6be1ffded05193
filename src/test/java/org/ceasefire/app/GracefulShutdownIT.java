package org.ceasefire.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.ceasefire.audit.AuditReplay;
import org.ceasefire.ingest.Progress;
import org.ceasefire.testdata.LiveCluster;
import org.ceasefire.topics.Topics;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged application as its own process, stopped the way a container runtime stops it. */
class GracefulShutdownIT {
    @TempDir
    Path dir;

    @Test
    @DisplayName("run stops on SIGTERM within 30 s with exit code 0, and everything it processed is committed")
    void sigtermClosesCleanly() throws Exception {
        Path jar = Path.of("target", "ceasefire-monitor.jar");
        assertThat(jar).as("the packaged jar (failsafe runs after package)").exists();
        try (LiveCluster cluster = new LiveCluster()) {
            Topics topics = cluster.createTopics("sigterm.", 2);
            Path log = dir.resolve("app.log");
            Process app = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-jar", jar.toString(), "run",
                    "--bootstrap-servers", cluster.kafka.bootstrapServers(),
                    "--schema-registry-url", cluster.registry.url(),
                    "--topic-prefix", "sigterm.",
                    "-D", "application.id=sigterm-app",
                    "-D", "ceasefire.http.port=0",
                    "-D", "ceasefire.topic.replication.factor=1",
                    "-D", "ceasefire.topic.partitions=2",
                    "-D", "state.dir=" + dir.resolve("state"))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> Files.readString(log).contains("ceasefire-monitor running"));
                cluster.produce(topics, LiveCluster.generated(600, 9));
                await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() ->
                        assertThat(cluster.differencesFromReplay(topics, dir.resolve("audit"))).isEmpty());

                long began = System.nanoTime();
                app.destroy();
                assertThat(app.waitFor(30, TimeUnit.SECONDS)).as("stopped within 30 s").isTrue();
                assertThat(app.exitValue()).as(tail(log)).isZero();
                assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(30));
                assertThat(Files.readString(log)).contains("Stopped cleanly");
            } finally {
                app.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            try (AuditReplay.Outcome after = cluster.audit(topics).replayAndCompare(
                    new AuditReplay.Options(null, null, null, dir.resolve("after")), Progress.NONE)) {
                assertThat(after.differences()).isEmpty();
                assertThat(after.results().contradictions().size()).isPositive();
            }
        }
    }

    private static String tail(Path log) throws Exception {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(log), StandardCharsets.UTF_8))) {
            List<String> lines = reader.lines().toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        }
    }
}
