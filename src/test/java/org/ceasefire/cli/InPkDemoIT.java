package org.ceasefire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A second conflict, India–Pakistan, as data only: the same pipeline pairs its statements with no code of its own. */
class InPkDemoIT {
    @TempDir
    Path dataDir;

    @Test
    @DisplayName("demo --conflict in-pk.json loads its 17 places and sample and pairs them per sector from Latin, Devanagari and Urdu names")
    void runsTheIndiaPakistanConflict() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Path file = Path.of("src", "main", "resources", "conflicts", "in-pk.json");
        int exit = Main.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                .execute("demo", "--conflict", file.toString(), "--duration", "20s", "--http-port", "0",
                        "--data-dir", dataDir.toString());
        String printed = out.toString();
        assertThat(exit).as(printed + err).isZero();
        assertThat(printed).contains("Loaded 17 places of conflict IN-PK (5 sectors)", "read 8, sent 8, rejected 0");
        assertThat(printed).contains("Summary: 3 contradictions {ACCUSATION_DENIED=1, ACCUSATION_VS_CALM=1, MUTUAL_ACCUSATION=1}");
        // पुंछ सेक्टर में (Hindi) and Battal sector (English): two places of one sector.
        assertThat(printed).containsPattern("MUTUAL_ACCUSATION\\s+LOC-POONCH\\s+in-army-2021-02-10-01 \\(IN\\) vs ispr-2021-02-10-01 \\(PK\\)");
        // نکیال سیکٹر (Urdu), denied by refers_to.
        assertThat(printed).containsPattern("ACCUSATION_DENIED\\s+LOC-RAJOURI\\s+in-army-2021-02-15-01 \\(IN\\) vs ispr-2021-02-14-01 \\(PK\\)");
        // R.S. Pura sector along the Working Boundary against a calm report for سیالکوٹ ورکنگ باؤنڈری.
        assertThat(printed).containsPattern("ACCUSATION_VS_CALM\\s+WB-JAMMU\\s+in-bsf-2021-02-20-01 \\(IN\\) vs ispr-2021-02-20-01 \\(PK\\)");
        assertThat(printed).containsPattern("UNRESOLVED\\s+statements \\{PK=1\\}");
    }
}
