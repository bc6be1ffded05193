package org.ceasefire.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.ceasefire.app.CeasefireApp;
import org.ceasefire.audit.AuditReplay;
import org.ceasefire.audit.AuditResults;
import org.ceasefire.audit.ResultsDiffer;
import org.ceasefire.avro.MinistryStatement;
import org.ceasefire.cli.Main;
import org.ceasefire.config.AppConfig;
import org.ceasefire.embedded.EmbeddedKafka;
import org.ceasefire.ingest.KafkaStatementSink;
import org.ceasefire.ingest.StatementJsonWriter;
import org.ceasefire.registry.EmbeddedSchemaRegistry;
import org.ceasefire.registry.serde.AvroSerdes;
import org.ceasefire.testdata.LiveCluster;
import org.ceasefire.topics.Topics;
import org.ceasefire.topology.TopologyConfig;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Re-ingesting the same data, and a producer that resends after a timeout, must not change any result. */
class DuplicatesIT {
    private static final Logger LOG = LoggerFactory.getLogger(DuplicatesIT.class);
    /** One broker and registry for the class, closed after its last test. */
    @AutoClose
    private static final LiveCluster cluster = new LiveCluster();
    private static final EmbeddedKafka kafka = cluster.kafka;
    private static final EmbeddedSchemaRegistry registry = cluster.registry;

    @TempDir
    Path dir;

    private Map<String, Object> client() {
        return FaultCluster.client(kafka.bootstrapServers(), registry.url());
    }

    private CeasefireApp app(String prefix) {
        return CeasefireApp.start(AppConfig.of(Map.of("bootstrap.servers", kafka.bootstrapServers(), "schema.registry.url", registry.url(),
                "ceasefire.topic.prefix", prefix, "ceasefire.topic.partitions", String.valueOf(FaultCluster.PARTITIONS),
                "ceasefire.topic.replication.factor", "1", "ceasefire.http.port", "0", "application.id", "dup-" + prefix,
                "state.dir", dir.resolve("state-" + prefix).toString())));
    }

    /** Waits until the app's committed output equals the replay of its input log, and returns that output. */
    private AuditResults settled(Topics topics) {
        FaultCluster.Verdict[] verdict = new FaultCluster.Verdict[1];
        await("the live output of " + topics.prefix() + " to equal the replay").atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
                    verdict[0] = FaultCluster.verify(client(), topics, dir);
                    assertThat(verdict[0].differences()).as(verdict[0].summary()).isEmpty();
                    assertThat(verdict[0].directDifferences()).as(verdict[0].summary()).isEmpty();
                });
        LOG.info("{}: {}", topics.prefix(), verdict[0].summary());
        return new AuditReplay(client(), TopologyConfig.of(topics, FaultCluster.CONFLICT.conflict(), client())).liveResults();
    }

    private int ingest(Path file, String prefix) {
        StringWriter out = new StringWriter();
        return Main.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(out)).execute("ingest", file.toString(),
                "--bootstrap-servers", kafka.bootstrapServers(), "--schema-registry-url", registry.url(), "--topic-prefix", prefix);
    }

    @Test
    @DisplayName("the same JSON Lines file ingested three times gives the same tallies and contradictions as once, record by record")
    void sameFileThreeTimes() throws Exception {
        List<MinistryStatement> statements = FaultCluster.generated(800, 41);
        Path file = dir.resolve("statements.jsonl");
        try (OutputStream os = Files.newOutputStream(file); StatementJsonWriter writer = new StatementJsonWriter(os)) {
            for (MinistryStatement s : statements) {
                writer.write(s);
            }
        }
        Topics once = FaultCluster.createTopics(client(), "once.");
        Topics thrice = FaultCluster.createTopics(client(), "thrice.");
        try (CeasefireApp a = app("once."); CeasefireApp b = app("thrice.")) {
            assertThat(ingest(file, "once.")).isZero();
            for (int i = 0; i < 3; i++) {
                assertThat(ingest(file, "thrice.")).as("ingestion %d", i + 1).isZero();
            }
            try (AuditResults one = settled(once); AuditResults three = settled(thrice)) {
                assertThat(FaultCluster.countCommitted(client(), thrice.statements()))
                        .isEqualTo(3 * FaultCluster.countCommitted(client(), once.statements())).isEqualTo(3L * statements.size());
                assertThat(one.tallies().size()).isPositive();
                assertThat(one.contradictions().size()).isPositive();
                assertThat(ResultsDiffer.compare(three, one)).as("thrice against once").isEmpty();
                LOG.info("RESULT duplicates-file: ingestions 3, records in {} (once {}), tallies {} = {}, contradictions {} = {}, differences 0",
                        3 * statements.size(), statements.size(), three.tallies().size(), one.tallies().size(),
                        three.contradictions().size(), one.contradictions().size());
            }
        }
    }

    @Test
    @DisplayName("a producer that gives up waiting (timeout) and resends the whole batch from a new producer: duplicates in the log, the same results as once")
    void producerRetriedAfterTimeout() throws Exception {
        List<MinistryStatement> statements = FaultCluster.generated(600, 43);
        Topics once = FaultCluster.createTopics(client(), "sent-once.");
        Topics retried = FaultCluster.createTopics(client(), "retried.");
        try (CeasefireApp a = app("sent-once."); CeasefireApp b = app("retried.")) {
            try (KafkaStatementSink sink = new KafkaStatementSink(kafka.bootstrapServers(),
                    AvroSerdes.<MinistryStatement>specific(client(), false).serializer(), once.statements(), 10_000)) {
                statements.forEach(sink::send);
                sink.flush();
                assertThat(sink.acknowledged()).isEqualTo(statements.size());
            }
            // The first attempt: the caller waits a millisecond for the acknowledgement, times out, and cannot know
            // whether the records were written (they were). It resends everything with a new producer (a new producer
            // id, so the broker's idempotence cannot drop the copies).
            try (KafkaProducer<String, MinistryStatement> first = producer()) {
                List<Future<RecordMetadata>> sends = new ArrayList<>();
                statements.forEach(s -> sends.add(first.send(new ProducerRecord<>(retried.statements(), s.getStatementId(), s))));
                Throwable timeout = catchThrowable(() -> sends.get(sends.size() - 1).get(1, TimeUnit.MICROSECONDS));
                assertThat(timeout).isInstanceOf(TimeoutException.class);
                first.flush();
            }
            try (KafkaProducer<String, MinistryStatement> second = producer()) {
                for (MinistryStatement s : statements) {
                    second.send(new ProducerRecord<>(retried.statements(), s.getStatementId(), s));
                }
                second.flush();
            }
            try (AuditResults one = settled(once); AuditResults twice = settled(retried)) {
                assertThat(FaultCluster.countCommitted(client(), retried.statements())).isEqualTo(2L * statements.size());
                assertThat(one.tallies().size()).isPositive();
                assertThat(ResultsDiffer.compare(twice, one)).as("retried against once").isEmpty();
                LOG.info("RESULT duplicates-retry: resends 1, records in {} (once {}), tallies {} = {}, contradictions {} = {}, differences 0",
                        2 * statements.size(), statements.size(), twice.tallies().size(), one.tallies().size(),
                        twice.contradictions().size(), one.contradictions().size());
            }
        }
    }

    private KafkaProducer<String, MinistryStatement> producer() {
        return new KafkaProducer<>(Map.of("bootstrap.servers", kafka.bootstrapServers(), "acks", "all", "linger.ms", 50),
                new StringSerializer(), AvroSerdes.<MinistryStatement>specific(client(), false).serializer());
    }
}
