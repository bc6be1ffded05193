package org.ceasefire.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.avro.JsonProperties;
import org.apache.avro.Schema;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.ceasefire.avro.MinistryStatement;
import org.ceasefire.embedded.EmbeddedKafka;
import org.ceasefire.ingest.KafkaStatementSink;
import org.ceasefire.registry.EmbeddedSchemaRegistry;
import org.ceasefire.registry.SchemaRegistryClient;
import org.ceasefire.registry.serde.AvroSerdes;
import org.ceasefire.topics.TopicBootstrapper;
import org.ceasefire.topics.TopicSpec;
import org.ceasefire.topics.Topics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Schema Registry stops while the app (a child JVM) and an ingestion run, and later returns on the same address. */
class RegistryOutageIT {
    private static final Logger LOG = LoggerFactory.getLogger(RegistryOutageIT.class);
    private static final String APPLICATION_ID = "outage-eos";
    private static EmbeddedKafka kafka;

    @TempDir
    Path dir;

    @BeforeAll
    static void startBroker() {
        kafka = EmbeddedKafka.start();
        FaultCluster.prepareSchemasTopic(kafka.bootstrapServers());
    }

    @AfterAll
    static void stopBroker() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    @DisplayName("registry down: the app processes with cached schemas, ingestion of registered schemas goes on, a new subject fails clearly, a schema not yet cached is retried (not dead-lettered); back up: nothing lost")
    void registryOutageLosesNothing() throws Exception {
        String bootstrap = kafka.bootstrapServers();
        // Port 0: the registry binds a free port itself; it returns on that same port after the outage.
        EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(bootstrap, "127.0.0.1", 0);
        String url = registry.url();
        int registryPort = java.net.URI.create(url).getPort();
        Map<String, Object> client = FaultCluster.client(bootstrap, url);
        Topics topics = FaultCluster.createTopics(client, "outage.");
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            new TopicBootstrapper(admin).ensure(List.of(new TopicSpec("outage.new-subject", 1, (short) 1, Map.of())));
        }
        List<MinistryStatement> statements = FaultCluster.generated(1_300, 31);
        List<MinistryStatement> before = statements.subList(0, 700);
        List<MinistryStatement> during = statements.subList(700, 1_000);
        List<MinistryStatement> newVersion = statements.subList(1_000, 1_300).stream()
                .filter(s -> s.getRevision() == 1 && !s.getRetracted()).limit(10).toList();
        List<MinistryStatement> all = new ArrayList<>(statements.subList(0, 1_000));
        all.addAll(newVersion);

