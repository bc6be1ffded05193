package org.ceasefire.registry.confluent;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.security.CodeSource;

import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.utils.internals.AppInfoParser;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Which way of loading Confluent's jar works. Its shaded jar bundles kafka-clients 3.9.2 and Avro:
 * after our dependencies on the class path (Failsafe's additional class path element), ours win
 * and Confluent's serde is a Serializer of our kafka-clients, usable by our producers and Streams.
 * In an isolated class loader it keeps its own Kafka, and its serializer is no Serializer of ours.
 */
class ConfluentJarIT {

    private static final Path JAR = Path.of(System.getProperty("confluent.serde.jar", "missing"));

    @Test
    @DisplayName("on the class path after ours, Confluent's serializer runs on our kafka-clients and our Avro")
    void afterOursOnTheClassPath() {
        Class<?> confluent = ConfluentClasses.load(ConfluentSerdes.SERIALIZER);

        assertThat(location(confluent.getProtectionDomain().getCodeSource())).endsWith("/" + JAR.getFileName());
        assertThat(Serializer.class.isAssignableFrom(confluent)).isTrue();
        assertThat(location(Serializer.class.getProtectionDomain().getCodeSource())).contains("kafka-clients-4.");
        assertThat(location(org.apache.avro.Schema.class.getProtectionDomain().getCodeSource())).contains("/avro-1.");
        assertThat(AppInfoParser.getVersion()).startsWith("4.");
    }

    @Test
    @DisplayName("in an isolated class loader Confluent's jar keeps its Kafka 3.9.2, and its serializer is no Serializer of ours")
    void isolatedClassLoader() throws Exception {
        try (URLClassLoader isolated = new URLClassLoader(new URL[] {JAR.toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            Class<?> confluent = Class.forName(ConfluentSerdes.SERIALIZER, false, isolated);
            Class<?> theirSerializer = Class.forName(Serializer.class.getName(), false, isolated);
            // Kafka 4 moved it to utils.internals.
            Class<?> theirAppInfo = Class.forName("org.apache.kafka.common.utils.AppInfoParser", true, isolated);

            assertThat(theirSerializer).isNotSameAs(Serializer.class);
            assertThat(Serializer.class.isAssignableFrom(confluent)).isFalse();
            assertThat(theirSerializer.isAssignableFrom(confluent)).isTrue();
            assertThat(theirAppInfo.getMethod("getVersion").invoke(null)).isEqualTo("3.9.2");
        }
    }

    private static String location(CodeSource source) {
        return source.getLocation().toString();
    }
}
