package org.ceasefire.conflict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class GazetteerFileTest {

    @Test
    @DisplayName("the built-in Armenia–Azerbaijan file groups AM and NK against AZ, with three monitors")
    void readsTheBuiltInConflict() {
        GazetteerFile file = GazetteerFile.builtIn();
        ConflictDefinition conflict = file.conflict();
        assertThat(conflict.id()).isEqualTo("AM-AZ");
        assertThat(conflict.areOpposed("AM", "AZ")).isTrue();
        assertThat(conflict.areOpposed("NK", "AZ")).isTrue();
        assertThat(conflict.areOpposed("AM", "NK")).isFalse();
        assertThat(conflict.areOpposed("AM", "EUMA")).isFalse();
        assertThat(conflict.isMonitor("RU-PK")).isTrue();
        assertThat(conflict.isMonitor("OSCE")).isTrue();
        assertThat(file.places()).extracting(p -> p.getPlaceId()).contains("tegh", "sotk", "stepanakert-khankendi");
        assertThat(file.places()).allSatisfy(place -> assertThat(place.getConflict()).isEqualTo("AM-AZ"));
    }

    @Test
    @DisplayName("every problem of a bad file is reported with its JSON path")
    void reportsEveryProblem() {
        String json = """
                {"conflict": {"id": "X", "name": "X",
                  "sides": [{"id": "A", "name": "A", "parties": [{"code": "A1", "name": "a"}]},
                            {"id": "B", "name": "B", "parties": [{"code": "B1", "name": "b"}]}],
                  "monitors": [], "sectors": [{"id": "S", "name": "s"}]},
                 "places": [
                  {"id": "p", "names": ["P"], "sectors": [{"sector": "NOPE"}]},
                  {"id": "p", "names": [], "sectors": [{"sector": "S", "from": "2023-01-01", "until": "2022-01-01"}]},
                  {"id": "q", "names": ["Q"], "sectors": [{"sector": "S", "until": "2023-01-01"}, {"sector": "S", "from": "2022-06-01"}]}
                 ]}""";
        assertThatThrownBy(() -> GazetteerFile.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "bad.json"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bad.json has 5 problem(s)")
                .hasMessageContaining("$.places[0].sectors[0].sector (p): unknown sector NOPE")
                .hasMessageContaining("$.places[1].id: place id p is used twice")
                .hasMessageContaining("$.places[1].names (p): needs at least one name and no blank ones")
                .hasMessageContaining("$.places[1].sectors[0] (p): until 2022-01-01 is not after from 2023-01-01")
                .hasMessageContaining("$.places[2].sectors (q): sector periods overlap");
    }

    @Test
    @DisplayName("a file that is not JSON is named in the error")
    void rejectsNonJson() {
        assertThatThrownBy(() -> GazetteerFile.read(new ByteArrayInputStream("{oops".getBytes(StandardCharsets.UTF_8)), "broken.json"))
                .hasMessageStartingWith("broken.json: not valid JSON");
    }
}
