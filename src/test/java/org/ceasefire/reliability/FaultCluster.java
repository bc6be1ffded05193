package org.ceasefire.reliability;

import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.ceasefire.audit.AuditReplay;
import org.ceasefire.audit.AuditResults;
import org.ceasefire.audit.Difference;
import org.ceasefire.audit.ResultsDiffer;
import org.ceasefire.avro.ClaimContradiction;
import org.ceasefire.avro.MinistryStatement;
import org.ceasefire.avro.Place;
import org.ceasefire.avro.SectorTally;
import org.ceasefire.conflict.GazetteerFile;
import org.ceasefire.ingest.GazetteerLoader;
import org.ceasefire.ingest.Progress;
import org.ceasefire.ingest.generator.SpellingBook;
import org.ceasefire.ingest.generator.StatementGenerator;
import org.ceasefire.ingest.generator.SyntheticGazetteer;
import org.ceasefire.registry.EmbeddedSchemaRegistry;
import org.ceasefire.registry.serde.AvroSerdes;
import org.ceasefire.topics.TopicBootstrapper;
import org.ceasefire.topics.TopicSpec;
import org.ceasefire.topics.Topics;
import org.ceasefire.topology.TopologyConfig;

/**
 * What the fault tests share: the topics and gazetteer on a broker (in this JVM or another process),
 * the generated input, the application as a child JVM, and the verifier that recomputes the expected
 * results from the input log with {@link AuditReplay} and compares them with the committed output.
 */
final class FaultCluster {
    static final GazetteerFile CONFLICT = GazetteerFile.builtIn();
    static final int PARTITIONS = 3;

    private FaultCluster() {
    }

