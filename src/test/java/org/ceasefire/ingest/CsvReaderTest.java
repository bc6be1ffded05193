package org.ceasefire.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.ceasefire.avro.Casualty;
import org.ceasefire.avro.MinistryStatement;
import org.ceasefire.conflict.GazetteerFile;
import org.ceasefire.contract.StatementValidator;
import org.ceasefire.contract.Violation;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CsvReaderTest {
    private static final String HEADER = "statement_id,revision,issuer,published_at,incident_start,claim,accused,location,weapons,casualties,text\n";
    private final StatementChecker checker = new StatementChecker(new StatementValidator(GazetteerFile.builtIn().conflict()));

    private List<RawRecord> read(String csv) throws IOException {
        List<RawRecord> records = new ArrayList<>();
        try (CsvReader reader = new CsvReader(InputLines.of(csv), "in.csv")) {
            RawRecord record;
            while ((record = reader.next()) != null) {
                records.add(record);
            }
        }
        return records;
    }

    @Test
    @DisplayName("a CSV row with lists separated by ; becomes the same statement as the JSON")
    void readsListsAndCasualties() throws IOException {
        String csv = HEADER + "am-1,2,AM,2023-04-11T17:10:00+04:00,2023-04-11T16:00:00+04:00,ACCUSATION,AZ,Tegh,small_arms;mortar,"
                + "AM:4:6:false;AZ:3,\"Fire near Tegh, \"\"heavy\"\"\"\n";
        List<RawRecord> records = read(csv);
        assertThat(records).hasSize(1);
        assertThat(records.get(0).line()).isEqualTo(2);
        ParsedStatement parsed = checker.check(records.get(0));
        assertThat(parsed.problems()).isEmpty();
        MinistryStatement s = parsed.statement();
        assertThat(s.getRevision()).isEqualTo(2);
        assertThat(s.getWeapons()).containsExactly("small_arms", "mortar");
        assertThat(s.getCasualties()).containsExactly(new Casualty("AM", 4, 6, false, 0, 0), new Casualty("AZ", 3, 0, false, 0, 0));
        assertThat(s.getText()).isEqualTo("Fire near Tegh, \"heavy\"");
    }

    @Test
    @DisplayName("captured and missing follow CIVILIAN in a casualty cell; updates and time_precision are columns of their own")
    void capturedMissingAndUpdates() throws IOException {
        String csv = "statement_id,issuer,published_at,incident_start,claim,accused,location,casualties,updates,time_precision\n"
                + "am-2,AM,2022-09-14T10:00:00+04:00,2022-09-13T00:05:00+04:00,ACCUSATION,AZ,Jermuk,AM:105:0:false:2:5;AZ:1:1:true,am-1,HOUR\n"
                + "am-3,AM,2022-09-14T10:00:00+04:00,2022-09-13T00:05:00+04:00,ACCUSATION,AZ,Jermuk,AM:1:2:false:x,am-3,night\n";
        List<RawRecord> records = read(csv);
        MinistryStatement s = checker.check(records.get(0)).statement();
        assertThat(s.getCasualties()).containsExactly(new Casualty("AM", 105, 0, false, 2, 5), new Casualty("AZ", 1, 1, true, 0, 0));
        assertThat(s.getUpdates()).isEqualTo("am-1");
        assertThat(s.getTimePrecision()).isEqualTo(org.ceasefire.avro.TimePrecision.HOUR);
        assertThat(checker.check(records.get(1)).problems()).extracting(Violation::toString).containsExactly(
                "casualties[0]: 'AM:1:2:false:x' is not PARTY:KILLED:WOUNDED:CIVILIAN:CAPTURED:MISSING, like AM:4:6:false or AM:0:0:false:2:1",
                "time_precision: 'night' is not one of EXACT, HOUR, PART_OF_DAY, DAY");
    }

    @Test
    @DisplayName("a quoted cell may span lines; the record keeps the line it starts on and later records count every line")
    void quotedCellsSpanLines() throws IOException {
        String csv = HEADER + "am-1,,AM,2023-04-11T17:10:00Z,2023-04-11T16:00:00Z,CALM,,,,,\"two\nlines\"\n\n"
                + "am-2,,AM,2023-04-11T17:10:00Z,2023-04-11T16:00:00Z,CALM,,,,,x\n";
        List<RawRecord> records = read(csv);
        assertThat(records).extracting(RawRecord::line).containsExactly(2L, 5L);
        assertThat(checker.check(records.get(0)).statement().getText()).isEqualTo("two\nlines");
        assertThat(records.get(0).original()).isEqualTo("am-1,,AM,2023-04-11T17:10:00Z,2023-04-11T16:00:00Z,CALM,,,,,\"two\nlines\"");
    }

    @Test
    @DisplayName("CSV-specific problems: bad number, bad boolean, bad casualty, wrong cell count")
    void reportsCsvProblems() throws IOException {
        String csv = "statement_id,revision,retracted,issuer,published_at,incident_start,claim,casualties\n"
                + "a,two,yes,AM,2023-04-11T17:10:00Z,2023-04-11T16:00:00Z,CALM,AM:x\n"
                + "b,1,false,AM\n";
        List<RawRecord> records = read(csv);
        assertThat(checker.check(records.get(0)).problems()).extracting(Violation::toString).containsExactly(
                "revision: 'two' is not an integer",
                "retracted: 'yes' is not true or false",
                "casualties[0]: 'AM:x' is not PARTY:KILLED:WOUNDED:CIVILIAN:CAPTURED:MISSING, like AM:4:6:false or AM:0:0:false:2:1");
        assertThat(checker.check(records.get(1)).problems()).extracting(Violation::toString)
                .containsExactly("(record): has 4 cells, the header has 8");
    }
}
