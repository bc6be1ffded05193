package org.ceasefire.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import org.ceasefire.audit.AuditResults;
import org.ceasefire.avro.SectorTally;
import org.ceasefire.cli.Main;
import org.ceasefire.config.AppConfig;
import org.ceasefire.conflict.GazetteerFile;
import org.ceasefire.topics.Topics;
import org.ceasefire.topology.TopologyConfig;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.ConfluentKafkaContainer;

/**
 * The whole pipeline against Confluent's own Kafka and Schema Registry images: the sample ingested
 * with our CLI, the app run against them, the contradictions and tallies asserted. Needs Docker;
 * skipped where there is none.
 */
@Testcontainers(disabledWithoutDocker = true)
class ConfluentEndToEndIT {
    private static final String CONFLUENT_VERSION = "8.1.0";
    private static final Network NETWORK = Network.newNetwork();

    @Container
    static final ConfluentKafkaContainer KAFKA = new ConfluentKafkaContainer("confluentinc/cp-kafka:" + CONFLUENT_VERSION)
            .withNetwork(NETWORK)
            .withListener("kafka:19092");

    @Container
    static final GenericContainer<?> REGISTRY = new GenericContainer<>("confluentinc/cp-schema-registry:" + CONFLUENT_VERSION)
            .withNetwork(NETWORK)
            .dependsOn(KAFKA)
            .withEnv("SCHEMA_REGISTRY_HOST_NAME", "schema-registry")
            .withEnv("SCHEMA_REGISTRY_LISTENERS", "http://0.0.0.0:8081")
            .withEnv("SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS", "PLAINTEXT://kafka:19092")
            .withExposedPorts(8081)
            .waitingFor(Wait.forHttp("/subjects").forStatusCode(200).withStartupTimeout(Duration.ofMinutes(3)));

    @TempDir
    Path dir;

    @Test
    @DisplayName("the sample ingested into Confluent's Kafka and Schema Registry gives its 13 contradictions and tallies")
    void samplePipelineOnConfluentImages() throws Exception {
        String bootstrap = KAFKA.getBootstrapServers();
        String registry = "http://" + REGISTRY.getHost() + ":" + REGISTRY.getMappedPort(8081);
        AppConfig config = AppConfig.of(Map.of("bootstrap.servers", bootstrap, "schema.registry.url", registry,
                "ceasefire.topic.replication.factor", "1", "ceasefire.topic.partitions", "3",
                "ceasefire.http.port", "0", "state.dir", dir.resolve("state").toString()));
        try (CeasefireApp app = CeasefireApp.start(config)) {
            String[] connection = {"--bootstrap-servers", bootstrap, "--schema-registry-url", registry};
            assertThat(Main.commandLine().execute("gazetteer", "load", connection[0], connection[1], connection[2], connection[3])).isZero();
            Path sample = dir.resolve("sample.jsonl");
            try (InputStream in = getClass().getClassLoader().getResourceAsStream("samples/am-az-sample.jsonl")) {
                Files.copy(in, sample);
            }
            assertThat(Main.commandLine().execute("ingest", sample.toString(), connection[0], connection[1], connection[2], connection[3]))
                    .isZero();

            var audit = new org.ceasefire.audit.AuditReplay(config.clientProperties(),
                    TopologyConfig.of(Topics.defaults(), GazetteerFile.builtIn().conflict(), config.clientProperties()));
            // 13 pairs at some moment do not make the output final (a retracted pair may not be withdrawn yet), and
            // the tallies of statements in no pair come independently of the pairs: assert on one snapshot, until it holds.
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
                try (AuditResults live = audit.liveResults()) {
                    assertThat(live.contradictions().size()).isEqualTo(13);
                    Map<String, Integer> byKind = new TreeMap<>();
                    live.contradictions().forEach((id, pair) -> byKind.merge(pair.getKind().toString(), 1, Integer::sum));
                    assertThat(byKind).containsExactly(Map.entry("ACCUSATION_DENIED", 4), Map.entry("ACCUSATION_VS_CALM", 2),
                            Map.entry("MUTUAL_ACCUSATION", 7));
                    assertThat(live.contradictions().get("am-mod-2023-04-11-01|az-mod-2023-04-11-01")).isNotNull();
                    SectorTally syunik = live.tallies().get("SYUNIK|ALL_TIME");
                    assertThat(syunik).isNotNull();
                    assertThat(new TreeMap<>(syunik.getAccusations())).containsExactly(Map.entry("AM", 3L), Map.entry("AZ", 1L)); // the Lachin corridor is NK-LACHIN
                    // Only the Tegh pair: EUMA's observation near Khnatsakh of 14 February 2023 predates its mandate (20 February).
                    assertThat(syunik.getCorroborations()).isEqualTo(1L);
                    // Every place the sample names is in the gazetteer: nothing is tallied as unresolved.
                    assertThat(live.tallies().get("UNRESOLVED|ALL_TIME")).isNull();
                }
            });
        }
    }
}
