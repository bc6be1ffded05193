package org.ceasefire.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.ceasefire.avro.MinistryStatement;
import org.ceasefire.contract.StatementValidator;
import org.ceasefire.contract.Violation;
import org.ceasefire.ingest.CsvReader;
import org.ceasefire.ingest.InputLines;
import org.ceasefire.ingest.JsonLinesReader;
import org.ceasefire.ingest.ParsedStatement;
import org.ceasefire.ingest.RawRecord;
import org.ceasefire.ingest.RecordReader;
import org.ceasefire.ingest.StatementChecker;
import org.ceasefire.ingest.StatementJsonWriter;
import org.ceasefire.registry.serde.AvroSerdes;
import org.ceasefire.testdata.Statements;

/**
 * (jqwik refuses JUnit annotations on its methods, so {@code @Label} is the display name here.)
 * Random and mutated input to the JSON Lines and CSV readers (with the checker behind them) and to the
 * Avro decoder: never an unexpected exception, never a hang, and every rejection names a field and a reason.
 */
class IngestAndSerdeFuzzIT {
    private static final Duration LIMIT = Duration.ofSeconds(5);
    private static final String CSV_HEADER = "statement_id,revision,issuer,published_at,incident_start,claim,accused,location,weapons,casualties,text\n";
    private static final StatementChecker CHECKER = new StatementChecker(new StatementValidator(FaultCluster.CONFLICT.conflict()));
    private static final String VALID_LINE = validJsonLine();
    private static final byte[] VALID_AVRO = AvroSerdes.<MinistryStatement>specific(Map.of("schema.registry.url", "mock://fuzz"), false)
            .serializer().serialize("fuzz.statements", Statements.teghAccusation());

    private static String validJsonLine() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (StatementJsonWriter writer = new StatementJsonWriter(out)) {
            writer.write(Statements.teghAccusation());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString(StandardCharsets.UTF_8).trim();
    }

    /** Reads everything and checks each record; returns what was checked. */
    private static List<ParsedStatement> readAll(RecordReader reader, int lines) throws IOException {
        List<ParsedStatement> checked = new ArrayList<>();
        long lastLine = 0;
        RawRecord record;
        while ((record = reader.next()) != null) {
            assertThat(record.line()).as("line numbers increase").isGreaterThan(lastLine).isLessThanOrEqualTo(lines + 1L);
            lastLine = record.line();
            if (record.fields() == null) {
                assertThat(record.readProblems()).as("a record without fields says why").isNotEmpty();
            }
            ParsedStatement parsed = CHECKER.check(record);
            if (parsed.statement() == null || !parsed.ok()) {
                assertThat(parsed.problems()).as("rejected record %s", record.original()).isNotEmpty();
            }
            for (Violation v : parsed.problems()) {
                assertThat(v.field()).as("the field of %s", v).isNotBlank();
                assertThat(v.reason()).as("the reason of %s", v).isNotBlank().doesNotContain("Exception");
            }
            checked.add(parsed);
        }
        return checked;
    }

    private static List<ParsedStatement> readJsonLines(String text) {
        return assertTimeoutPreemptively(LIMIT, () -> {
            try (JsonLinesReader reader = new JsonLinesReader(InputLines.of(text), "fuzz.jsonl")) {
                return readAll(reader, (int) text.lines().count());
            }
        });
    }

    @Provide
    Arbitrary<String> jsonish() {
        Arbitrary<String> fragments = Arbitraries.of("{", "}", "[", "]", ",", ":", "\"", "\\", "\\u0000", "\\ud800", "null", "true",
                "-0", "1e999999", "99999999999999999999", "\"statement_id\"", "\"revision\"", "\"casualties\"", "\"published_at\"",
                "\"2023-04-11T12:00:00Z\"", "\n", " ", "\uFEFF", "é", "\u202E", "𝔘");
        Arbitrary<String> any = Arbitraries.strings().all().ofMaxLength(20);
        return Arbitraries.oneOf(fragments, any).list().ofMaxSize(60).map(parts -> String.join("", parts));
    }

    @Property(tries = 300)
    @Label("JSON Lines reader: arbitrary JSON-ish text is read or rejected with a named field, never an exception or a hang")
    void jsonLinesArbitraryText(@ForAll("jsonish") String text) {
        List<ParsedStatement> parsed = readJsonLines(text);
        assertThat(parsed.size()).isLessThanOrEqualTo((int) text.lines().count());
    }

