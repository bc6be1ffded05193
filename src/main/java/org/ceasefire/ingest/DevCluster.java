package org.ceasefire.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.ceasefire.avro.Place;
import org.ceasefire.conflict.GazetteerFile;
import org.ceasefire.embedded.EmbeddedKafka;
import org.ceasefire.registry.EmbeddedSchemaRegistry;
import org.ceasefire.registry.serde.AvroSerdes;
import org.ceasefire.topics.InputSubjects;
import org.ceasefire.topics.TopicBootstrapper;
import org.ceasefire.topics.Topics;

/**
 * A broker and a schema registry in this process with the application's topics and the gazetteer
 * loaded: everything an ingestion script in any language needs to feed statements, without Docker.
 */
public final class DevCluster implements AutoCloseable {
    private final EmbeddedKafka kafka;
    private final EmbeddedSchemaRegistry registry;
    private final List<String> createdTopics;
    private final int placesLoaded;
    private final Map<String, Integer> inputSubjects;

    private DevCluster(EmbeddedKafka kafka, EmbeddedSchemaRegistry registry, List<String> createdTopics, int placesLoaded,
                       Map<String, Integer> inputSubjects) {
        this.kafka = kafka;
        this.registry = registry;
        this.createdTopics = createdTopics;
        this.placesLoaded = placesLoaded;
        this.inputSubjects = inputSubjects;
    }

    /**
     * Starts the broker (on {@code brokerPort}, 0 for a free one), the registry (likewise), creates the
     * topics under {@code topics} and loads {@code gazetteer}'s places. Everything is stopped again if a
     * step fails, so no half-started cluster is left behind.
     */
    public static DevCluster start(Topics topics, int partitions, GazetteerFile gazetteer, int brokerPort, int registryPort) {
        EmbeddedKafka kafka = startBroker(brokerPort);
        EmbeddedSchemaRegistry registry = null;
        try {
            registry = EmbeddedSchemaRegistry.start(kafka.bootstrapServers(), "127.0.0.1", registryPort);
            List<String> created;
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
                created = new TopicBootstrapper(admin).ensure(topics.specs(partitions, (short) 1));
            }
            int loaded = new GazetteerLoader(kafka.bootstrapServers(),
                    AvroSerdes.<Place>specific(Map.of("schema.registry.url", registry.url()), false).serializer())
                    .load(gazetteer.places(), topics.gazetteer());
            // Producers in other languages that only use the latest registered version can send right away.
            Map<String, Integer> subjects = InputSubjects.register(topics, Map.of("schema.registry.url", registry.url()));
            return new DevCluster(kafka, registry, created, loaded, subjects);
        } catch (RuntimeException e) {
            if (registry != null) {
                registry.close();
            }
            kafka.close();
            throw e;
        }
    }

    private static EmbeddedKafka startBroker(int port) {
        if (port == 0) {
            return EmbeddedKafka.start();
        }
        try {
            return EmbeddedKafka.start(Files.createTempDirectory("ceasefire-dev-cluster-"), true, port, Map.of());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a directory for the broker", e);
        }
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    public String schemaRegistryUrl() {
        return registry.url();
    }

    public List<String> createdTopics() {
        return createdTopics;
    }

    public int placesLoaded() {
        return placesLoaded;
    }

    /** The input topics' value subjects and the ids of their schemas. */
    public Map<String, Integer> inputSubjects() {
        return inputSubjects;
    }

    @Override
    public void close() {
        try {
            registry.close();
        } finally {
            kafka.close();
        }
    }
}
