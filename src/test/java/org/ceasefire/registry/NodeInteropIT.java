package org.ceasefire.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.ceasefire.avro.Casualty;
import org.ceasefire.avro.ClaimType;
import org.ceasefire.avro.MinistryStatement;
import org.ceasefire.embedded.EmbeddedKafkaExtension;
import org.ceasefire.registry.serde.AvroSerdeConfig;
import org.ceasefire.registry.serde.KafkaAvroSerializer;
import org.ceasefire.registry.serde.SpecificAvroDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Proof of compatibility with an independent implementation: a Node.js program using kafkajs
 * and @kafkajs/confluent-schema-registry (interop/node) exchanges MinistryStatements with our
 * serde through the embedded broker and the embedded registry, in both directions.
 */
class NodeInteropIT {

    @RegisterExtension
    static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();

    private static final Path NODE_DIR = Path.of("interop", "node");
    private static final Path SCHEMAS_DIR = Path.of("schemas");
    private static final String NODE_TO_JAVA = "interop.node-to-java";
    private static final String JAVA_TO_NODE = "interop.java-to-node";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static EmbeddedSchemaRegistry registry;

    @BeforeAll
    static void setUp() throws Exception {
        Assumptions.assumeTrue(onPath("node") && onPath("npm"),
                "node and npm are not on the PATH: the Node.js interop test cannot run here");
        if (!Files.isDirectory(NODE_DIR.resolve("node_modules"))) {
            Result install = run(List.of("npm", "ci", "--no-audit", "--no-fund"), Duration.ofMinutes(5));
            assertThat(install.exitCode()).as("npm ci in %s:%n%s", NODE_DIR, install.output()).isZero();
        }
        registry = EmbeddedSchemaRegistry.start(KAFKA.bootstrapServers());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(NODE_TO_JAVA, 1, (short) 1), new NewTopic(JAVA_TO_NODE, 1, (short) 1)))
                    .all().get(30, TimeUnit.SECONDS);
        }
    }

    @AfterAll
    static void tearDown() {
        if (registry != null) {
            registry.close();
        }
    }

    @Test
    @DisplayName("Node registers MinistryStatement and produces a statement; our deserializer decodes every field")
    void nodeToJava() throws Exception {
        String statement = """
                {"statement_id": "az-mod:2022-09-14:0003", "revision": 1, "retracted": false, "issuer": "AZ",
                 "issuer_body": "Ministry of Defence of Azerbaijan", "published_at": 1663146000000,
                 "incident_start": 1663120800000, "incident_end": null, "claim": "ACCUSATION", "accused": "AM",
                 "location": "Kalbajar", "refers_to": null, "weapons": ["mortar", "small_arms"],
                 "casualties": [{"party": "AZ", "killed": 2, "wounded": 5, "civilian": false}],
                 "source_url": "https://mod.gov.az/en/news/0003", "language": "az", "text": "Provocation."}
                """;

        Result produced = node("produce", "--topic", NODE_TO_JAVA, "--schemas", SCHEMAS_DIR.toAbsolutePath().toString(),
                "--statement", statement);

        int id = produced.json().path("id").asInt();
        assertThat(produced.json().path("subject").asText()).isEqualTo(NODE_TO_JAVA + "-value");
        try (SchemaRegistryClient client = SchemaRegistryClient.forUrl(registry.url())) {
            assertThat(client.latest(NODE_TO_JAVA + "-value").id()).isEqualTo(id);
        }
        byte[] bytes = consumeOne(NODE_TO_JAVA);
        assertThat(bytes[0]).isEqualTo((byte) 0);
        assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(id);

        try (SpecificAvroDeserializer<MinistryStatement> deserializer = new SpecificAvroDeserializer<>()) {
            deserializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry.url()), false);
            MinistryStatement decoded = deserializer.deserialize(NODE_TO_JAVA, bytes);

            assertThat(decoded.getStatementId()).isEqualTo("az-mod:2022-09-14:0003");
            assertThat(decoded.getIssuer()).isEqualTo("AZ");
            assertThat(decoded.getIssuerBody()).isEqualTo("Ministry of Defence of Azerbaijan");
            assertThat(decoded.getPublishedAt()).isEqualTo(Instant.parse("2022-09-14T09:00:00Z"));
            assertThat(decoded.getIncidentStart()).isEqualTo(Instant.parse("2022-09-14T02:00:00Z"));
            assertThat(decoded.getIncidentEnd()).isNull();
            assertThat(decoded.getClaim()).isEqualTo(ClaimType.ACCUSATION);
            assertThat(decoded.getAccused()).isEqualTo("AM");
            assertThat(decoded.getLocation()).isEqualTo("Kalbajar");
            assertThat(decoded.getWeapons()).containsExactly("mortar", "small_arms");
            assertThat(decoded.getCasualties()).containsExactly(
                    Casualty.newBuilder().setParty("AZ").setKilled(2).setWounded(5).setCivilian(false).build());
            assertThat(decoded.getLanguage()).isEqualTo("az");
            assertThat(decoded.getText()).isEqualTo("Provocation.");
        }
    }

    @Test
    @DisplayName("we produce a statement with our serializer; Node decodes it to the same field values")
    void javaToNode() throws Exception {
        MinistryStatement statement = SampleStatements.full();
        Map<String, Object> producerConfig = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, KafkaAvroSerializer.class,
                AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry.url());
        try (KafkaProducer<String, Object> producer = new KafkaProducer<>(producerConfig)) {
            producer.send(new ProducerRecord<>(JAVA_TO_NODE, statement.getStatementId(), statement))
                    .get(30, TimeUnit.SECONDS);
        }

        JsonNode received = node("consume", "--topic", JAVA_TO_NODE).json();

        assertThat(received.path("key").asText()).isEqualTo("am-mod:2022-09-13:0042");
        JsonNode value = received.path("value");
        assertThat(value.path("statement_id").asText()).isEqualTo("am-mod:2022-09-13:0042");
        assertThat(value.path("revision").asInt()).isEqualTo(2);
        assertThat(value.path("issuer").asText()).isEqualTo("AM");
        assertThat(value.path("issuer_body").asText()).isEqualTo("Ministry of Defence of Armenia");
        assertThat(value.path("published_at").asLong()).isEqualTo(Instant.parse("2022-09-13T06:15:00Z").toEpochMilli());
        assertThat(value.path("incident_end").asLong()).isEqualTo(Instant.parse("2022-09-13T04:30:00Z").toEpochMilli());
        assertThat(value.path("claim").asText()).isEqualTo("ACCUSATION");
        assertThat(value.path("refers_to").isNull()).isTrue();
        assertThat(value.path("weapons").toString()).isEqualTo("[\"artillery\",\"mortar\",\"drone\"]");
        assertThat(value.path("casualties").get(0).path("killed").asInt()).isEqualTo(3);
        assertThat(value.path("casualties").get(1).path("civilian").asBoolean()).isTrue();
        assertThat(value.path("text").asText()).startsWith("At 00:05 units of the armed forces of Azerbaijan");
    }

    private static byte[] consumeOne(String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            List<byte[]> values = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
                return !values.isEmpty();
            });
            assertThat(values).hasSize(1);
            return values.get(0);
        }
    }

    private static Result node(String command, String... args) throws Exception {
        List<String> line = new ArrayList<>(List.of("node", "interop.js", command,
                "--bootstrap", KAFKA.bootstrapServers(), "--registry", registry.url()));
        line.addAll(List.of(args));
        Result result = run(line, Duration.ofMinutes(2));
        assertThat(result.exitCode()).as("node %s:%n%s", command, result.output()).isZero();
        return result;
    }

    private static Result run(List<String> command, Duration timeout)
            throws IOException, InterruptedException, ExecutionException, TimeoutException {
        Process process = new ProcessBuilder(command).directory(NODE_DIR.toFile()).redirectErrorStream(true).start();
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "(output unreadable: " + e + ")";
            }
        });
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new TimeoutException(String.join(" ", command) + " did not finish within " + timeout);
        }
        return new Result(process.exitValue(), output.get(10, TimeUnit.SECONDS));
    }

    /** Exit code and combined output of a child process; its "RESULT {json}" line parsed. */
    private record Result(int exitCode, String output) {
        JsonNode json() throws IOException {
            String line = output.lines().filter(l -> l.startsWith("RESULT ")).reduce((a, b) -> b)
                    .orElseThrow(() -> new AssertionError("no RESULT line in:\n" + output));
            return JSON.readTree(line.substring("RESULT ".length()));
        }
    }

    private static boolean onPath(String executable) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, executable))) {
                return true;
            }
        }
        return false;
    }
}
