package org.ceasefire.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.ceasefire.app.CeasefireApp;
import org.ceasefire.avro.ContradictionKind;
import org.ceasefire.avro.MinistryStatement;
import org.ceasefire.avro.Place;
import org.ceasefire.avro.SectorTally;
import org.ceasefire.cli.Main;
import org.ceasefire.config.AppConfig;
import org.ceasefire.conflict.GazetteerFile;
import org.ceasefire.embedded.EmbeddedKafka;
import org.ceasefire.ingest.GazetteerLoader;
import org.ceasefire.ingest.KafkaStatementSink;
import org.ceasefire.ingest.Progress;
import org.ceasefire.ingest.generator.SpellingBook;
import org.ceasefire.ingest.generator.StatementGenerator;
import org.ceasefire.ingest.generator.SyntheticGazetteer;
import org.ceasefire.registry.EmbeddedSchemaRegistry;
import org.ceasefire.registry.serde.AvroSerdes;
import org.ceasefire.topics.TopicBootstrapper;
import org.ceasefire.topics.Topics;
import org.ceasefire.topology.TopologyConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditReplayIT {
    private static EmbeddedKafka kafka;
    private static EmbeddedSchemaRegistry registry;
    private static final GazetteerFile CONFLICT = GazetteerFile.builtIn();

    @TempDir
    Path dir;

    @BeforeAll
    static void startCluster() {
        kafka = EmbeddedKafka.start();
        registry = EmbeddedSchemaRegistry.start(kafka.bootstrapServers());
    }

    @AfterAll
    static void stopCluster() {
        registry.close();
        kafka.close();
    }

    private static Map<String, Object> client() {
        return Map.of("bootstrap.servers", kafka.bootstrapServers(), "schema.registry.url", registry.url());
    }

    private static Topics createTopics(String prefix, int partitions) {
        Topics topics = new Topics(prefix);
        try (Admin admin = Admin.create(client())) {
            new TopicBootstrapper(admin).ensure(topics.specs(partitions, (short) 1));
        }
        new GazetteerLoader(kafka.bootstrapServers(), AvroSerdes.<Place>specific(client(), false).serializer())
                .load(CONFLICT.places(), topics.gazetteer());
        return topics;
    }

    private static List<MinistryStatement> generated(long count, long seed) {
        SyntheticGazetteer.World world = SyntheticGazetteer.extend(CONFLICT, SpellingBook.readOrBuiltIn(null), 0, seed);
        List<MinistryStatement> statements = new ArrayList<>();
        new StatementGenerator(world, seed).generate(count, statements::add);
        return statements;
    }

    private static void produce(Topics topics, List<MinistryStatement> statements) {
        try (KafkaStatementSink sink = new KafkaStatementSink(kafka.bootstrapServers(),
                AvroSerdes.<MinistryStatement>specific(client(), false).serializer(), topics.statements(), 1_000)) {
            statements.forEach(sink::send);
            sink.flush();
            assertThat(sink.failed()).isZero();
        }
    }

    private AuditReplay.Outcome replay(Topics topics, Instant asOf, String folder) {
        TopologyConfig config = TopologyConfig.of(topics, CONFLICT.conflict(), client());
        return new AuditReplay(client(), config).replay(new AuditReplay.Options(asOf, null, null, dir.resolve(folder)), Progress.NONE);
    }

    @Test
    @DisplayName("the replay of a generated history (revisions, retractions, duplicates, late statements) equals the live results; an altered tally is found and exits 3")
    void replayEqualsLiveAndFindsAnAlteredTally() throws Exception {
        Topics topics = createTopics("live.", 3);
        List<MinistryStatement> statements = generated(1_500, 11);
        List<MinistryStatement> withDuplicates = new ArrayList<>(statements);
        withDuplicates.addAll(statements.subList(0, 300));
        AppConfig config = AppConfig.of(Map.of("bootstrap.servers", kafka.bootstrapServers(), "schema.registry.url", registry.url(),
                "ceasefire.topic.prefix", "live.", "ceasefire.topic.partitions", "3", "ceasefire.topic.replication.factor", "1",
                "ceasefire.http.port", "0", "application.id", "audit-live", "state.dir", dir.resolve("state").toString()));
        TopologyConfig topologyConfig = TopologyConfig.of(topics, CONFLICT.conflict(), client());
        AuditReplay audit = new AuditReplay(client(), topologyConfig);
        try (CeasefireApp app = CeasefireApp.start(config)) {
            produce(topics, withDuplicates);
            AuditReplay.Options options = new AuditReplay.Options(null, null, null, dir.resolve("compare"));
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() ->
                    assertThat(audit.replayAndCompare(options, Progress.NONE).differences()).isEmpty());
        }
        AuditReplay.Outcome outcome = audit.replay(new AuditReplay.Options(null, null, null, dir.resolve("final")), Progress.NONE);
        assertThat(outcome.statements()).isEqualTo(1_800);
        assertThat(outcome.results().contradictions().values()).extracting(c -> c.getKind())
                .contains(ContradictionKind.MUTUAL_ACCUSATION, ContradictionKind.ACCUSATION_DENIED, ContradictionKind.ACCUSATION_VS_CALM);
        assertThat(outcome.results().late()).isNotEmpty();
        assertThat(Files.readString(dir.resolve("final/trace.csv")).lines()).hasSize(1_801);

        String key = outcome.results().tallies().keySet().stream().filter(k -> k.endsWith("|ALL_TIME")).findFirst().orElseThrow();
        SectorTally altered = SectorTally.newBuilder(outcome.results().tallies().get(key))
                .setUnansweredAccusations(outcome.results().tallies().get(key).getUnansweredAccusations() + 5).build();
        try (var producer = new KafkaProducer<>(client(), new StringSerializer(),
                AvroSerdes.<SectorTally>specific(client(), false).serializer())) {
            producer.send(new ProducerRecord<>(topics.sectorTallies(), key, altered)).get();
        }
        var out = new java.io.StringWriter();
        int exit = Main.commandLine().setOut(new java.io.PrintWriter(out)).execute("replay", "--compare",
                "--bootstrap-servers", kafka.bootstrapServers(), "--schema-registry-url", registry.url(),
                "--topic-prefix", "live.", "-o", dir.resolve("cli").toString());
        assertThat(exit).isEqualTo(3);
        assertThat(out.toString()).contains("differs from the replay in 1 places",
                "tally " + key + " unanswered_accusations: live " + altered.getUnansweredAccusations()
                        + ", replayed " + (altered.getUnansweredAccusations() - 5));
        assertThat(Files.readString(dir.resolve("cli/differences.csv"))).contains(key + ",unanswered_accusations,");
    }

    @Test
    @DisplayName("--as-of leaves out what the log appended after that time")
    void asOfExcludesLaterStatements() {
        Topics topics = createTopics("asof.", 2);
        List<MinistryStatement> statements = generated(400, 5);
        produce(topics, statements.subList(0, 200));
        Instant between = Instant.now();
        await().until(() -> Instant.now().isAfter(between.plusMillis(5)));
        produce(topics, statements.subList(200, 400));

        AuditReplay.Outcome asOf = replay(topics, between, "asof");
        AuditReplay.Outcome all = replay(topics, null, "all");
        assertThat(asOf.statements()).isEqualTo(200);
        assertThat(all.statements()).isEqualTo(400);
        assertThat(asOf.digest()).isNotEqualTo(all.digest());
        long countedAsOf = statementsCounted(asOf.results());
        assertThat(countedAsOf).isLessThan(statementsCounted(all.results())).isPositive();
    }

    private static long statementsCounted(AuditResults results) {
        return results.tallies().values().stream().filter(t -> t.getPeriodKind().toString().equals("ALL_TIME"))
                .mapToLong(t -> t.getStatements().values().stream().mapToLong(Long::longValue).sum()).sum();
    }

    @Test
    @DisplayName("the same statements give byte-identical reports and the same digest: twice, and on 1 and 6 partitions")
    void digestsAreIdenticalAcrossRunsAndPartitionCounts() throws Exception {
        List<MinistryStatement> statements = generated(1_000, 3);
        Topics one = createTopics("one.", 1);
        Topics six = createTopics("six.", 6);
        produce(one, statements);
        produce(six, statements);

        AuditReplay.Outcome first = replay(one, null, "one-a");
        AuditReplay.Outcome second = replay(one, null, "one-b");
        AuditReplay.Outcome sixPartitions = replay(six, null, "six");
        assertThat(first.results().contradictions()).hasSizeGreaterThan(10);
        assertThat(second.digest()).isEqualTo(first.digest());
        assertThat(sixPartitions.digest()).isEqualTo(first.digest());
        for (String file : List.of("tallies.json", "contradictions.json", "tallies.csv", "contradictions.csv", "late.csv", "summary.md")) {
            assertThat(Files.readAllBytes(dir.resolve("six").resolve(file))).as(file)
                    .isEqualTo(Files.readAllBytes(dir.resolve("one-a").resolve(file)));
        }
        assertThat(new TreeMap<>(first.results().unresolvedPlaces())).isEqualTo(sixPartitions.results().unresolvedPlaces());
    }
}
