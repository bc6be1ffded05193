package org.ceasefire.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import org.ceasefire.cli.Main;
import org.ceasefire.conflict.GazetteerFile;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DevClusterCommandIT {
    @TempDir
    Path dataDir;

    @Test
    @DisplayName("dev-cluster prints bootstrap.servers and schema.registry.url, creates the topics, loads the gazetteer, registers the input schemas and stops after --duration")
    void printsAddressesForScripts() {
        StringWriter out = new StringWriter();
        CommandLine command = Main.commandLine();
        command.setOut(new PrintWriter(out, true));
        int code = command.execute("dev-cluster", "--duration", "1ms", "--data-dir", dataDir.toString());
        assertThat(code).isEqualTo(0);
        assertThat(out.toString())
                .containsPattern("(?m)^bootstrap\\.servers=127\\.0\\.0\\.1:\\d+$")
                .containsPattern("(?m)^schema\\.registry\\.url=http://127\\.0\\.0\\.1:\\d+$")
                .contains("ceasefire.statements", GazetteerFile.builtIn().places().size() + " places loaded into ceasefire.gazetteer", "Running for PT0.001S.")
                .containsPattern("Schema registered: subject ceasefire\\.statements-value, latest version = schema id \\d+")
                .containsPattern("Schema registered: subject ceasefire\\.gazetteer-value, latest version = schema id \\d+")
                .containsPattern("Kafka logged (no|\\d+) (retried )?errors");
    }
}
