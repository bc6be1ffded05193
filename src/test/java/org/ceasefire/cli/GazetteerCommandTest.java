package org.ceasefire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GazetteerCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true)).execute(args);
    }

    @Test
    @DisplayName("gazetteer resolve prints input, place and sector per place found, and an UNRESOLVED line when none is")
    void resolvesNames() {
        int exit = run("gazetteer", "resolve", "--at", "2022-06-01", "Tovuzun Ağdam kəndi", "Berd, Chinari", "Yerevan");
        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString().lines()).containsExactly(
                "Tovuzun Ağdam kəndi\tagdam-tovuz\tTAVUSH-GAZAKH",
                "Berd, Chinari\tberd\tTAVUSH-GAZAKH",
                "Berd, Chinari\tchinari\tTAVUSH-GAZAKH",
                "Yerevan\t\tUNRESOLVED");
    }

    @Test
    @DisplayName("gazetteer resolve - reads names from standard input; --at takes the sector of that day (Kalbajar before and after 2020-11-25)")
    void readsStandardInput() {
        InputStream stdin = System.in;
        try {
            System.setIn(new ByteArrayInputStream("Kəlbəcər rayonu\nв Аскеранском районе\n".getBytes(StandardCharsets.UTF_8)));
            assertThat(run("gazetteer", "resolve", "--at", "2020-11-24", "-")).as(err.toString()).isZero();
        } finally {
            System.setIn(stdin);
        }
        assertThat(out.toString().lines()).containsExactly(
                "Kəlbəcər rayonu\tkarvachar-kalbajar\tNK-NORTH",
                "в Аскеранском районе\taskeran-asgaran\tNK-CENTRE");
    }

    @Test
    @DisplayName("gazetteer resolve without --at takes today's sectors: the NK line of contact is gone, the place is still named")
    void defaultsToToday() {
        assertThat(run("gazetteer", "resolve", "Stepanakert")).isZero();
        assertThat(out.toString().lines()).containsExactly("Stepanakert\tstepanakert-khankendi\tUNRESOLVED");
    }

    @Test
    @DisplayName("gazetteer check passes the built-in file and names file, place and field of each problem of a bad one")
    void checksAFile() throws Exception {
        Path good = dir.resolve("am-az.json");
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("conflicts/am-az.json")) {
            Files.copy(in, good);
        }
        assertThat(run("gazetteer", "check", good.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).contains("conflict AM-AZ, 13 sectors, 73 places: no problems.");

        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, """
                {"conflict": {"id": "X", "name": "X",
                  "sides": [{"id": "A", "name": "A", "parties": [{"code": "A1", "name": "a"}]},
                            {"id": "B", "name": "B", "parties": [{"code": "B1", "name": "b"}]}],
                  "monitors": [], "sectors": [{"id": "S", "name": "s"}],
                  "names": {"languages": [{"id": "en", "script": "LATIN", "generic_words": ["village"]}]}},
                 "places": [
                  {"id": "a", "names": ["Alpha"], "sectors": [{"sector": "S"}], "latitude": 1, "longitude": 2, "precision": "town", "source": "s"},
                  {"id": "b", "names": ["ALPHA", "Beta village"], "sectors": [{"sector": "S"}], "latitude": 1, "longitude": 2, "precision": "town"},
                  {"id": "c", "names": ["Gamma"], "sectors": [{"sector": "S"}], "source": "s"}
                 ]}""");
        assertThat(run("gazetteer", "check", bad.toString())).isEqualTo(1);
        assertThat(err.toString()).contains(
                bad + ": $.places[1].names (b): 'ALPHA' normalises to 'alpha', a name of a ($.places[0]) too",
                bad + ": $.places[1].names (b): 'Beta village' resolves to nothing",
                bad + ": $.places[1].source (b): missing",
                bad + ": $.places[2].latitude (c): missing coordinates",
                bad + ": $.places[2].precision (c): missing");

        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, Files.readString(bad).replace("[\"Gamma\"], \"sectors\": [{\"sector\": \"S\"}]",
                "[\"Gamma\"], \"sectors\": [{\"sector\": \"NOPE\"}], \"control\": [{\"side\": \"Z\"}]"));
        assertThat(run("gazetteer", "check", broken.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("$.places[2].sectors[0].sector (c): unknown sector NOPE", "$.places[2].control[0].side (c): unknown side Z");
    }
}