    /** The {@code _schemas} topic before the registry, so a busy broker cannot fail the registry's start. */
    static void prepareSchemasTopic(String bootstrap) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            new TopicBootstrapper(admin).ensure(List.of(new TopicSpec(EmbeddedSchemaRegistry.SCHEMAS_TOPIC, 1, (short) 1,
                    Map.of("cleanup.policy", "compact"))));
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> admin
                    .describeTopics(List.of(EmbeddedSchemaRegistry.SCHEMAS_TOPIC)).allTopicNames().get()
                    .get(EmbeddedSchemaRegistry.SCHEMAS_TOPIC).partitions().size() == 1);
        }
    }

    static Map<String, Object> client(String bootstrap, String registryUrl) {
        return Map.of("bootstrap.servers", bootstrap, "schema.registry.url", registryUrl);
    }

    /** Creates the application's topics under {@code prefix} and loads the built-in gazetteer. */
    static Topics createTopics(Map<String, Object> client, String prefix) {
        Topics topics = new Topics(prefix);
        try (Admin admin = Admin.create(client)) {
            new TopicBootstrapper(admin).ensure(topics.specs(PARTITIONS, (short) 1));
        }
        new GazetteerLoader((String) client.get("bootstrap.servers"), AvroSerdes.<Place>specific(client, false).serializer())
                .load(CONFLICT.places(), topics.gazetteer());
        return topics;
    }

    /** Realistic statements: revisions, retractions, denials with refers_to, late ones, duplicates of ids. */
    static List<MinistryStatement> generated(long count, long seed) {
        SyntheticGazetteer.World world = SyntheticGazetteer.extend(CONFLICT, SpellingBook.readOrBuiltIn(null), 0, seed);
        List<MinistryStatement> statements = new ArrayList<>();
        new StatementGenerator(world, seed).generate(count, statements::add);
        return statements;
    }

    /** {@code run} arguments for one instance of the app under {@code applicationId}, its state in {@code stateDir}. */
    static List<String> runArgs(String bootstrap, String registryUrl, String prefix, String applicationId, Path stateDir) {
        return List.of("run", "--bootstrap-servers", bootstrap, "--schema-registry-url", registryUrl, "--topic-prefix", prefix,
                "-D", "application.id=" + applicationId,
                "-D", "state.dir=" + stateDir,
                "-D", "ceasefire.http.port=0",
                "-D", "ceasefire.topic.partitions=" + PARTITIONS,
                "-D", "ceasefire.topic.replication.factor=1",
                // A killed member leaves the group after its session timeout: keep that short so restarts rebalance quickly.
                "-D", "session.timeout.ms=6000",
                "-D", "heartbeat.interval.ms=1000");
    }

    static ChildJvm startApp(String name, Path logDir, List<String> args) {
        ChildJvm app = ChildJvm.start(name, logDir, args);
        try {
            app.awaitLine("ceasefire-monitor running; dashboard (\\S+)", Duration.ofSeconds(90));
            return app;
        } catch (RuntimeException e) {
            app.close();
            throw e;
        }
    }

    /** The verifier's verdict: what the input log holds, what replaying it gives, and how the live output differs. */
    record Verdict(long statementsInLog, long rejectedByReplay, long deadLetters, long expectedTallies, long expectedContradictions,
                   long liveTallies, long liveContradictions, List<Difference> differences, List<String> directDifferences) {
        String summary() {
            return String.format("statements in log %d, rejected by the replay %d, DLQ %d, tallies expected %d live %d, contradictions expected %d live %d, "
                            + "differences from the replay %d%s, from the direct computation %d%s", statementsInLog, rejectedByReplay, deadLetters,
                    expectedTallies, liveTallies, expectedContradictions, liveContradictions, differences.size(),
                    differences.isEmpty() ? "" : ": " + differences.subList(0, Math.min(5, differences.size())),
                    directDifferences.size(), directDifferences.isEmpty() ? "" : ": " + DirectComputation.shown(directDifferences));
        }
    }

    /**
     * Replays the committed input log through the same topology offline and compares record by record
     * (every field of every tally and contradiction) with the committed ({@code read_committed}) live output;
     * and compares that output with the direct computation from the log's final set of statements
     * ({@link DirectComputation}), which shares none of the topology's code.
     */
    static Verdict verify(Map<String, Object> client, Topics topics, Path out) {
        TopologyConfig config = TopologyConfig.of(topics, CONFLICT.conflict(), client);
        AuditReplay audit = new AuditReplay(client, config);
        try (AuditReplay.Outcome replayed = audit.replay(new AuditReplay.Options(null, null, null, out.resolve("replay-" + System.nanoTime())),
                Progress.NONE); AuditResults live = audit.liveResults()) {
            List<Difference> differences = ResultsDiffer.compare(live, replayed.results());
            List<MinistryStatement> statements = DirectComputation.validStatements(
                    readAll(client, topics.statements(), "read_committed"), client, CONFLICT.conflict());
            Map<String, SectorTally> liveTallies = new HashMap<>();
            live.tallies().forEach(liveTallies::put);
            Map<String, ClaimContradiction> livePairs = new HashMap<>();
            live.contradictions().forEach(livePairs::put);
            List<String> direct = DirectComputation.differences(new DirectComputation(CONFLICT).expected(statements), liveTallies,
                    DirectComputation.kinds(livePairs));
            return new Verdict(replayed.statements(), replayed.results().rejected().size(), countCommitted(client, topics.deadLetters()),
                    replayed.results().tallies().size(), replayed.results().contradictions().size(),
                    live.tallies().size(), live.contradictions().size(), differences, direct);
        }
    }

    /** Committed records of a topic, counted from the beginning to its end now. */
    static long countCommitted(Map<String, Object> client, String topic) {
        return readAll(client, topic, "read_committed").size();
    }

    /** Every record of a topic from the beginning to its end now, at the given isolation level. */
    static List<ConsumerRecord<byte[], byte[]>> readAll(Map<String, Object> client, String topic, String isolation) {
        Map<String, Object> props = new HashMap<>();
        props.put("bootstrap.servers", client.get("bootstrap.servers"));
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 * 1024 * 1024);
        props.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 16 * 1024 * 1024);
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            await("reading " + topic).atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return partitions.stream().allMatch(tp -> consumer.position(tp) >= end.get(tp));
            });
        }
        return records;
    }
}
