package org.ceasefire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandIT {
    @TempDir
    Path dataDir;

    @Test
    @DisplayName("demo --duration loads the sample, runs the pipeline and ends with the sample's 13 contradictions")
    void demoEndsWithTheSamplesContradictions() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        long began = System.nanoTime();
        // The log goes to the process's standard error: captured to check what the console shows.
        PrintStream console = System.err;
        ByteArrayOutputStream logged = new ByteArrayOutputStream();
        int exit;
        System.setErr(new PrintStream(logged, true, StandardCharsets.UTF_8));
        try {
            exit = Main.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                    .execute("demo", "--duration", "25s", "--http-port", "0", "--data-dir", dataDir.toString());
        } finally {
            System.setErr(console);
        }
        String log = logged.toString(StandardCharsets.UTF_8);
        console.print(log);
        String printed = out.toString();
        assertThat(exit).as(printed + err).isZero();
        assertThat(printed).contains("Loaded 73 places of conflict AM-AZ (13 sectors)", "dashboard          http://127.0.0.1:",
                "read 42, sent 42, rejected 0");
        assertThat(printed).contains("Summary: 13 contradictions {ACCUSATION_DENIED=4, ACCUSATION_VS_CALM=2, MUTUAL_ACCUSATION=7}");
        assertThat(printed).containsPattern("MUTUAL_ACCUSATION\\s+SYUNIK\\s+am-mod-2023-04-11-01 \\(AM\\) vs az-mod-2023-04-11-01 \\(AZ\\)");
        assertThat(printed).containsPattern("MUTUAL_ACCUSATION\\s+GEGHARKUNIK-KALBAJAR\\s+am-mod-2023-05-11-01 \\(AM\\) vs az-mod-2023-05-11-01 \\(AZ\\)");
        assertThat(printed).containsPattern("ACCUSATION_DENIED\\s+VAYOTS-DZOR\\s+am-mod-2022-09-13-01 \\(AM\\) vs az-mod-2022-09-13-02 \\(AZ\\)");
        assertThat(printed).containsPattern("ACCUSATION_VS_CALM\\s+TAVUSH-GAZAKH\\s+am-mod-2022-07-03-01 \\(AM\\) vs az-mod-2022-07-02-01 \\(AZ\\)");
        // The retracted pair (revision 2 of az-mod-2023-06-28-01) is withdrawn.
        assertThat(printed).doesNotContain("az-mod-2023-06-28-01");
        // The Lachin corridor is on the Nagorno-Karabakh front; Փառուխ (Parukh) is in the gazetteer, on its centre.
        assertThat(printed).containsPattern("MUTUAL_ACCUSATION\\s+NK-LACHIN\\s+nk-mod-2022-08-03-01 \\(NK\\) vs az-mod-2022-08-03-01 \\(AZ\\)");
        assertThat(printed).containsPattern("NK-CENTRE\\s+statements \\{AZ=2, NK=3, RU-PK=1\\}");
        assertThat(printed).doesNotContain("UNRESOLVED");
        // Kafka's retried errors are in the data folder's log, counted in the summary, and not on the console.
        assertThat(printed).containsPattern("Kafka logged (no retried errors\\.|\\d+ errors it retried by itself \\(not shown above\\): "
                + java.util.regex.Pattern.quote(dataDir.resolve("logs").resolve("demo-kafka-retries.log").toString()) + ")");
        assertThat(log).doesNotContain("CONCURRENT_TRANSACTIONS", "Expected sequence 0 for transactions v2");
        assertThat((System.nanoTime() - began) / 1e9).as("the whole run, 25 s of it waiting").isLessThan(120);
    }
}
