package org.ceasefire.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.ceasefire.avro.MinistryStatement;
import org.ceasefire.cli.Main;
import org.ceasefire.config.AppConfig;
import org.ceasefire.conflict.GazetteerFile;
import org.ceasefire.ingest.DevCluster;
import org.ceasefire.registry.SchemaRegistryClient;
import org.ceasefire.registry.serde.KafkaAvroSerializer;
import org.ceasefire.testdata.LiveCluster;
import org.ceasefire.testdata.Statements;
import org.ceasefire.topics.Topics;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** What a new user meets in the first hour on a cluster: topics made elsewhere, old state, other producers. */
class FirstHourIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    @DisplayName("run on keyed topics whose partition counts disagree stops with one line naming ceasefire.topic.partitions, no stack trace")
    void disagreeingPartitionsAreOneLine() throws Exception {
        try (LiveCluster cluster = new LiveCluster()) {
            Topics topics = cluster.createTopics("split.", 3);
            try (Admin admin = Admin.create(cluster.client())) {
                admin.createPartitions(Map.of(topics.sectorTallies(), NewPartitions.increaseTo(5))).all().get();
                await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> admin.describeTopics(List.of(topics.sectorTallies()))
                        .allTopicNames().get().get(topics.sectorTallies()).partitions().size() == 5);
            }
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int exit = Main.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true)).execute("run",
                    "--bootstrap-servers", cluster.kafka.bootstrapServers(), "--schema-registry-url", cluster.registry.url(),
                    "--topic-prefix", "split.", "-D", "ceasefire.http.port=0", "-D", "ceasefire.data.dir=" + dir);
            assertThat(exit).isEqualTo(1);
            assertThat(err.toString().lines().toList()).as(err.toString()).hasSize(1).first().asString()
                    .startsWith("run: the keyed topics must have one partition count")
                    .contains("split.sector-tallies 5", "split.statements 3", "ceasefire.topic.partitions");
        }
    }

    @Test
    @DisplayName("run on a state folder built on another cluster logs one line, rebuilds it, answers like the log; a restart on its own state logs nothing")
    void stateOfAnotherClusterIsRebuilt() throws Exception {
        Path stateDir = dir.resolve("state");
        List<MinistryStatement> statements = LiveCluster.generated(400, 21);
        try (LiveCluster earlier = new LiveCluster()) {
            Topics topics = earlier.createTopics("moved.", 2);
            earlier.produce(topics, statements.subList(0, 300));
            try (CeasefireApp app = CeasefireApp.start(config(earlier, topics, stateDir))) {
                awaitContradictions(app, earlier, topics);
            }
        }
        ListAppender<ILoggingEvent> logs = captureLogs();
        try (LiveCluster current = new LiveCluster()) {
            Topics topics = current.createTopics("moved.", 2);
            current.produce(topics, statements);
            try (CeasefireApp app = CeasefireApp.start(config(current, topics, stateDir))) {
                awaitContradictions(app, current, topics);
            }
            List<String> foreign = messages(logs, "Local state in");
            assertThat(foreign).as("lines about the foreign state").hasSize(1);
            assertThat(foreign.get(0)).contains("belongs to cluster", "deleting it, Kafka Streams rebuilds it from the changelog topics");
            assertThat(messages(logs, "TaskCorruptedException")).isEmpty();
            assertThat(messages(logs, "OffsetOutOfRange")).isEmpty();

            logs.list.clear();
            try (CeasefireApp app = CeasefireApp.start(config(current, topics, stateDir))) {
                awaitContradictions(app, current, topics);
            }
            assertThat(messages(logs, "Local state in")).as("a restart on its own state").isEmpty();
        } finally {
            ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
        }
    }

    @Test
    @DisplayName("run on a state folder a kill left half deleted (a store without its CURRENT file) logs one line, rebuilds it, answers like the log")
    void halfDeletedStateIsRebuilt() throws Exception {
        Path stateDir = dir.resolve("state");
        try (LiveCluster cluster = new LiveCluster()) {
            Topics topics = cluster.createTopics("broken.", 2);
            cluster.produce(topics, LiveCluster.generated(300, 22));
            try (CeasefireApp app = CeasefireApp.start(config(cluster, topics, stateDir))) {
                awaitContradictions(app, cluster, topics);
            }
            // Streams deletes a store's files one by one; a SIGKILL in the middle leaves its log file without CURRENT.
            List<Path> currents;
            try (Stream<Path> files = Files.walk(stateDir.resolve("moved-app"))) {
                currents = files.filter(file -> file.getFileName().toString().equals("CURRENT")).toList();
            }
            assertThat(currents).as("RocksDB stores on disk").isNotEmpty();
            for (Path current : currents) {
                Files.delete(current);
            }
            ListAppender<ILoggingEvent> logs = captureLogs();
            try (CeasefireApp app = CeasefireApp.start(config(cluster, topics, stateDir))) {
                awaitContradictions(app, cluster, topics);
                List<String> broken = messages(logs, "Local state in");
                assertThat(broken).as("lines about the broken state").hasSize(1);
                assertThat(broken.get(0)).contains("cannot be opened", "deleting it, Kafka Streams rebuilds it from the changelog topics");
            } finally {
                ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
            }
        }
    }

    @Test
    @DisplayName("right after dev-cluster a producer that only uses the registry's latest version (no auto-registration) can send statements")
    void latestVersionProducerRightAfterDevCluster() throws Exception {
        try (DevCluster cluster = DevCluster.start(Topics.defaults(), 1, GazetteerFile.builtIn(), 0, 0)) {
            assertThat(cluster.inputSubjects()).containsOnlyKeys("ceasefire.statements-value", "ceasefire.gazetteer-value");
            try (SchemaRegistryClient registry = SchemaRegistryClient.forUrl(cluster.schemaRegistryUrl())) {
                assertThat(new org.apache.avro.Schema.Parser().parse(registry.latest("ceasefire.statements-value").schema()))
                        .isEqualTo(MinistryStatement.getClassSchema());
            }
            KafkaAvroSerializer values = new KafkaAvroSerializer();
            values.configure(Map.of("schema.registry.url", cluster.schemaRegistryUrl(), "auto.register.schemas", false,
                    "use.latest.version", true), false);
            MinistryStatement statement = Statements.teghAccusation();
            try (KafkaProducer<String, Object> producer = new KafkaProducer<>(Map.of("bootstrap.servers", cluster.bootstrapServers()),
                    new StringSerializer(), values)) {
                var sent = producer.send(new ProducerRecord<>("ceasefire.statements", statement.getStatementId(), statement)).get();
                assertThat(sent.offset()).isZero();
            }
        }
    }

    private AppConfig config(LiveCluster cluster, Topics topics, Path stateDir) {
        Map<String, String> values = new HashMap<>();
        values.put("bootstrap.servers", cluster.kafka.bootstrapServers());
        values.put("schema.registry.url", cluster.registry.url());
        values.put("application.id", "moved-app");
        values.put("ceasefire.topic.prefix", topics.prefix());
        values.put("ceasefire.http.port", "0");
        values.put("ceasefire.data.dir", dir.toString());
        values.put("state.dir", stateDir.toString());
        return AppConfig.of(values);
    }

    /** Waits until the API lists as many contradictions as the replay of the whole log finds. */
    private void awaitContradictions(CeasefireApp app, LiveCluster cluster, Topics topics) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().untilAsserted(() -> {
            assertThat(cluster.differencesFromReplay(topics, dir.resolve("audit-" + System.nanoTime()))).isEmpty();
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(app.url() + "api/contradictions?limit=500"))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(200);
            try (var live = cluster.audit(topics).liveResults()) {
                assertThat(JSON.readTree(answer.body()).path("items").size()).isEqualTo(live.contradictions().size()).isPositive();
            }
        });
    }

    private static ListAppender<ILoggingEvent> captureLogs() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.setContext(context);
        appender.start();
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(appender);
        return appender;
    }

    private static List<String> messages(ListAppender<ILoggingEvent> logs, String text) {
        return List.copyOf(logs.list).stream()
                .map(event -> event.getFormattedMessage() + (event.getThrowableProxy() == null ? ""
                        : " " + event.getThrowableProxy().getClassName() + ": " + event.getThrowableProxy().getMessage()))
                .filter(message -> message.contains(text))
                .toList();
    }
}
