package org.ceasefire.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppConfigTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("flags override the environment, which overrides the file, which overrides the defaults")
    void layersOverrideInOrder() throws Exception {
        Path file = dir.resolve("app.properties");
        Files.writeString(file, """
                bootstrap.servers=file:9092
                ceasefire.http.port=9000
                ceasefire.pairing.distance=PT3H
                security.protocol=SASL_SSL
                """);
        AppConfig config = AppConfig.load(file,
                Map.of("CEASEFIRE_HTTP_PORT", "9100", "CEASEFIRE_BOOTSTRAP_SERVERS", "env:9092", "HOME", "/ignored"),
                Map.of("bootstrap.servers", "flag:9092"));
        assertThat(config.get(AppSettings.BOOTSTRAP_SERVERS)).isEqualTo("flag:9092");
        assertThat(config.getInt(AppSettings.HTTP_PORT)).isEqualTo(9100);
        assertThat(config.getDuration(AppSettings.PAIRING_DISTANCE)).isEqualTo(Duration.ofHours(3));
        assertThat(config.getDuration(AppSettings.PAIRING_HORIZON)).isEqualTo(Duration.ofHours(72));
        assertThat(config.clientProperties()).containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("bootstrap.servers", "flag:9092")
                .doesNotContainKey("ceasefire.http.port");
    }

    @Test
    @DisplayName("any Kafka key can be set from the environment: CEASEFIRE_SASL_JAAS_CONFIG is sasl.jaas.config")
    void mapsEnvironmentVariablesToKeys() {
        assertThat(EnvironmentMapping.keysFrom(Map.of(
                "CEASEFIRE_SASL_JAAS_CONFIG", "x", "CEASEFIRE_HTTP_HOST", "0.0.0.0", "PATH", "/bin")))
                .containsExactly(Map.entry("ceasefire.http.host", "0.0.0.0"), Map.entry("sasl.jaas.config", "x"));
        assertThat(AppSettings.SCHEMA_REGISTRY_URL.environmentVariable()).isEqualTo("CEASEFIRE_SCHEMA_REGISTRY_URL");
        assertThat(AppSettings.TOPIC_PARTITIONS.environmentVariable()).isEqualTo("CEASEFIRE_TOPIC_PARTITIONS");
    }

    @Test
    @DisplayName("an invalid value fails at start with a message naming the key and where it was set")
    void rejectsInvalidValuesNamingTheKey() {
        assertThatThrownBy(() -> AppConfig.load(null, Map.of("CEASEFIRE_HTTP_PORT", "eighty"), Map.of()))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage("ceasefire.http.port 'eighty' is not a whole number (set by environment variable CEASEFIRE_HTTP_PORT; environment variable CEASEFIRE_HTTP_PORT)");
        assertThatThrownBy(() -> AppConfig.of(Map.of("schema.registry.url", "localhost:8081")))
                .hasMessageStartingWith("schema.registry.url 'localhost:8081' is not an http(s):// URL (set by command line");
        assertThatThrownBy(() -> AppConfig.of(Map.of("bootstrap.servers", " ")))
                .hasMessageStartingWith("bootstrap.servers is required");
        assertThatThrownBy(() -> AppConfig.of(Map.of("ceasefire.pairing.horizon", "PT1H")))
                .hasMessageStartingWith("ceasefire.pairing.horizon must not be shorter than ceasefire.pairing.distance");
        assertThatThrownBy(() -> AppConfig.of(Map.of("ceasefire.pairing.distance", "6 hours")))
                .hasMessageStartingWith("ceasefire.pairing.distance '6 hours' is not an ISO-8601 duration such as PT6H");
        assertThatThrownBy(() -> AppConfig.load(dir.resolve("missing.properties"), Map.of(), Map.of()))
                .hasMessageEndingWith("missing.properties does not exist");
    }

    @Test
    @DisplayName("secrets never appear in the printed configuration")
    void hidesSecrets() {
        AppConfig config = AppConfig.of(Map.of(
                "sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"u\" password=\"p4ss\";",
                "basic.auth.user.info", "user:s3cret",
                "ssl.keystore.password", "k3y",
                "security.protocol", "SASL_SSL"));
        String described = config.describe();
        assertThat(described).doesNotContain("p4ss", "s3cret", "k3y")
                .contains("sasl.jaas.config=[hidden]", "basic.auth.user.info=[hidden]", "ssl.keystore.password=[hidden]",
                        "security.protocol=SASL_SSL  (command line)");
    }

    @Test
    @DisplayName("docs/configuration.md holds exactly the table generated from the code")
    void documentationIsGeneratedFromTheCode() throws Exception {
        String doc = Files.readString(Path.of("docs/configuration.md"));
        assertThat(doc).contains(AppSettings.markdownTable());
        for (Setting setting : AppSettings.ALL) {
            assertThat(doc).contains("| `" + setting.key() + "` |");
        }
    }
}
