package org.ceasefire.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

import org.ceasefire.cli.ConfigOptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ConnectionSettingsTest {
    private static final Map<String, String> ENV = Map.of(
            "CEASEFIRE_BOOTSTRAP_SERVERS", "localhost:19092",
            "CEASEFIRE_SCHEMA_REGISTRY_URL", "http://localhost:18081");

    @Test
    @DisplayName("an option wins over the environment, the environment over the default, and each says where it came from")
    void optionThenEnvironmentThenDefault() {
        ConfigOptions fromOptions = new ConfigOptions(ENV).with("localhost:29092", "http://localhost:28081");
        assertThat(fromOptions.bootstrapServers()).isEqualTo("localhost:29092");
        assertThat(fromOptions.bootstrapServersSource()).isEqualTo("set by command line");
        assertThat(fromOptions.schemaRegistryUrlSource()).isEqualTo("set by command line");

        ConfigOptions fromEnvironment = new ConfigOptions(ENV);
        assertThat(fromEnvironment.bootstrapServers()).isEqualTo("localhost:19092");
        assertThat(fromEnvironment.bootstrapServersSource()).isEqualTo("set by environment variable CEASEFIRE_BOOTSTRAP_SERVERS");
        assertThat(fromEnvironment.schemaRegistryUrl()).isEqualTo("http://localhost:18081");

        ConfigOptions defaults = new ConfigOptions(Map.of());
        assertThat(defaults.bootstrapServers()).isEqualTo("localhost:9092");
        assertThat(defaults.schemaRegistryUrl()).isEqualTo("http://localhost:8081");
        assertThat(defaults.bootstrapServersSource()).isEqualTo("from the default; set it with a flag, -c FILE or CEASEFIRE_BOOTSTRAP_SERVERS");
    }

    @Test
    @DisplayName("the progress bar draws the share of bytes read and clears itself before a message")
    void progressBar() {
        StringWriter err = new StringWriter();
        TerminalProgress progress = new TerminalProgress(new PrintWriter(err, true));
        progress.update("in.jsonl", 50, 200, 1000);
        assertThat(err.toString()).startsWith("\rin.jsonl [#######                       ] 25% 1,000 statements, ");
        progress.message(new PrintWriter(err, true), "in.jsonl:3: issuer: required field is missing");
        assertThat(err.toString()).endsWith("\r\033[K" + "in.jsonl:3: issuer: required field is missing" + System.lineSeparator());
    }
}
