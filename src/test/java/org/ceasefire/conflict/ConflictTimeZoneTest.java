package org.ceasefire.conflict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The conflict file's {@code time_zone}: the zone whose days every tally counts. */
class ConflictTimeZoneTest {
    private static String file(String timeZoneMember) {
        return """
                {"conflict": {"id": "X", "name": "X", %s
                  "sides": [{"id": "A", "name": "A", "parties": [{"code": "A1", "name": "a"}]},
                            {"id": "B", "name": "B", "parties": [{"code": "B1", "name": "b"}]}],
                  "monitors": [], "sectors": [{"id": "S", "name": "s"}]},
                 "places": [{"id": "p", "names": ["P"], "sectors": [{"sector": "S"}]}]}""".formatted(timeZoneMember);
    }

    private static GazetteerFile read(String json, String name) {
        return GazetteerFile.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), name);
    }

    @Test
    @DisplayName("the shipped conflicts count days in Asia/Baku (am-az) and Asia/Kolkata (in-pk)")
    void shippedZones() throws Exception {
        assertThat(GazetteerFile.builtIn().conflict().timeZone()).isEqualTo(ZoneId.of("Asia/Baku"));
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("conflicts/in-pk.json")) {
            assertThat(GazetteerFile.read(in, "in-pk.json").conflict().timeZone()).isEqualTo(ZoneId.of("Asia/Kolkata"));
        }
        // Night fire at 01:30 in Baku is 21:30 UTC the evening before, and belongs to the local day.
        assertThat(GazetteerFile.builtIn().conflict().days().day(Instant.parse("2022-09-12T21:30:00Z")))
                .isEqualTo(LocalDate.parse("2022-09-13"));
    }

    @Test
    @DisplayName("a file without time_zone counts UTC days, as before the key existed")
    void absentMeansUtc() {
        ConflictDefinition conflict = read(file(""), "plain.json").conflict();
        assertThat(conflict.timeZone()).isEqualTo(ZoneOffset.UTC);
        assertThat(conflict.days().day(Instant.parse("2022-09-12T21:30:00Z"))).isEqualTo(LocalDate.parse("2022-09-12"));
    }

    @Test
    @DisplayName("a fixed offset is accepted, and a bare date starts at local midnight")
    void fixedOffset() {
        ConflictDefinition conflict = read(file("\"time_zone\": \"+05:30\","), "offset.json").conflict();
        assertThat(conflict.days().startOf(LocalDate.parse("2021-02-20"))).isEqualTo(Instant.parse("2021-02-19T18:30:00Z"));
    }

    @Test
    @DisplayName("an unknown zone, a blank one or a number is an error naming the file and the field")
    void invalidZones() {
        assertThatThrownBy(() -> read(file("\"time_zone\": \"Asia/Stepanakert\","), "bad-zone.json"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("bad-zone.json: $.conflict.time_zone: 'Asia/Stepanakert' is not a time zone id");
        assertThatThrownBy(() -> read(file("\"time_zone\": \"\","), "blank.json"))
                .hasMessageStartingWith("blank.json: $.conflict.time_zone: '' is not a time zone id");
        assertThatThrownBy(() -> read(file("\"time_zone\": 4,"), "number.json"))
                .hasMessageStartingWith("number.json: $.conflict.time_zone: '4' is not a time zone id");
    }
}
