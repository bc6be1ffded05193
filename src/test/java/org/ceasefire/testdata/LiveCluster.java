package org.ceasefire.testdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.ceasefire.audit.AuditReplay;
import org.ceasefire.audit.Difference;
import org.ceasefire.avro.MinistryStatement;
import org.ceasefire.avro.Place;
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

/**
 * An embedded broker and registry for integration tests, with helpers to create a prefix's topics
 * (gazetteer loaded), feed them, configure the app on them, and check the live output.
 */
public final class LiveCluster implements AutoCloseable {
    public static final GazetteerFile CONFLICT = GazetteerFile.builtIn();

    public final EmbeddedKafka kafka = EmbeddedKafka.start();
    public final EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(kafka.bootstrapServers());

    public Map<String, Object> client() {
        return Map.of("bootstrap.servers", kafka.bootstrapServers(), "schema.registry.url", registry.url());
    }

    /** Creates every topic of {@code prefix} with {@code partitions} partitions and loads the built-in gazetteer. */
    public Topics createTopics(String prefix, int partitions) {
        Topics topics = new Topics(prefix);
        try (Admin admin = Admin.create(client())) {
            new TopicBootstrapper(admin).ensure(topics.specs(partitions, (short) 1));
            awaitLeaders(admin, topics.statements(), partitions);
        }
        new GazetteerLoader(client(), AvroSerdes.<Place>specific(client(), false).serializer()).load(CONFLICT.places(), topics.gazetteer());
        return topics;
    }

    /**
     * Waits until the broker answers as leader for every partition: a busy broker can name itself leader in its
     * metadata before it acts as one, and an idempotent producer that meets NOT_LEADER on its first batch may then
     * fail it with OutOfOrderSequence.
     */
    private static void awaitLeaders(Admin admin, String topic, int partitions) {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (int p = 0; p < partitions; p++) {
            latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
        }
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> admin.listOffsets(latest).all().get().size() == partitions);
    }

    /** The app's configuration for these topics, with a free HTTP port and its own state directory. */
    public AppConfig appConfig(Topics topics, int partitions, String applicationId, Path stateDir) {
        Map<String, String> values = new HashMap<>();
        values.put("bootstrap.servers", kafka.bootstrapServers());
        values.put("schema.registry.url", registry.url());
        values.put("application.id", applicationId);
        values.put("ceasefire.topic.prefix", topics.prefix());
        values.put("ceasefire.topic.partitions", String.valueOf(partitions));
        values.put("ceasefire.topic.replication.factor", "1");
        values.put("ceasefire.http.port", "0");
        values.put("state.dir", stateDir.toString());
        return AppConfig.of(values);
    }

    public static List<MinistryStatement> generated(long count, long seed) {
        SyntheticGazetteer.World world = SyntheticGazetteer.extend(CONFLICT, SpellingBook.readOrBuiltIn(null), 0, seed);
        List<MinistryStatement> statements = new ArrayList<>();
        new StatementGenerator(world, seed).generate(count, statements::add);
        return statements;
    }

    public void produce(Topics topics, List<MinistryStatement> statements) {
        try (KafkaStatementSink sink = new KafkaStatementSink(KafkaStatementSink.producerConfig(client()),
                AvroSerdes.<MinistryStatement>specific(client(), false).serializer(), topics.statements(), 1_000)) {
            statements.forEach(sink::send);
            sink.flush();
            assertThat(sink.failed()).as("statements that could not be sent").isZero();
        }
    }

    /** The verifier: the same topology replayed offline over the whole log, compared with the live output. */
    public AuditReplay audit(Topics topics) {
        return new AuditReplay(client(), TopologyConfig.of(topics, CONFLICT.conflict(), client()));
    }

    /** Replays the whole log of {@code topics} into {@code out} and returns how the live output differs from it. */
    public List<Difference> differencesFromReplay(Topics topics, Path out) {
        try (AuditReplay.Outcome outcome = audit(topics).replayAndCompare(new AuditReplay.Options(null, null, null, out), Progress.NONE)) {
            return outcome.differences();
        }
    }

    @Override
    public void close() {
        registry.close();
        kafka.close();
    }
}
