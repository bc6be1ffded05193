package org.ceasefire.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.ceasefire.app.CeasefireApp;
import org.ceasefire.avro.ContradictionKind;
import org.ceasefire.avro.MinistryStatement;
import org.ceasefire.avro.SectorTally;
import org.ceasefire.cli.Main;
import org.ceasefire.config.AppConfig;
import org.ceasefire.ingest.Progress;
import org.ceasefire.registry.serde.AvroSerdes;
import org.ceasefire.testdata.LiveCluster;
import org.ceasefire.topics.Topics;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditReplayIT {
    /** One broker and registry for the class, closed after its last test. */
    @AutoClose
    private static final LiveCluster cluster = new LiveCluster();

    @TempDir
    Path dir;

    private AuditReplay.Outcome replay(Topics topics, Instant asOf, String folder) {
        return cluster.audit(topics).replay(new AuditReplay.Options(asOf, null, null, dir.resolve(folder)), Progress.NONE);
    }

    @Test
    @DisplayName("the replay of a generated history (revisions, retractions, duplicates, late statements) equals the live results; an altered tally is found and exits 3")
    void replayEqualsLiveAndFindsAnAlteredTally() throws Exception {
        Topics topics = cluster.createTopics("live.", 3);
        List<MinistryStatement> statements = LiveCluster.generated(1_500, 11);
        List<MinistryStatement> withDuplicates = new ArrayList<>(statements);
        withDuplicates.addAll(statements.subList(0, 300));
        AppConfig config = cluster.appConfig(topics, 3, "audit-live", dir.resolve("state"));
        AuditReplay audit = cluster.audit(topics);
        try (CeasefireApp app = CeasefireApp.start(config)) {
            cluster.produce(topics, withDuplicates);
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() ->
                    assertThat(cluster.differencesFromReplay(topics, dir.resolve("compare"))).isEmpty());
        }
        String key;
        SectorTally altered;
        try (AuditReplay.Outcome outcome = audit.replay(new AuditReplay.Options(null, null, null, dir.resolve("final")), Progress.NONE)) {
            assertThat(outcome.statements()).isEqualTo(1_800);
            assertThat(outcome.results().contradictions().toMap().values()).extracting(c -> c.getKind())
                    .contains(ContradictionKind.MUTUAL_ACCUSATION, ContradictionKind.ACCUSATION_DENIED, ContradictionKind.ACCUSATION_VS_CALM);
            assertThat(outcome.results().late()).isNotEmpty();
            assertThat(Files.readString(dir.resolve("final/trace.csv")).lines()).hasSize(1_801);

            SortedMap<String, SectorTally> tallies = outcome.results().tallies().toMap();
            key = tallies.keySet().stream().filter(k -> k.endsWith("|ALL_TIME")).findFirst().orElseThrow();
            altered = SectorTally.newBuilder(tallies.get(key)).setUnansweredAccusations(tallies.get(key).getUnansweredAccusations() + 5).build();
        }
        try (var producer = new KafkaProducer<>(cluster.client(), new StringSerializer(),
                AvroSerdes.<SectorTally>specific(cluster.client(), false).serializer())) {
            producer.send(new ProducerRecord<>(topics.sectorTallies(), key, altered)).get();
        }
        var out = new java.io.StringWriter();
        var err = new java.io.StringWriter();
        int exit = Main.commandLine().setOut(new java.io.PrintWriter(out)).setErr(new java.io.PrintWriter(err)).execute("replay", "--compare",
                "--bootstrap-servers", cluster.kafka.bootstrapServers(), "--schema-registry-url", cluster.registry.url(),
                "--topic-prefix", "live.", "-o", dir.resolve("cli").toString());
        assertThat(exit).isEqualTo(3);
        assertThat(err.toString()).containsPattern("Replay: 1,800 records read from the log, 1,800 statements replayed in [0-9.]+ s \\([0-9,]+ statements/s\\)\\.");
        assertThat(out.toString()).contains("differs from the replay in 1 places",
                "tally " + key + " unanswered_accusations: live " + altered.getUnansweredAccusations()
                        + ", replayed " + (altered.getUnansweredAccusations() - 5));
        assertThat(Files.readString(dir.resolve("cli/differences.csv"))).contains(key + ",unanswered_accusations,");
    }

    @Test
    @DisplayName("--as-of leaves out what the log appended after that time")
    void asOfExcludesLaterStatements() {
        Topics topics = cluster.createTopics("asof.", 2);
        List<MinistryStatement> statements = LiveCluster.generated(400, 5);
        cluster.produce(topics, statements.subList(0, 200));
        Instant between = Instant.now();
        await().until(() -> Instant.now().isAfter(between.plusMillis(5)));
        cluster.produce(topics, statements.subList(200, 400));

        try (AuditReplay.Outcome asOf = replay(topics, between, "asof"); AuditReplay.Outcome all = replay(topics, null, "all")) {
            assertThat(asOf.statements()).isEqualTo(200);
            assertThat(all.statements()).isEqualTo(400);
            assertThat(asOf.digest()).isNotEqualTo(all.digest());
            long countedAsOf = statementsCounted(asOf.results());
            assertThat(countedAsOf).isLessThan(statementsCounted(all.results())).isPositive();
        }
    }

    /** The end offset of every partition of every topic on the cluster, by {@code topic-partition}. */
    private static Map<String, Long> endOffsets() throws Exception {
        try (Admin admin = Admin.create(cluster.client())) {
            Set<String> names = admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(names).allTopicNames().get().values().forEach(d ->
                    d.partitions().forEach(p -> latest.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest())));
            Map<String, Long> ends = new TreeMap<>();
            admin.listOffsets(latest).all().get().forEach((tp, info) -> ends.put(tp.toString(), info.offset()));
            return ends;
        }
    }

    private static Set<String> consumerGroups() throws Exception {
        try (Admin admin = Admin.create(cluster.client())) {
            return admin.listGroups().all().get().stream().map(g -> g.groupId()).collect(Collectors.toSet());
        }
    }

    private static long statementsCounted(AuditResults results) {
        return results.tallies().toMap().values().stream().filter(t -> t.getPeriodKind().toString().equals("ALL_TIME"))
                .mapToLong(t -> t.getStatements().values().stream().mapToLong(Long::longValue).sum()).sum();
    }

    @Test
    @DisplayName("the same statements give byte-identical reports and the same digest: twice, and on 1 and 6 partitions; nothing is written to the cluster")
    void digestsAreIdenticalAcrossRunsAndPartitionCounts() throws Exception {
        List<MinistryStatement> statements = LiveCluster.generated(1_000, 3);
        Topics one = cluster.createTopics("one.", 1);
        Topics six = cluster.createTopics("six.", 6);
        cluster.produce(one, statements);
        cluster.produce(six, statements);

        Map<String, Long> endsBefore = endOffsets();
        Set<String> groupsBefore = consumerGroups();
        try (AuditReplay.Outcome first = replay(one, null, "one-a"); AuditReplay.Outcome second = replay(one, null, "one-b");
             AuditReplay.Outcome sixPartitions = replay(six, null, "six")) {
            // Nothing written to the cluster: no new topic, no record added anywhere, no consumer group.
            assertThat(endOffsets()).isEqualTo(endsBefore);
            assertThat(consumerGroups()).isEqualTo(groupsBefore);
            assertThat(first.results().contradictions().size()).isGreaterThan(10);
            assertThat(second.digest()).isEqualTo(first.digest());
            assertThat(sixPartitions.digest()).isEqualTo(first.digest());
            for (String file : List.of("tallies.json", "contradictions.json", "tallies.csv", "contradictions.csv", "late.csv", "summary.md")) {
                assertThat(Files.readAllBytes(dir.resolve("six").resolve(file))).as(file)
                        .isEqualTo(Files.readAllBytes(dir.resolve("one-a").resolve(file)));
            }
            assertThat(new TreeMap<>(first.results().unresolvedPlaces())).isEqualTo(sixPartitions.results().unresolvedPlaces());
        }
    }
}