        // A compatible second version of the statement schema (one more optional field), registered before the outage
        // but never seen by the app: its records can only be decoded once the app fetches that schema.
        int v2Id;
        try (SchemaRegistryClient admin = SchemaRegistryClient.forUrl(url)) {
            v2Id = admin.register(topics.statements() + "-value", withExtraField(MinistryStatement.getClassSchema()));
        }
        ChildJvm app = null;
        try (KafkaStatementSink ingest = new KafkaStatementSink(bootstrap,
                AvroSerdes.<MinistryStatement>specific(client, false).serializer(), topics.statements(), 10_000)) {
            app = FaultCluster.startApp("outage-app", dir,
                    FaultCluster.runArgs(bootstrap, url, "outage.", APPLICATION_ID, dir.resolve("state")));
            before.forEach(ingest::send);
            ingest.flush();
            await("the app to consume the first statements").atMost(Duration.ofSeconds(120)).until(() -> consumedAll(topics));
            // A serializer knows only the schemas it has registered or looked up: before the outage the app has written
            // to every output (pairs, tallies, late statements), so each of its subjects is cached.
            await("output on every topic").atMost(Duration.ofSeconds(60)).until(() ->
                    FaultCluster.countCommitted(client, topics.contradictions()) > 0
                            && FaultCluster.countCommitted(client, topics.late()) > 0
                            && FaultCluster.countCommitted(client, topics.sectorTallies()) > 0);

            registry.close();
            LOG.info("Registry stopped");
            long talliesAtOutage = FaultCluster.countCommitted(client, topics.sectorTallies());
            during.forEach(ingest::send);
            ingest.flush();
            assertThat(ingest.failed()).as("ingestion with cached schemas during the outage: %s", ingest.firstFailure()).isZero();
            assertThat(ingest.acknowledged()).isEqualTo(before.size() + during.size());
            await("the app to go on processing with cached schemas").atMost(Duration.ofSeconds(120)).until(() -> consumedAll(topics));
            // The input is consumed before the sector stage's repartition topics are: wait for new tallies.
            await("new tallies written with cached schemas").atMost(Duration.ofSeconds(120))
                    .until(() -> FaultCluster.countCommitted(client, topics.sectorTallies()) > talliesAtOutage);

            // A new subject needs the registry: a clear error naming the subject, not a hang.
            Serializer<MinistryStatement> fresh = AvroSerdes.<MinistryStatement>specific(client, false).serializer();
            assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> fresh.serialize("outage.new-subject", statements.get(0))))
                    .hasMessageContaining("outage.new-subject-value")
                    .hasMessageContaining("register");

            // Records written with the schema the app has not cached yet arrive during the outage.
            Serializer<MinistryStatement> v1 = AvroSerdes.<MinistryStatement>specific(Map.of("schema.registry.url", "mock://outage-v1"), false)
                    .serializer();
            try (KafkaProducer<byte[], byte[]> raw = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap, "acks", "all"),
                    new ByteArraySerializer(), new ByteArraySerializer())) {
                for (MinistryStatement s : newVersion) {
                    raw.send(new ProducerRecord<>(topics.statements(), s.getStatementId().getBytes(StandardCharsets.UTF_8),
                            asVersion(v1.serialize(topics.statements(), s), v2Id))).get();
                }
            }
            ChildJvm running = app;
            await("the app to retry the record whose schema it cannot fetch").atMost(Duration.ofSeconds(60))
                    .until(() -> running.output().contains("the record is retried, not dead-lettered")
                            || FaultCluster.countCommitted(client, topics.deadLetters()) > 0);
            assertThat(FaultCluster.countCommitted(client, topics.deadLetters())).as("nothing dead-lettered for the outage").isZero();
            assertThat(app.isAlive()).isTrue();

            registry = EmbeddedSchemaRegistry.start(bootstrap, "127.0.0.1", registryPort);
            LOG.info("Registry back at {}", registry.url());
            assertThat(fresh.serialize("outage.new-subject", statements.get(0))).as("the new subject, retried").isNotEmpty();

            FaultCluster.Verdict[] verdict = new FaultCluster.Verdict[1];
            await("the live output to equal the replay").atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(3))
                    .untilAsserted(() -> {
                        verdict[0] = FaultCluster.verify(client, topics, dir);
                        assertThat(verdict[0].differences()).as(verdict[0].summary()).isEmpty();
                        assertThat(verdict[0].directDifferences()).as(verdict[0].summary()).isEmpty();
                        assertThat(consumedAll(topics)).isTrue();
                    });
            LOG.info("RESULT registry-outage: outages 1, statements in {} ({} during the outage, {} with an uncached schema), {}",
                    all.size(), during.size(), newVersion.size(), verdict[0].summary());
            assertThat(verdict[0].statementsInLog()).isEqualTo(all.size());
            assertThat(verdict[0].deadLetters()).isZero();
            assertThat(verdict[0].liveTallies()).isEqualTo(verdict[0].expectedTallies()).isPositive();
            assertThat(newVersion).hasSize(10);
        } finally {
            if (app != null) {
                app.close();
            }
            registry.close();
        }
    }

    /** The app's committed offsets on the statements topic have reached its end. */
    private static boolean consumedAll(Topics topics) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(APPLICATION_ID)
                    .partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
            for (int p = 0; p < FaultCluster.PARTITIONS; p++) {
                latest.put(new TopicPartition(topics.statements(), p), OffsetSpec.latest());
            }
            return admin.listOffsets(latest).all().get().entrySet().stream().allMatch(e -> e.getValue().offset() == 0
                    || (committed.get(e.getKey()) != null && committed.get(e.getKey()).offset() >= e.getValue().offset()));
        }
    }

    private static Schema withExtraField(Schema schema) {
        List<Schema.Field> fields = schema.getFields().stream().map(f -> new Schema.Field(f, f.schema())).collect(Collectors.toList());
        fields.add(new Schema.Field("reliability_note", Schema.createUnion(Schema.create(Schema.Type.NULL),
                Schema.create(Schema.Type.STRING)), "added by a later producer", JsonProperties.NULL_VALUE));
        Schema v2 = Schema.createRecord(schema.getName(), schema.getDoc(), schema.getNamespace(), false, fields);
        return v2;
    }

    /** The same record in the second version's wire format: its schema id, the same fields, and a null (one byte 0) appended. */
    private static byte[] asVersion(byte[] v1Framed, int id) {
        ByteBuffer out = ByteBuffer.allocate(v1Framed.length + 1);
        out.put((byte) 0).putInt(id).put(v1Framed, 5, v1Framed.length - 5).put((byte) 0);
        return out.array();
    }
}
