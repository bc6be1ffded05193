package org.ceasefire.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.ceasefire.avro.MinistryStatement;
import org.ceasefire.conflict.GazetteerFile;
import org.ceasefire.contract.StatementValidator;
import org.ceasefire.registry.serde.AvroSerdes;
import org.ceasefire.topics.Topics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** examples/node-ingest feeds the sample into a dev cluster; our serde decodes exactly what our reader makes of each line. */
class NodeIngestIT {
    private static final Path EXAMPLE = Path.of("examples", "node-ingest");
    private static final Path SAMPLE = Path.of("src", "main", "resources", "samples", "am-az-sample.jsonl");

    private static DevCluster cluster;

    record Result(int exitCode, String output) {
    }

    @BeforeAll
    static void setUp() throws Exception {
        Assumptions.assumeTrue(onPath("node") && onPath("npm"),
                "node and npm are not on the PATH: the Node.js ingestion example cannot run here");
        if (!Files.isDirectory(EXAMPLE.resolve("node_modules"))) {
            Result install = run(List.of("npm", "ci", "--no-audit", "--no-fund"), Duration.ofMinutes(5));
            assertThat(install.exitCode()).as("npm ci in %s:%n%s", EXAMPLE, install.output()).isZero();
        }
        cluster = DevCluster.start(Topics.defaults(), 3, GazetteerFile.builtIn(), 0, 0);
    }

    @AfterAll
    static void tearDown() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @DisplayName("every sample statement sent by the Node script arrives keyed by statement_id and decodes to what our reader parses")
    void nodeStatementsArriveAndDecode() throws Exception {
        Result result = run(List.of("node", "ingest.js", "--file", SAMPLE.toAbsolutePath().toString(),
                "--bootstrap", cluster.bootstrapServers(), "--registry", cluster.schemaRegistryUrl()), Duration.ofMinutes(2));
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("subject ceasefire.statements-value", "read 42, sent 42, rejected 0");

        List<MinistryStatement> expected = parseWithJava();
        List<ConsumerRecord<String, MinistryStatement>> received = consume(Topics.defaults().statements(), expected.size());
        assertThat(received).allSatisfy(r -> assertThat(r.key()).isEqualTo(r.value().getStatementId()));
        assertThat(received).extracting(ConsumerRecord::value).containsExactlyInAnyOrderElementsOf(expected);
    }

    private static List<MinistryStatement> parseWithJava() throws IOException {
        StatementChecker checker = new StatementChecker(new StatementValidator(GazetteerFile.builtIn().conflict()));
        List<MinistryStatement> statements = new ArrayList<>();
        try (java.io.InputStream in = Files.newInputStream(SAMPLE);
             JsonLinesReader reader = new JsonLinesReader(new InputLines(in, InputLines.DEFAULT_MAX_LINE_BYTES), SAMPLE.toString())) {
            RawRecord record;
            while ((record = reader.next()) != null) {
                statements.add(checker.check(record).statement());
            }
        }
        return statements;
    }

    private static List<ConsumerRecord<String, MinistryStatement>> consume(String topic, int expected) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "node-ingest-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, MinistryStatement>> records = new ArrayList<>();
        try (KafkaConsumer<String, MinistryStatement> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                AvroSerdes.<MinistryStatement>specific(Map.of("schema.registry.url", cluster.schemaRegistryUrl()), false).deserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= expected;
            });
        }
        return records;
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    private static Result run(List<String> command, Duration timeout) throws IOException, InterruptedException {
        Path log = Files.createTempFile("node-ingest", ".log");
        try {
            Process process = new ProcessBuilder(command).directory(EXAMPLE.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish within " + timeout + ":\n" + Files.readString(log));
            }
            return new Result(process.exitValue(), Files.readString(log));
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
