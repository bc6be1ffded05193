package org.ceasefire.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.ceasefire.avro.ClaimContradiction;
import org.ceasefire.avro.ClaimType;
import org.ceasefire.avro.ContradictionKind;
import org.ceasefire.avro.PeriodKind;
import org.ceasefire.avro.SectorTally;
import org.ceasefire.avro.StatementRef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsDifferTest {
    @TempDir
    Path dir;

    static SectorTally tally(long amAccusations) {
        return SectorTally.newBuilder()
                .setSector("SYUNIK").setPeriodKind(PeriodKind.DAY)
                .setPeriodStart(LocalDate.parse("2023-04-11")).setPeriodEnd(LocalDate.parse("2023-04-11"))
                .setStatements(Map.of("AZ", 1L, "AM", amAccusations))
                .setAccusations(Map.of("AZ", 1L, "AM", amAccusations))
                .setKilledClaimed(Map.of("AM>AM", 4L, "AZ>AZ", 3L))
                .setContradictions(Map.of("MUTUAL_ACCUSATION", 1L))
                .build();
    }

    static StatementRef ref(String id, String issuer, int partition, long offset) {
        return StatementRef.newBuilder().setStatementId(id).setIssuer(issuer).setSide(issuer.equals("AZ") ? "AZERBAIJANI" : "ARMENIAN")
                .setClaim(ClaimType.ACCUSATION).setAccused(issuer.equals("AZ") ? "AM" : "AZ")
                .setPublishedAt(Instant.parse("2023-04-11T14:00:00Z")).setIncidentStart(Instant.parse("2023-04-11T12:00:00Z"))
                .setLocation(issuer.equals("AZ") ? "Laçın" : "Tegh, \"Syunik\"").setSourceUrl("https://example.org/" + id)
                .setLogPartition(partition).setLogOffset(offset).build();
    }

    static ClaimContradiction pair(int partition) {
        return ClaimContradiction.newBuilder().setPairId("a|b").setKind(ContradictionKind.MUTUAL_ACCUSATION).setSector("SYUNIK")
                .setIncidentStart(Instant.parse("2023-04-11T12:00:00Z"))
                .setSideOne(ref("a", "AM", partition, 10)).setSideTwo(ref("b", "AZ", partition, 11)).build();
    }

    private final List<AuditResults> opened = new ArrayList<>();

    @AfterEach
    void closeResults() {
        opened.forEach(AuditResults::close);
    }

    private AuditResults results(Map<String, SectorTally> tallies, Map<String, ClaimContradiction> pairs) {
        AuditResults results = new AuditResults(ResultTable.copyOf(SectorTally.class, tallies), ResultTable.copyOf(ClaimContradiction.class, pairs),
                List.of(new RejectedRecord("bad-1", "issuer: unknown party 'XX' for conflict AM-AZ", 0, 5)),
                List.of("late-1"), new TreeMap<>(Map.of("Nowhere", 2L)));
        opened.add(results);
        return results;
    }

    private AuditResults results(SectorTally tally, ClaimContradiction pair) {
        return results(Map.of("SYUNIK|DAY|2023-04-11", tally), Map.of("a|b", pair));
    }

    @Test
    @DisplayName("an altered tally is reported with sector, period, field, live value and replayed value")
    void reportsAnAlteredTally() {
        List<Difference> differences = ResultsDiffer.compare(results(tally(7), pair(0)), results(tally(2), pair(0)));
        assertThat(differences).containsExactly(
                new Difference("tally", "SYUNIK|DAY|2023-04-11", "accusations.AM", "7", "2"),
                new Difference("tally", "SYUNIK|DAY|2023-04-11", "statements.AM", "7", "2"));
    }

    @Test
    @DisplayName("a missing pair is a difference; where a statement sits in the log is not")
    void ignoresLogPositionsButNotMissingRecords() {
        assertThat(ResultsDiffer.compare(results(tally(2), pair(0)), results(tally(2), pair(5)))).isEmpty();
        AuditResults withoutPair = results(Map.of("SYUNIK|DAY|2023-04-11", tally(2)), Map.of());
        assertThat(ResultsDiffer.compare(results(tally(2), pair(0)), withoutPair))
                .containsExactly(new Difference("contradiction", "a|b", "*", "present", "(absent)"));
    }

    @Test
    @DisplayName("keys present on one side only are found wherever they fall in the other side's order")
    void findsKeysMissingOnEitherSide() {
        AuditResults live = results(Map.of("A|ALL_TIME", tally(1), "C|ALL_TIME", tally(1), "E|ALL_TIME", tally(1)), Map.of());
        AuditResults replayed = results(Map.of("B|ALL_TIME", tally(1), "C|ALL_TIME", tally(2), "F|ALL_TIME", tally(1)), Map.of());
        assertThat(ResultsDiffer.compare(live, replayed)).containsExactly(
                new Difference("tally", "A|ALL_TIME", "*", "present", "(absent)"),
                new Difference("tally", "B|ALL_TIME", "*", "(absent)", "present"),
                new Difference("tally", "C|ALL_TIME", "accusations.AM", "1", "2"),
                new Difference("tally", "C|ALL_TIME", "statements.AM", "1", "2"),
                new Difference("tally", "E|ALL_TIME", "*", "present", "(absent)"),
                new Difference("tally", "F|ALL_TIME", "*", "(absent)", "present"));
    }

    @Test
    @DisplayName("the same results give byte-identical reports and digests; log positions and map order do not matter")
    void reportsAreByteIdentical() throws Exception {
        String first = ReportWriter.write(dir.resolve("one"), results(tally(2), pair(0)), 2, "Audit");
        String second = ReportWriter.write(dir.resolve("two"), results(tally(2), pair(3)), 2, "Audit");
        String changed = ReportWriter.write(dir.resolve("three"), results(tally(3), pair(0)), 2, "Audit");
        assertThat(first).isEqualTo(second).hasSize(64).isNotEqualTo(changed);
        for (String file : List.of("tallies.json", "contradictions.json", "tallies.csv", "summary.md", "digest.txt")) {
            assertThat(Files.readAllBytes(dir.resolve("one").resolve(file))).as(file)
                    .isEqualTo(Files.readAllBytes(dir.resolve("two").resolve(file)));
        }
        assertThat(Files.readString(dir.resolve("one/digest.txt"))).isEqualTo("sha256:" + first + "\n");
        assertThat(Files.readString(dir.resolve("one/contradictions.csv")))
                .contains("a|b,MUTUAL_ACCUSATION,SYUNIK,2023-04-11T12:00:00Z,false,a,1,AM,\"Tegh, \"\"Syunik\"\"\",https://example.org/a,b,1,AZ,Laçın,https://example.org/b");
        assertThat(Files.readString(dir.resolve("one/tallies.csv")))
                .contains("SYUNIK|DAY|2023-04-11,SYUNIK,DAY,2023-04-11,2023-04-11,killed_claimed.AM>AM,4\n");
        assertThat(Files.readString(dir.resolve("one/tallies.json"))).contains("\"accusations\" : {\n      \"AM\" : 2,\n      \"AZ\" : 1\n    }");
        assertThat(Files.readString(dir.resolve("one/rejected.csv"))).isEqualTo("key,partition,offset,reason\nbad-1,0,5,issuer: unknown party 'XX' for conflict AM-AZ\n");
    }

    @Test
    @DisplayName("CSV fields that a spreadsheet would run as formulas are neutralised")
    void neutralisesFormulas() {
        assertThat(CsvFile.field("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(CsvFile.field("-12")).isEqualTo("-12");
        assertThat(CsvFile.field("@sum")).isEqualTo("'@sum");
    }
}
