package org.ceasefire.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.ceasefire.cli.Main;
import org.ceasefire.embedded.EmbeddedKafka;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a user sees when a client setting is wrong or holds a secret: one line, naming the key, with no secret in it. */
class ClientSettingsOutputTest {
    static final String PEM = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----";

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true)).execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    @DisplayName("a SASL protocol without sasl.jaas.config: ingest and run print one line naming the key, no stack trace")
    void saslWithoutJaas() throws IOException {
        Path input = Files.writeString(dir.resolve("in.jsonl"), IngestCommandTest.GOOD_1 + "\n");
        String broker = "127.0.0.1:" + EmbeddedKafka.freePort();
        for (String command : new String[] {"ingest", "run"}) {
            Run run = command.equals("ingest")
                    ? run("ingest", "--bootstrap-servers", broker, "-D", "security.protocol=SASL_PLAINTEXT", "-D", "sasl.mechanism=PLAIN",
                            "--check-timeout", "2s", input.toString())
                    : run("run", "--bootstrap-servers", broker, "-D", "security.protocol=SASL_PLAINTEXT", "-D", "sasl.mechanism=PLAIN",
                            "-D", "ceasefire.http.port=0");
            assertThat(run.exit()).as(command).isEqualTo(1);
            assertThat(run.err()).as(command).contains(command + ": sasl.jaas.config is not set").doesNotContain("\tat ", "Exception");
            assertThat(run.err().strip().lines().filter(line -> line.startsWith(command + ":"))).as(command).hasSize(1);
        }
    }

    @Test
    @DisplayName("a wrong security.protocol names the key and the values it may take")
    void wrongProtocol() throws IOException {
        Path input = Files.writeString(dir.resolve("in.jsonl"), IngestCommandTest.GOOD_1 + "\n");
        Run run = run("ingest", "--bootstrap-servers", "127.0.0.1:" + EmbeddedKafka.freePort(), "-D", "security.protocol=SASL_PLAINTXT",
                "--check-timeout", "2s", input.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).startsWith("ingest: a Kafka client setting is wrong: Invalid value SASL_PLAINTXT for configuration security.protocol")
                .doesNotContain("Cannot reach");
    }

    @Test
    @DisplayName("config hides a PEM key, certificates and the password in a registry URL")
    void configHidesSecrets() {
        Run run = run("config", "-D", "ssl.keystore.key=" + PEM, "-D", "ssl.truststore.certificates=" + PEM.replace("PRIVATE KEY", "CERTIFICATE"),
                "-D", "schema.registry.url=http://reader:s3cret@registry:8081");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("ssl.keystore.key=[hidden]", "ssl.truststore.certificates=[hidden]",
                "schema.registry.url=http://[hidden]@registry:8081").doesNotContain("BEGIN", "MIIE", "s3cret", "reader");
    }

    @Test
    @DisplayName("an unreachable registry is named by its host, without the URL's user info")
    void unreachableRegistryMessage() {
        int port = EmbeddedKafka.freePort();
        Optional<String> problem = new Reachability(Duration.ofSeconds(1)).registry("http://reader:s3cret@127.0.0.1:" + port, "set by test");
        assertThat(problem).get().asString().startsWith("Cannot reach the schema registry at http://[hidden]@127.0.0.1:" + port)
                .doesNotContain("s3cret", "reader");
    }
}
