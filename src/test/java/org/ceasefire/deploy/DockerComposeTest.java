package org.ceasefire.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.ceasefire.config.AppConfig;
import org.ceasefire.config.AppSettings;
import org.ceasefire.config.EnvironmentMapping;
import org.ceasefire.topics.Topics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** docker-compose.yml cannot run here (no Docker engine), so its settings are checked against the app's. */
class DockerComposeTest {
    private static JsonNode services;

    @BeforeAll
    static void readComposeFile() throws Exception {
        services = new ObjectMapper(new YAMLFactory()).readTree(Path.of("docker-compose.yml").toFile()).path("services");
    }

    private static String env(String service, String variable) {
        JsonNode value = services.path(service).path("environment").path(variable);
        assertThat(value.isMissingNode()).as(service + " sets " + variable).isFalse();
        return value.asText();
    }

    private static String internalKafkaAddress() {
        for (String listener : env("kafka", "KAFKA_ADVERTISED_LISTENERS").split(",")) {
            if (listener.startsWith(env("kafka", "KAFKA_INTER_BROKER_LISTENER_NAME") + "://")) {
                return listener.substring(listener.indexOf("://") + 3);
            }
        }
        throw new AssertionError("kafka advertises no inter-broker listener");
    }

    @Test
    @DisplayName("the app, the loader and Kafka UI reach the broker on its advertised internal listener")
    void everyClientUsesTheBrokersInternalListener() {
        String kafka = internalKafkaAddress();
        assertThat(kafka).isEqualTo("kafka:29092");
        assertThat(env("app", "CEASEFIRE_BOOTSTRAP_SERVERS")).isEqualTo(kafka);
        assertThat(env("loader", "CEASEFIRE_BOOTSTRAP_SERVERS")).isEqualTo(kafka);
        assertThat(env("kafka-ui", "KAFKA_CLUSTERS_0_BOOTSTRAPSERVERS")).isEqualTo(kafka);
        assertThat(env("schema-registry", "SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS")).endsWith("://" + kafka);
    }

    @Test
    @DisplayName("the app, the loader and Kafka UI use the registry at the port it listens on")
    void everyClientUsesTheRegistry() {
        String port = env("schema-registry", "SCHEMA_REGISTRY_LISTENERS").replaceAll(".*:", "");
        String url = "http://schema-registry:" + port;
        assertThat(env("app", "CEASEFIRE_SCHEMA_REGISTRY_URL")).isEqualTo(url);
        assertThat(env("loader", "CEASEFIRE_SCHEMA_REGISTRY_URL")).isEqualTo(url);
        assertThat(env("kafka-ui", "KAFKA_CLUSTERS_0_SCHEMAREGISTRY")).isEqualTo(url);
        assertThat(services.path("schema-registry").path("ports").get(0).asText()).isEqualTo(port + ":" + port);
    }

    @Test
    @DisplayName("the app's HTTP port is the one published, advertised and health-checked, on every interface")
    void theAppPublishesItsHttpPort() {
        String port = env("app", "CEASEFIRE_HTTP_PORT");
        assertThat(env("app", "CEASEFIRE_HTTP_HOST")).isEqualTo("0.0.0.0");
        assertThat(services.path("app").path("ports").get(0).asText()).isEqualTo("8080:" + port);
        assertThat(env("app", "CEASEFIRE_HTTP_ADVERTISED")).isEqualTo("app:" + port);
        assertThat(services.path("app").path("healthcheck").path("test").get(1).asText())
                .contains("http://localhost:" + port + "/ready");
    }

    @Test
    @DisplayName("every CEASEFIRE_ variable is a setting the app knows and gives a valid configuration")
    void everyVariableIsAKnownSetting() {
        List<String> keys = AppSettings.ALL.stream().map(setting -> setting.key()).toList();
        for (String service : List.of("app", "loader")) {
            Map<String, String> variables = new ObjectMapper().convertValue(services.path(service).path("environment"), Map.class);
            assertThat(EnvironmentMapping.keysFrom(variables).keySet()).as(service).isSubsetOf(keys);
            AppConfig config = AppConfig.load(null, variables, Map.of());
            assertThat(config.get(AppSettings.TOPIC_PREFIX)).isEqualTo(Topics.DEFAULT_PREFIX);
        }
    }

    @Test
    @DisplayName("the loader loads files that the image contains, and Kafka is not a version with known leaks")
    void theLoaderFilesExistAndVersionsAreSafe() throws Exception {
        String loader = services.path("loader").path("entrypoint").get(2).asText();
        String dockerfile = Files.readString(Path.of("Dockerfile"));
        assertThat(dockerfile).contains("COPY src/main/resources/samples /app/samples", "COPY src/main/resources/conflicts /app/conflicts");
        List<String> files = new ArrayList<>();
        for (String word : loader.split("\\s+")) {
            if (word.startsWith("/app/samples/") || word.startsWith("/app/conflicts/")) {
                files.add(word);
            }
        }
        assertThat(files).containsExactly("/app/conflicts/am-az.json", "/app/samples/am-az-sample.jsonl");
        for (String file : files) {
            assertThat(Path.of("src/main/resources" + file.substring("/app".length()))).exists();
        }
        String kafkaImage = services.path("kafka").path("image").asText();
        assertThat(kafkaImage).startsWith("apache/kafka:4.").doesNotEndWith(":4.1.0").doesNotEndWith(":4.3.0");
        assertThat(services.path("schema-registry").path("image").asText()).startsWith("confluentinc/cp-schema-registry:");
    }
}
