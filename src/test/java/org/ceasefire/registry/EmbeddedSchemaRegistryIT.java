package org.ceasefire.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.avro.Schema;
import org.ceasefire.embedded.EmbeddedKafkaExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The REST contract on the Kafka-backed registry, plus what the {@code _schemas} topic is for. */
class EmbeddedSchemaRegistryIT extends RegistryContract {

    @RegisterExtension
    static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();

    private static EmbeddedSchemaRegistry registry;

    @BeforeAll
    static void start() {
        registry = EmbeddedSchemaRegistry.start(KAFKA.bootstrapServers());
    }

    @AfterAll
    static void stop() {
        registry.close();
    }

    @Override
    protected String registryUrl() {
        return registry.url();
    }

    @Test
    @DisplayName("a restarted registry serves the same subjects, versions and ids, and never reuses an id")
    void restartKeepsIds() {
        String subject = unique("restart");
        Schema x = schema(unique("X"));
        Schema y = schema(unique("Y"));
        int idX;
        int idY;
        try (EmbeddedSchemaRegistry first = EmbeddedSchemaRegistry.start(KAFKA.bootstrapServers());
             SchemaRegistryClient client = SchemaRegistryClient.forUrl(first.url())) {
            idX = client.register(subject, x);
            client.setCompatibility(subject, CompatibilityLevel.NONE);
            idY = client.register(subject, y);
        }

        try (EmbeddedSchemaRegistry second = EmbeddedSchemaRegistry.start(KAFKA.bootstrapServers());
             SchemaRegistryClient client = SchemaRegistryClient.forUrl(second.url())) {
            assertThat(client.schemaById(idX)).isEqualTo(x);
            assertThat(client.schemaById(idY)).isEqualTo(y);
            assertThat(client.versions(subject)).containsExactly(1, 2);
            assertThat(client.latest(subject).id()).isEqualTo(idY);
            assertThat(client.compatibility(subject)).isEqualTo(CompatibilityLevel.NONE);
            assertThat(client.register(unique("other"), x)).isEqualTo(idX);
            int idZ = client.register(subject, schema(unique("Z")));
            assertThat(idZ).isGreaterThan(Math.max(idX, idY));
            assertThat(client.versions(subject)).containsExactly(1, 2, 3);
        }
    }

    @Test
    @DisplayName("two registries on one cluster agree on subjects and ids, whichever one is written to")
    void twoRegistriesAgree() {
        try (EmbeddedSchemaRegistry other = EmbeddedSchemaRegistry.start(KAFKA.bootstrapServers());
             SchemaRegistryClient a = SchemaRegistryClient.forUrl(registry.url());
             SchemaRegistryClient b = SchemaRegistryClient.forUrl(other.url())) {
            String subject = unique("shared");
            Schema schema = schema(unique("S"));

            int id = a.register(subject, schema);
            assertThat(b.schemaById(id)).isEqualTo(schema);
            assertThat(b.latest(subject).id()).isEqualTo(id);
            assertThat(b.register(unique("elsewhere"), schema)).isEqualTo(id);

            Schema fromB = schema(unique("B"));
            int idFromB = b.register(subject + "-b", fromB);
            assertThat(a.schemaById(idFromB)).isEqualTo(fromB);
            assertThat(idFromB).isNotEqualTo(id);

            b.setCompatibility(subject, CompatibilityLevel.FORWARD_TRANSITIVE);
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> a.compatibility(subject) == CompatibilityLevel.FORWARD_TRANSITIVE);
        }
    }

    @Test
    @DisplayName("schemas registered at the same time through two registries get distinct ids both agree on")
    void concurrentRegistrations() throws Exception {
        try (EmbeddedSchemaRegistry other = EmbeddedSchemaRegistry.start(KAFKA.bootstrapServers());
             SchemaRegistryClient a = SchemaRegistryClient.forUrl(registry.url());
             SchemaRegistryClient b = SchemaRegistryClient.forUrl(other.url())) {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Schema> schemas = new ArrayList<>();
            List<Future<Integer>> ids = new ArrayList<>();
            String subject = unique("race");
            a.setCompatibility(subject, CompatibilityLevel.NONE);
            for (int i = 0; i < 12; i++) {
                Schema schema = schema(unique("C" + i));
                SchemaRegistryClient via = i % 2 == 0 ? a : b;
                schemas.add(schema);
                ids.add(pool.submit(() -> via.register(subject, schema)));
            }
            List<Integer> assigned = new ArrayList<>();
            for (Future<Integer> id : ids) {
                assigned.add(id.get());
            }
            pool.shutdown();

            assertThat(new HashSet<>(assigned)).hasSize(12);
            for (int i = 0; i < 12; i++) {
                assertThat(a.schemaById(assigned.get(i))).isEqualTo(schemas.get(i));
                assertThat(b.schemaById(assigned.get(i))).isEqualTo(schemas.get(i));
            }
            // A registry reads a subject it already knows from its own state, without catching up with the log:
            // the versions written through the other registry a moment ago reach it asynchronously.
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                List<Integer> versions = a.versions(subject);
                assertThat(versions).hasSize(12);
                assertThat(b.versions(subject)).isEqualTo(versions);
            });
            List<Integer> versionsA = a.versions(subject);
            Set<Integer> idsByVersion = new HashSet<>();
            for (int version : versionsA) {
                int idInA = a.version(subject, version).id();
                assertThat(b.version(subject, version).id()).isEqualTo(idInA);
                idsByVersion.add(idInA);
            }
            assertThat(idsByVersion).isEqualTo(new HashSet<>(assigned));
        }
    }

    private static Schema schema(String name) {
        return new Schema.Parser().parse(RestCalls.recordSchema(name, "a"));
    }
}
