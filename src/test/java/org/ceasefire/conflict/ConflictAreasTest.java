package org.ceasefire.conflict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Areas of responsibility in conflict files: who speaks for, or observes, which sectors when. */
class ConflictAreasTest {
    private static final List<String> NK = List.of("NK-NORTH", "NK-CENTRE", "NK-SOUTH", "NK-LACHIN");
    private static final LocalDate DAY = LocalDate.parse("2022-08-03");

    private static GazetteerFile read(String parties, String monitors) {
        String json = """
                {"conflict": {"id": "X", "name": "X",
                  "sides": [{"id": "A", "name": "A", "parties": [%s]},
                            {"id": "B", "name": "B", "parties": [{"code": "B1", "name": "b"}]}],
                  "monitors": [%s], "sectors": [{"id": "S1", "name": "s1"}, {"id": "S2", "name": "s2"}]},
                 "places": []}""".formatted(parties, monitors);
        return GazetteerFile.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "areas.json");
    }

    @Test
    @DisplayName("am-az.json: Armenia speaks for its border, the NK authorities for the NK sectors until 21 September 2023, Azerbaijan for all")
    void partiesOfTheShippedFile() {
        ConflictDefinition conflict = GazetteerFile.builtIn().conflict();

        assertThat(conflict.sectorsSpokenFor("AM", DAY)).hasSize(9).contains("SYUNIK", "TAVUSH-GAZAKH").doesNotContainAnyElementsOf(NK);
        assertThat(conflict.sectorsSpokenFor("NK", DAY)).containsExactlyElementsOf(NK);
        assertThat(conflict.sectorsSpokenFor("NK", LocalDate.parse("2023-09-20"))).containsExactlyElementsOf(NK);
        assertThat(conflict.sectorsSpokenFor("NK", LocalDate.parse("2023-09-21"))).isEmpty();
        assertThat(conflict.sectorsSpokenFor("AZ", DAY)).hasSize(13);
        assertThat(conflict.speaksFor("AZ", ConflictDefinition.WHOLE_FRONT_SECTOR, DAY)).isTrue();
        assertThat(conflict.speaksFor("AM", ConflictDefinition.WHOLE_FRONT_SECTOR, DAY)).isFalse();
    }

    @Test
    @DisplayName("am-az.json: the mandates of the peacekeepers, EUMA, the OSCE and the Russian-Turkish centre, each with a source")
    void monitorsOfTheShippedFile() {
        ConflictDefinition conflict = GazetteerFile.builtIn().conflict();

        assertThat(conflict.sectorsSpokenFor("RU-PK", LocalDate.parse("2020-11-09"))).isEmpty();
        assertThat(conflict.sectorsSpokenFor("RU-PK", LocalDate.parse("2020-11-10"))).containsExactlyElementsOf(NK);
        assertThat(conflict.sectorsSpokenFor("EUMA", LocalDate.parse("2023-02-19"))).isEmpty();
        assertThat(conflict.sectorsSpokenFor("EUMA", LocalDate.parse("2023-02-20"))).hasSize(9).contains("SYUNIK").doesNotContainAnyElementsOf(NK);
        assertThat(conflict.sectorsSpokenFor("OSCE", LocalDate.parse("2020-11-09"))).hasSize(13);
        assertThat(conflict.sectorsSpokenFor("OSCE", LocalDate.parse("2020-11-10"))).isEmpty();
        assertThat(conflict.isMonitor("RU-TR-JMC")).isTrue();
        assertThat(conflict.sectorsSpokenFor("RU-TR-JMC", LocalDate.parse("2021-01-29"))).isEmpty();
        assertThat(conflict.sectorsSpokenFor("RU-TR-JMC", LocalDate.parse("2023-03-05"))).containsExactlyElementsOf(NK);
        assertThat(conflict.sectorsSpokenFor("RU-TR-JMC", LocalDate.parse("2024-04-27"))).isEmpty();
        List<Party> everyone = new java.util.ArrayList<>(conflict.monitors());
        everyone.addAll(conflict.sideOne().parties());
        everyone.addAll(conflict.sideTwo().parties());
        assertThat(everyone).allSatisfy(party -> assertThat(party.areas()).isNotEmpty()
                .allSatisfy(area -> assertThat(area.source()).isNotBlank()));
    }

    @Test
    @DisplayName("in-pk.json: both armies and UNMOGIP cover the Line of Control and the Working Boundary")
    void theOtherShippedFile() {
        ConflictDefinition conflict = GazetteerFile.read(java.nio.file.Path.of("src/main/resources/conflicts/in-pk.json")).conflict();

        assertThat(conflict.sectorsSpokenFor("PK", LocalDate.parse("2021-02-20"))).contains("WB-JAMMU", "LOC-POONCH").hasSize(5);
        assertThat(conflict.sectorsSpokenFor("UNMOGIP", LocalDate.parse("2021-02-10"))).hasSize(5);
    }

    @Test
    @DisplayName("a party or monitor without areas speaks for every sector and the whole front, on any day")
    void withoutAreasTheWholeFront() {
        ConflictDefinition conflict = read("{\"code\": \"A1\", \"name\": \"a\"}", "{\"code\": \"M\", \"name\": \"m\"}").conflict();

        assertThat(conflict.sectorsSpokenFor("A1", DAY)).containsExactly("S1", "S2");
        assertThat(conflict.speaksFor("M", "S2", DAY)).isTrue();
        assertThat(conflict.speaksFor("M", ConflictDefinition.WHOLE_FRONT_SECTOR, DAY)).isTrue();
        assertThat(conflict.speaksFor("NOBODY", "S1", DAY)).isFalse();
    }

    @Test
    @DisplayName("areas with dates: from is the first day, until the first day after")
    void datedAreas() {
        ConflictDefinition conflict = read("""
                {"code": "A1", "name": "a", "areas": [
                  {"sectors": ["S1"], "source": "s"},
                  {"sectors": ["S2"], "from": "2022-01-01", "until": "2022-02-01", "source": "s"}]}""", "").conflict();

        assertThat(conflict.sectorsSpokenFor("A1", LocalDate.parse("2021-12-31"))).containsExactly("S1");
        assertThat(conflict.sectorsSpokenFor("A1", LocalDate.parse("2022-01-01"))).containsExactly("S1", "S2");
        assertThat(conflict.sectorsSpokenFor("A1", LocalDate.parse("2022-02-01"))).containsExactly("S1");
        assertThat(conflict.speaksFor("A1", ConflictDefinition.WHOLE_FRONT_SECTOR, LocalDate.parse("2022-01-15"))).isTrue();
        assertThat(conflict.speaksFor("A1", ConflictDefinition.WHOLE_FRONT_SECTOR, LocalDate.parse("2022-02-15"))).isFalse();
    }

    @Test
    @DisplayName("invalid areas are reported with the file, the JSON path, the party and the field, all in one pass")
    void invalidAreas() {
        assertThatThrownBy(() -> read("""
                {"code": "A1", "name": "a", "areas": [
                  {"sectors": ["S1", "NOPE"], "source": "s"},
                  {"sectors": ["S1"], "from": "2023-05-01", "until": "2023-01-01", "source": "s"},
                  {"sectors": ["S2"], "from": "1st May", "source": "s"},
                  {"sectors": [], "source": "s"}]}""", """
                {"code": "M", "name": "m", "areas": [{"sectors": ["S1"]}]},
                {"code": "N", "name": "n", "areas": {"sectors": ["S1"]}}"""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("areas.json has 6 problem(s)")
                .hasMessageContaining("$.conflict.sides[0].parties[0].areas[0].sectors[1] (A1): unknown sector NOPE")
                .hasMessageContaining("$.conflict.sides[0].parties[0].areas[1].until (A1): 2023-01-01 is not after from 2023-05-01")
                .hasMessageContaining("$.conflict.sides[0].parties[0].areas[2].from (A1): 1st May is not a date (YYYY-MM-DD)")
                .hasMessageContaining("$.conflict.sides[0].parties[0].areas[3].sectors (A1): an area needs a non-empty list of sector ids")
                .hasMessageContaining("$.conflict.monitors[0].areas[0].source (M): missing: say where the sectors and dates come from")
                .hasMessageContaining("$.conflict.monitors[1].areas (N): must be a list of areas");
    }

    @Test
    @DisplayName("a conflict built in code refuses an area naming a sector it does not have")
    void programmaticAreasAreChecked() {
        assertThatThrownBy(() -> new ConflictDefinition("X", "X",
                new Side("A", "A", List.of(new Party("A1", "a", null, null, List.of(new Area(List.of("S9"), null, null, "s"))))),
                new Side("B", "B", List.of(new Party("B1", "b"))), List.of(), List.of(new Sector("S1", "s1"))))
                .hasMessageContaining("party A1: area sector S9 is not a sector of the conflict");
    }
}