    @Provide
    Arbitrary<String> mutatedLine() {
        Arbitrary<String> values = Arbitraries.of("null", "\"\"", "-1", "0", "2147483648", "1.5", "[]", "{}", "[null]", "true",
                "\"x\"", "\"" + "x".repeat(70_000) + "\"", "\"2023-02-30T25:61:00Z\"", "\"9999999-01-01T00:00:00Z\"",
                "[{\"party\":\"AM\",\"killed\":-3}]", "[{\"party\":null}]", "\"\\u0000\"", "1e400");
        Arbitrary<String> fields = Arbitraries.of("statement_id", "revision", "retracted", "issuer", "published_at", "incident_start",
                "incident_end", "claim", "accused", "location", "weapons", "casualties", "refers_to", "text", "unknown_field");
        Arbitrary<String> replaceValue = Combinators.combine(fields, values).as((field, value) ->
                VALID_LINE.replaceFirst("\"" + field + "\":(\"[^\"]*\"|[^,}\\]]*|\\[[^\\]]*\\])", "\"" + field + "\":" + value));
        Arbitrary<String> cut = Arbitraries.integers().between(0, VALID_LINE.length()).map(n -> VALID_LINE.substring(0, n));
        Arbitrary<String> insert = Combinators.combine(Arbitraries.integers().between(0, VALID_LINE.length()),
                Arbitraries.strings().all().ofMinLength(1).ofMaxLength(3))
                .as((at, s) -> VALID_LINE.substring(0, at) + s + VALID_LINE.substring(at));
        return Arbitraries.oneOf(replaceValue, cut, insert);
    }

    @Property(tries = 300)
    @Label("JSON Lines reader: a valid line with one field replaced, cut short or with characters inserted is accepted or rejected clearly")
    void jsonLinesMutatedLine(@ForAll("mutatedLine") String line) {
        List<ParsedStatement> parsed = readJsonLines(line);
        assertThat(parsed.size()).isLessThanOrEqualTo(Math.max(1, (int) line.lines().count()));
    }

    @Example
    @Label("JSON Lines reader: the unmodified line is accepted (the fuzzing starts from valid input)")
    void validLineIsAccepted() {
        List<ParsedStatement> parsed = readJsonLines(VALID_LINE);
        assertThat(parsed).hasSize(1);
        assertThat(parsed.get(0).problems()).isEmpty();
        assertThat(parsed.get(0).statement().getStatementId()).isEqualTo(Statements.teghAccusation().getStatementId());
    }

    @Provide
    Arbitrary<String> csvish() {
        Arbitrary<String> cells = Arbitraries.oneOf(Arbitraries.of("", "\"", "\"\"", "\"a,b\"", "\"open", "AM", "AZ", "ACCUSATION", "x;y",
                        "AM:4:6:false;AZ:3", "AM:x", "2023-04-11T12:00:00Z", "2023-13-01", "-1", "1", "\r", "\n", "é", "\u0000"),
                Arbitraries.strings().all().ofMaxLength(8));
        Arbitrary<String> row = cells.list().ofMinSize(0).ofMaxSize(14).map(c -> String.join(",", c));
        return row.list().ofMaxSize(6).map(rows -> CSV_HEADER + String.join("\n", rows));
    }

    @Property(tries = 300)
    @Label("CSV reader: arbitrary rows (wrong cell counts, open quotes, bad numbers and lists) are read or rejected clearly")
    void csvArbitraryRows(@ForAll("csvish") String csv) {
        List<ParsedStatement> parsed = assertTimeoutPreemptively(LIMIT, () -> {
            try (CsvReader reader = new CsvReader(InputLines.of(csv), "fuzz.csv")) {
                return readAll(reader, (int) csv.lines().count());
            }
        });
        assertThat(parsed.size()).isLessThanOrEqualTo((int) csv.lines().count());
    }

    @Provide
    Arbitrary<byte[]> mutatedAvro() {
        Arbitrary<byte[]> flipped = Combinators.combine(Arbitraries.integers().between(5, VALID_AVRO.length - 1),
                Arbitraries.bytes()).as((at, b) -> {
                    byte[] copy = VALID_AVRO.clone();
                    copy[at] = b;
                    return copy;
                });
        Arbitrary<byte[]> cut = Arbitraries.integers().between(0, VALID_AVRO.length - 1)
                .map(n -> java.util.Arrays.copyOf(VALID_AVRO, n));
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
        Arbitrary<byte[]> framedRandom = Arbitraries.bytes().array(byte[].class).ofMaxSize(300).map(body -> {
            byte[] framed = new byte[5 + body.length];
            System.arraycopy(VALID_AVRO, 0, framed, 0, 5);
            System.arraycopy(body, 0, framed, 5, body.length);
            return framed;
        });
        return Arbitraries.oneOf(flipped, cut, random, framedRandom);
    }

    @Property(tries = 400)
    @Label("Avro decoder: flipped bytes, truncations and random bodies decode or fail with a SerializationException that says what and where")
    void avroDecoderFailsClearly(@ForAll("mutatedAvro") byte[] data) {
        Deserializer<MinistryStatement> decoder = AvroSerdes.<MinistryStatement>specific(
                Map.of("schema.registry.url", "mock://fuzz", "specific.avro.reader", true), false).deserializer();
        assertTimeoutPreemptively(LIMIT, () -> {
            try {
                MinistryStatement decoded = decoder.deserialize("fuzz.statements", data);
                assertThat(decoded).isNotNull();
            } catch (SerializationException e) {
                assertThat(e.getMessage()).startsWith("Cannot deserialize value of topic 'fuzz.statements' (" + data.length + " bytes)");
            }
        });
    }
}
