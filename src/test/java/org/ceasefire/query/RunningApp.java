package org.ceasefire.query;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;
import org.ceasefire.app.CeasefireApp;
import org.ceasefire.avro.MinistryStatement;
import org.ceasefire.avro.Place;
import org.ceasefire.conflict.ConflictDefinition;
import org.ceasefire.conflict.GazetteerFile;
import org.ceasefire.embedded.EmbeddedKafka;
import org.ceasefire.registry.EmbeddedSchemaRegistry;
import org.ceasefire.registry.serde.AvroSerdes;
import org.ceasefire.topics.TopicBootstrapper;
import org.ceasefire.topics.TopicSpec;
import org.ceasefire.topics.Topics;
import org.ceasefire.topology.CeasefireTopology;
import org.ceasefire.topology.StreamsSettings;
import org.ceasefire.topology.TopologyConfig;

/**
 * The application as it runs for real, for the integration tests: an embedded KRaft broker, the
 * embedded Schema Registry, the topics, the built-in gazetteer, and any number of instances of
 * the topology, each with its query server on its own {@code application.server} port.
 */
final class RunningApp implements AutoCloseable {
    static final ConflictDefinition CONFLICT = GazetteerFile.builtIn().conflict();
    /** Incidents in the tests lie in 2023; a long horizon keeps them pairable whenever the test runs. */
    private static final Duration HORIZON = Duration.ofDays(365L * 20);

    /** One application instance: its Streams and its HTTP server. */
    record Instance(KafkaStreams streams, StreamsQueryServer server, HostInfo host) implements AutoCloseable {
        TestHttp http() {
            return new TestHttp(server.port());
        }

        @Override
        public void close() {
            server.close();
            streams.close(Duration.ofSeconds(30));
        }
    }

    private final EmbeddedKafka kafka;
    private final EmbeddedSchemaRegistry registry;
    private final Topics topics = Topics.defaults();
    private final Map<String, Object> serdeConfig;
    private final Path stateRoot;
    private final KafkaProducer<String, MinistryStatement> statements;
    private final List<Instance> instances = new ArrayList<>();
    private final String applicationId;

    RunningApp(int partitions) {
        kafka = EmbeddedKafka.start();
        prepareSchemasTopic();
        registry = EmbeddedSchemaRegistry.start(kafka.bootstrapServers());
        serdeConfig = Map.of("schema.registry.url", registry.url());
        applicationId = "query-it-" + System.nanoTime();
        try {
            stateRoot = Files.createTempDirectory("query-it-state");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            new TopicBootstrapper(admin).ensure(topics.specs(partitions, (short) 1));
        }
        publishGazetteer();
        statements = new KafkaProducer<>(producerConfig(), new StringSerializer(),
                AvroSerdes.<MinistryStatement>specific(serdeConfig, false).serializer());
    }

    /**
     * Creates the registry's topic and waits until the broker describes it: on a busy machine the
     * registry's own create-then-describe can run ahead of the broker's metadata and fail.
     */
    private void prepareSchemasTopic() {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            new TopicBootstrapper(admin).ensure(List.of(new TopicSpec(EmbeddedSchemaRegistry.SCHEMAS_TOPIC, 1, (short) 1,
                    Map.of("cleanup.policy", "compact"))));
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> admin
                    .describeTopics(List.of(EmbeddedSchemaRegistry.SCHEMAS_TOPIC)).allTopicNames().get()
                    .get(EmbeddedSchemaRegistry.SCHEMAS_TOPIC).partitions().size() == 1);
        }
    }

    private Map<String, Object> producerConfig() {
        return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all");
    }

    private void publishGazetteer() {
        publishPlaces(GazetteerFile.builtIn().places().toArray(Place[]::new));
    }

    /** Writes places to the gazetteer topic: new ones, or corrections of the built-in ones. */
    void publishPlaces(Place... batch) {
        try (KafkaProducer<String, Place> places = new KafkaProducer<>(producerConfig(), new StringSerializer(),
                AvroSerdes.<Place>specific(serdeConfig, false).serializer())) {
            for (Place place : batch) {
                places.send(new ProducerRecord<>(topics.gazetteer(), place.getPlaceId(), place));
            }
        }
    }

    /** Starts one more instance and waits until it is RUNNING. */
    Instance startInstance() {
        Instance instance = createInstance();
        instance.streams().start();
        awaitAllRunning();
        return instance;
    }

    /**
     * Creates one more instance whose query server already answers but whose Streams is not started
     * yet, as at the start of {@code run}: the API cannot answer from the stores until
     * {@code instance.streams().start()}.
     */
    Instance createInstance() {
        int port = EmbeddedKafka.freePort();
        HostInfo host = new HostInfo("127.0.0.1", port);
        TopologyConfig config = TopologyConfig.of(topics, CONFLICT, serdeConfig).withHorizon(HORIZON);
        Properties props = StreamsSettings.defaults(applicationId, kafka.bootstrapServers(), host.host() + ":" + port, serdeConfig);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateRoot.resolve("instance-" + port).toString());
        props.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class.getName());
        KafkaStreams streams = CeasefireApp.newStreams(CeasefireTopology.build(config), props);
        Instance instance = new Instance(streams, startServer(streams, host), host);
        instances.add(instance);
        return instance;
    }

    /** A query server for the streams on the host's port (again, after an earlier one there was closed). */
    StreamsQueryServer startServer(KafkaStreams streams, HostInfo host) {
        return StreamsQueryServer.start(streams, new StreamsQueryConfig(QueryServerConfig.localhost(host.port()),
                Optional.of(host), CONFLICT, topics, kafka.bootstrapServers(), serdeConfig));
    }

    /** Replaces an instance's query server by a new one on the same port, as after a restart of the server. */
    Instance replaceServer(Instance old, StreamsQueryServer server) {
        Instance replaced = new Instance(old.streams(), server, old.host());
        instances.set(instances.indexOf(old), replaced);
        return replaced;
    }

    /** The HTTP port of the first instance. */
    int startedPort() {
        return instances.get(0).server().port();
    }

    List<Instance> instances() {
        return instances;
    }

    void awaitAllRunning() {
        await().atMost(Duration.ofSeconds(90)).until(() -> instances.stream()
                .allMatch(i -> i.streams().state() == KafkaStreams.State.RUNNING && i.http().get("/ready").status() == 200));
    }

    void send(MinistryStatement... batch) {
        for (MinistryStatement statement : batch) {
            statements.send(new ProducerRecord<>(topics.statements(), statement.getStatementId(), statement));
        }
        statements.flush();
    }

    /** Writes bytes that are no Avro record at all: the topology must dead-letter them. */
    void sendGarbage(String key) {
        try (KafkaProducer<String, byte[]> raw = new KafkaProducer<>(producerConfig(), new StringSerializer(), new ByteArraySerializer())) {
            raw.send(new ProducerRecord<>(topics.statements(), key, new byte[] {1, 2, 3}));
        }
    }

    @Override
    public void close() {
        statements.close();
        instances.forEach(Instance::close);
        registry.close();
        kafka.close();
    }
}
