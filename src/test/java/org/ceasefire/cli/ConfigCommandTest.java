package org.ceasefire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.ceasefire.config.AppSettings;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ConfigCommandTest {
    record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true)).execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    @DisplayName("config prints each value with its source and hides secrets")
    void printsTheEffectiveConfiguration() {
        Run run = run("config", "--bootstrap-servers", "broker:9093", "-D", "sasl.jaas.config=PlainLoginModule required password=\"s3cret\";");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("bootstrap.servers=broker:9093  (command line)", "sasl.jaas.config=[hidden]  (command line)",
                "ceasefire.pairing.distance=PT6H  (default)").doesNotContain("s3cret");
    }

    @Test
    @DisplayName("config --table prints the generated settings table")
    void printsTheTable() {
        assertThat(run("config", "--table").out()).isEqualTo(AppSettings.markdownTable());
    }

    @Test
    @DisplayName("run with an invalid setting stops at start with one line naming the key, before contacting any broker")
    void runRejectsAnInvalidSetting() {
        Run run = run("run", "-D", "ceasefire.http.port=eighty");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).startsWith("run: ceasefire.http.port 'eighty' is not a whole number (set by command line;")
                .doesNotContain("\tat ");
        Run missing = run("replay", "-c", "no-such-file.properties");
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).isEqualTo("replay: Configuration file no-such-file.properties does not exist" + System.lineSeparator());
    }
}
