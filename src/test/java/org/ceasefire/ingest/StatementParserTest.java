package org.ceasefire.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

import org.ceasefire.avro.Casualty;
import org.ceasefire.avro.ClaimType;
import org.ceasefire.avro.MinistryStatement;
import org.ceasefire.conflict.GazetteerFile;
import org.ceasefire.contract.StatementValidator;
import org.ceasefire.contract.Violation;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class StatementParserTest {
    static final String VALID = """
            {"statement_id":"am-1","issuer":"AM","published_at":"2023-04-11T17:10:00+04:00",\
            "incident_start":"2023-04-11T16:00:00+04:00","claim":"ACCUSATION","accused":"AZ","location":"Tegh",\
            "weapons":["small_arms","mortar"],"casualties":[{"party":"AM","killed":4,"wounded":6}]}""";

    private final StatementChecker checker = new StatementChecker(new StatementValidator(GazetteerFile.builtIn().conflict()));

    private ParsedStatement check(String line) throws IOException {
        RawRecord record = new JsonLinesReader(InputLines.of(line), "in.jsonl").next();
        return checker.check(record);
    }

    private List<String> problems(String line) throws IOException {
        return check(line).problems().stream().map(Violation::toString).toList();
    }

    private static String with(String replacement) {
        return VALID.replace("}]}", "}]," + replacement + "}");
    }

    @Test
    @DisplayName("a valid line becomes a statement with times in UTC, defaults filled in")
    void parsesAValidLine() throws IOException {
        ParsedStatement parsed = check(VALID);
        assertThat(parsed.problems()).isEmpty();
        MinistryStatement s = parsed.statement();
        assertThat(s.getStatementId()).isEqualTo("am-1");
        assertThat(s.getRevision()).isEqualTo(1);
        assertThat(s.getRetracted()).isFalse();
        assertThat(s.getPublishedAt()).isEqualTo(Instant.parse("2023-04-11T13:10:00Z"));
        assertThat(s.getIncidentStart()).isEqualTo(Instant.parse("2023-04-11T12:00:00Z"));
        assertThat(s.getIncidentEnd()).isNull();
        assertThat(s.getClaim()).isEqualTo(ClaimType.ACCUSATION);
        assertThat(s.getWeapons()).containsExactly("small_arms", "mortar");
        assertThat(s.getCasualties()).containsExactly(new Casualty("AM", 4, 6, false, 0, 0));
    }

    @Test
    @DisplayName("each shape problem is reported with its field and exact reason")
    void reportsEachShapeProblem() throws IOException {
        assertThat(problems(with("\"colour\":\"red\""))).containsExactly("colour: unknown field");
        assertThat(problems(VALID.replace("\"issuer\":\"AM\",", ""))).containsExactly("issuer: required field is missing");
        assertThat(problems(VALID.replace("\"issuer\":\"AM\"", "\"issuer\":null"))).containsExactly("issuer: required field is missing");
        assertThat(problems(with("\"revision\":\"two\""))).containsExactly("revision: expected an integer, got string \"two\"");
        assertThat(problems(with("\"revision\":1.5"))).containsExactly("revision: expected an integer, got number 1.5");
        assertThat(problems(with("\"retracted\":\"yes\""))).containsExactly("retracted: expected true or false, got string \"yes\"");
        assertThat(problems(VALID.replace("\"location\":\"Tegh\"", "\"location\":7"))).containsExactly("location: expected a string, got number 7");
        assertThat(problems(VALID.replace("+04:00\",\"claim", "\",\"claim")))
                .containsExactly("incident_start: '2023-04-11T16:00:00' has no UTC offset: add Z or one like +04:00");
        assertThat(problems(VALID.replace("2023-04-11T17:10:00+04:00", "11/04/2023 17:10")))
                .containsExactly("published_at: '11/04/2023 17:10' is not an ISO-8601 time with an offset, like 2023-04-11T13:10:00+04:00");
        assertThat(problems(VALID.replace("\"ACCUSATION\"", "\"ACCUSE\"")))
                .containsExactly("claim: 'ACCUSE' is not one of ACCUSATION, DENIAL, CALM, OBSERVATION");
        assertThat(problems(VALID.replace("[\"small_arms\",\"mortar\"]", "\"mortar\"")))
                .containsExactly("weapons: expected an array of strings, got string \"mortar\"");
        assertThat(problems(VALID.replace("[\"small_arms\",\"mortar\"]", "[\"mortar\",3]")))
                .containsExactly("weapons[1]: expected a string, got number 3");
        assertThat(problems(VALID.replace("{\"party\":\"AM\",\"killed\":4,\"wounded\":6}", "{\"killed\":\"four\",\"dead\":1}")))
                .containsExactly("casualties[0].dead: unknown field", "casualties[0].party: required field is missing",
                        "casualties[0].killed: expected an integer, got string \"four\"");
        assertThat(problems(VALID.replace("[{\"party\":\"AM\",\"killed\":4,\"wounded\":6}]", "[3]")))
                .containsExactly("casualties[0]: expected an object, got number 3");
    }

    @Test
    @DisplayName("updates, captured and missing are read when given and default to null and 0; bad values name their field")
    void casualtyUpdateFields() throws IOException {
        MinistryStatement s = check(VALID.replace("\"wounded\":6}", "\"wounded\":6,\"captured\":2,\"missing\":3}")
                .replace("}]}", "}],\"updates\":\"am-0\"}")).statement();
        assertThat(s.getCasualties()).containsExactly(new Casualty("AM", 4, 6, false, 2, 3));
        assertThat(s.getUpdates()).isEqualTo("am-0");
        assertThat(check(VALID).statement().getUpdates()).isNull();

        assertThat(problems(with("\"updates\":5"))).containsExactly("updates: expected a string, got number 5");
        assertThat(problems(with("\"updates\":\"am 0\""))).containsExactly("updates: is not a valid statement_id");
        assertThat(problems(with("\"updates\":\"am-1\""))).containsExactly("updates: a statement cannot update its own figures");
        assertThat(problems(VALID.replace("\"wounded\":6}", "\"wounded\":6,\"captured\":\"two\"}")))
                .containsExactly("casualties[0].captured: expected an integer, got string \"two\"");
        assertThat(problems(VALID.replace("\"wounded\":6}", "\"wounded\":6,\"missing\":-1}")))
                .containsExactly("casualties[0].missing: must not be negative");
    }

    @Test
    @DisplayName("time_precision is one of EXACT, HOUR, PART_OF_DAY, DAY; absent means EXACT; another value names the field")
    void timePrecision() throws IOException {
        assertThat(check(VALID).statement().getTimePrecision()).isEqualTo(org.ceasefire.avro.TimePrecision.EXACT);
        assertThat(check(with("\"time_precision\":\"PART_OF_DAY\"")).statement().getTimePrecision())
                .isEqualTo(org.ceasefire.avro.TimePrecision.PART_OF_DAY);
        assertThat(problems(with("\"time_precision\":\"night\"")))
                .containsExactly("time_precision: 'night' is not one of EXACT, HOUR, PART_OF_DAY, DAY");
        assertThat(problems(with("\"time_precision\":3"))).containsExactly("time_precision: expected a string, got number 3");
    }

    @Test
    @DisplayName("every problem of a line is reported at once, in the contract's field order")
    void reportsAllProblemsInFieldOrder() throws IOException {
        assertThat(problems("{\"zzz\":1,\"claim\":\"CALM\",\"issuer\":\"AM\"}")).containsExactly(
                "statement_id: required field is missing",
                "published_at: required field is missing",
                "incident_start: required field is missing",
                "zzz: unknown field");
    }

    @Test
    @DisplayName("text that is not a JSON object is rejected as a whole record")
    void rejectsNonObjects() throws IOException {
        assertThat(problems("[1,2]")).containsExactly("(record): expected a JSON object, got array");
        assertThat(problems("{\"statement_id\": ")).singleElement().asString().startsWith("(record): not valid JSON: ");
        assertThat(problems(VALID + " {}")).singleElement().asString().startsWith("(record): not valid JSON: Trailing token");
        assertThat(problems(VALID.replace("\"issuer\":\"AM\"", "\"issuer\":\"AM\",\"issuer\":\"AZ\"")))
                .containsExactly("(record): not valid JSON: Duplicate field 'issuer' (at column 46)");
    }

    @Test
    @DisplayName("the contract's rules apply after the shape is right")
    void appliesTheContract() throws IOException {
        assertThat(problems(VALID.replace("\"issuer\":\"AM\"", "\"issuer\":\"XX\""))).containsExactly("issuer: unknown party 'XX' for conflict AM-AZ");
        assertThat(problems(VALID.replace("\"accused\":\"AZ\",", ""))).containsExactly("accused: required for an ACCUSATION");
    }
}
