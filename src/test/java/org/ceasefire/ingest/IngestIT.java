package org.ceasefire.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.avro.specific.SpecificRecord;
import org.ceasefire.avro.MinistryStatement;
import org.ceasefire.avro.Place;
import org.ceasefire.cli.IngestCommand;
import org.ceasefire.cli.Main;
import org.ceasefire.embedded.EmbeddedKafka;
import org.ceasefire.embedded.EmbeddedKafkaExtension;
import org.ceasefire.registry.EmbeddedSchemaRegistry;
import org.ceasefire.registry.serde.AvroSerdes;
import org.ceasefire.topics.TopicBootstrapper;
import org.ceasefire.topics.Topics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** ingest and gazetteer load against a real broker and the embedded schema registry. */
class IngestIT {
    @RegisterExtension
    static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();

    private static EmbeddedSchemaRegistry registry;

    @TempDir
    Path dir;

    @BeforeAll
    static void startRegistry() {
        registry = EmbeddedSchemaRegistry.start(KAFKA.bootstrapServers());
    }

    @AfterAll
    static void stopRegistry() {
        if (registry != null) {
            registry.close();
        }
    }

    record Run(int exitCode, String out, String err) {
    }

    private Run run(Object command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine line = command instanceof CommandLine c ? c : new CommandLine(command);
        line.setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
        return new Run(line.execute(args), out.toString(), err.toString());
    }

    private static Topics freshTopics() {
        Topics topics = new Topics("it" + UUID.randomUUID().toString().substring(0, 8) + ".");
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", KAFKA.bootstrapServers()))) {
            new TopicBootstrapper(admin).ensure(topics.specs(3, (short) 1));
            // Creation returns before every broker's metadata lists the topics; ingest checks that list.
            await().atMost(Duration.ofSeconds(30)).until(() -> admin.listTopics().names().get()
                    .containsAll(List.of(topics.statements(), topics.gazetteer())));
        }
        return topics;
    }

    private static <T extends SpecificRecord> List<ConsumerRecord<String, T>> consume(String topic, int expected) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, T>> records = new ArrayList<>();
        try (KafkaConsumer<String, T> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                AvroSerdes.<T>specific(Map.of("schema.registry.url", registry.url()), false).deserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= expected;
            });
        }
        return records;
    }

    private String[] connection(Topics topics, String... more) {
        List<String> args = new ArrayList<>(List.of("--bootstrap-servers", KAFKA.bootstrapServers(),
                "--schema-registry-url", registry.url(), "--topic-prefix", topics.prefix()));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @Test
    @DisplayName("the whole sample is sent keyed by statement_id and decodes with our serde to the same statements; exit 0")
    void ingestsTheSample() throws Exception {
        Topics topics = freshTopics();
        Path sample = dir.resolve("am-az-sample.jsonl");
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("samples/am-az-sample.jsonl")) {
            Files.copy(in, sample);
        }
        Run run = run(new IngestCommand(InputStream.nullInputStream(), dir), connection(topics, "am-az-sample.jsonl"));
        assertThat(run.exitCode()).as(run.err()).isEqualTo(0);
        assertThat(run.out()).contains("read 42, sent 42, rejected 0, duplicates in the input 0");

        List<ConsumerRecord<String, MinistryStatement>> records = consume(topics.statements(), 42);
        assertThat(records).hasSize(42).allSatisfy(r -> assertThat(r.key()).isEqualTo(r.value().getStatementId()));
        assertThat(records).filteredOn(r -> r.key().equals("am-mod-2023-04-11-01"))
                .extracting(r -> r.value().getRevision()).containsExactly(1, 2);
        assertThat(records).extracting(r -> r.value().getLocation()).contains("Laçın rayonu", "Ջերմուկ", "İstisu");
    }

    @Test
    @DisplayName("with a bad line, the good lines are still sent from stdin, the bad one is rejected, and the exit code is 2")
    void sendsGoodLinesAndRejectsBadOnes() {
        Topics topics = freshTopics();
        String input = String.join("\n", IngestCommandTest.GOOD_1, IngestCommandTest.BAD, IngestCommandTest.GOOD_2) + "\n";
        Run run = run(new IngestCommand(new java.io.ByteArrayInputStream(input.getBytes(java.nio.charset.StandardCharsets.UTF_8)), dir),
                connection(topics, "-"));
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).contains("read 3, sent 2, rejected 1");
        assertThat(run.err()).contains("stdin:2: issuer: required field is missing");
        assertThat(dir.resolve("stdin.rejects.jsonl")).exists();
        assertThat(consume(topics.statements(), 2)).extracting(ConsumerRecord::key).containsExactlyInAnyOrder("am-1", "am-2");
    }

    @Test
    @DisplayName("an unreachable registry exits 1 before sending, naming the URL and where it was configured")
    void unreachableRegistry() throws Exception {
        Topics topics = freshTopics();
        Files.writeString(dir.resolve("ok.jsonl"), IngestCommandTest.GOOD_1 + "\n");
        String url = "http://127.0.0.1:" + EmbeddedKafka.freePort();
        Run run = run(new IngestCommand(InputStream.nullInputStream(), dir), "--bootstrap-servers", KAFKA.bootstrapServers(),
                "--schema-registry-url", url, "--topic-prefix", topics.prefix(), "--check-timeout", "2s", "ok.jsonl");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("ingest: Cannot reach the schema registry at " + url + " (set by command line): ");
        assertThat(run.out()).isEmpty();
    }

    @Test
    @DisplayName("a broker without the statements topic exits 1 and says which topic is missing")
    void missingTopic() throws Exception {
        Files.writeString(dir.resolve("ok.jsonl"), IngestCommandTest.GOOD_1 + "\n");
        Run run = run(new IngestCommand(InputStream.nullInputStream(), dir), "--bootstrap-servers", KAFKA.bootstrapServers(),
                "--schema-registry-url", registry.url(), "--topic-prefix", "absent.", "ok.jsonl");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("has no topic absent.statements");
    }

    @Test
    @DisplayName("gazetteer load writes every place of the built-in file keyed by place_id and reports how many")
    void loadsTheGazetteer() {
        Topics topics = freshTopics();
        Run run = run(Main.commandLine(), concat(new String[] {"gazetteer", "load"}, connection(topics)));
        int places = org.ceasefire.conflict.GazetteerFile.builtIn().places().size();
        assertThat(run.exitCode()).as(run.err()).isEqualTo(0);
        assertThat(run.out()).contains("Loaded " + places + " places of conflict AM-AZ (" + org.ceasefire.conflict.GazetteerFile.builtIn().conflict().sectors().size()
                + " sectors) into " + topics.gazetteer());
        List<ConsumerRecord<String, Place>> records = consume(topics.gazetteer(), places);
        assertThat(records).hasSize(places).allSatisfy(r -> assertThat(r.key()).isEqualTo(r.value().getPlaceId()));
        assertThat(records).extracting(ConsumerRecord::key).contains("tegh", "stepanakert-khankendi", "jermuk-istisu");
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
