package org.ceasefire.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.ceasefire.avro.ClaimType;
import org.ceasefire.avro.MinistryStatement;
import org.ceasefire.cli.Main;
import org.ceasefire.conflict.GazetteerFile;
import org.ceasefire.contract.StatementValidator;
import org.ceasefire.ingest.generator.SpellingBook;
import org.ceasefire.ingest.generator.StatementGenerator;
import org.ceasefire.ingest.generator.SyntheticGazetteer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class StatementGeneratorTest {
    @TempDir
    Path dir;

    private static byte[] generate(long seed, int count) {
        SyntheticGazetteer.World world = new SyntheticGazetteer.World(GazetteerFile.builtIn(), SpellingBook.builtIn());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (StatementJsonWriter writer = new StatementJsonWriter(bytes)) {
            new StatementGenerator(world, seed).generate(count, statement -> {
                try {
                    writer.write(statement);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static List<ParsedStatement> check(String jsonl, GazetteerFile gazetteer) throws IOException {
        StatementChecker checker = new StatementChecker(new StatementValidator(gazetteer.conflict()));
        List<ParsedStatement> parsed = new ArrayList<>();
        try (JsonLinesReader reader = new JsonLinesReader(InputLines.of(jsonl), "generated")) {
            RawRecord record;
            while ((record = reader.next()) != null) {
                parsed.add(checker.check(record));
            }
        }
        return parsed;
    }

    @Test
    @DisplayName("the same seed gives the same bytes; another seed gives other statements")
    void isDeterministic() {
        assertThat(generate(42, 2_000)).isEqualTo(generate(42, 2_000));
        assertThat(generate(42, 2_000)).isNotEqualTo(generate(43, 2_000));
    }

    @Test
    @DisplayName("a party reports the whole front calm at most once a day (its daily summary), and calm reports are still made")
    void oneWholeFrontCalmPerPartyAndDay() {
        SyntheticGazetteer.World world = new SyntheticGazetteer.World(GazetteerFile.builtIn(), SpellingBook.builtIn());
        Map<String, Long> calmsPerPartyDay = new java.util.HashMap<>();
        // 20,000 statements over two years: about 27 a day, dense enough for several calm episodes a day.
        new StatementGenerator(world, 3).generate(20_000, statement -> {
            if (statement.getClaim() == ClaimType.CALM && statement.getLocation().isEmpty() && statement.getRevision() == 1) {
                String day = statement.getIncidentStart().toString().substring(0, 10);
                calmsPerPartyDay.merge(statement.getIssuer() + " " + day, 1L, Long::sum);
            }
        });
        assertThat(calmsPerPartyDay).hasSizeGreaterThan(500);
        assertThat(calmsPerPartyDay.values()).allSatisfy(count -> assertThat(count).isEqualTo(1L));
    }

    @Test
    @DisplayName("exactly --count statements, every one valid, with every kind of statement and episode")
    void generatesValidVariedStatements() throws IOException {
        String jsonl = new String(generate(7, 5_000), StandardCharsets.UTF_8);
        List<ParsedStatement> parsed = check(jsonl, GazetteerFile.builtIn());
        assertThat(parsed).hasSize(5_000);
        assertThat(parsed).allSatisfy(p -> assertThat(p.problems()).isEmpty());
        List<MinistryStatement> statements = parsed.stream().map(ParsedStatement::statement).toList();
        assertThat(statements).extracting(MinistryStatement::getClaim)
                .contains(ClaimType.ACCUSATION, ClaimType.DENIAL, ClaimType.CALM, ClaimType.OBSERVATION);
        assertThat(statements).extracting(MinistryStatement::getIssuer).contains("AM", "NK", "AZ", "RU-PK", "EUMA", "OSCE");
        assertThat(statements).filteredOn(s -> s.getRefersTo() != null).isNotEmpty();
        assertThat(statements).filteredOn(s -> s.getClaim() == ClaimType.DENIAL && s.getRefersTo() == null).isNotEmpty();
        assertThat(statements).filteredOn(s -> s.getRevision() > 1 && !s.getRetracted()).isNotEmpty();
        assertThat(statements).filteredOn(MinistryStatement::getRetracted).isNotEmpty();
        assertThat(statements).filteredOn(s -> !s.getCasualties().isEmpty()).isNotEmpty();
        // Running totals: a later statement of the same issuer replacing an earlier one's figures.
        java.util.Map<String, MinistryStatement> byId = new java.util.HashMap<>();
        statements.forEach(s -> byId.putIfAbsent(s.getStatementId(), s));
        assertThat(statements).filteredOn(s -> s.getUpdates() != null).isNotEmpty().allSatisfy(s -> {
            MinistryStatement updated = byId.get(s.getUpdates());
            assertThat(updated).isNotNull();
            assertThat(updated.getIssuer()).isEqualTo(s.getIssuer());
            assertThat(s.getPublishedAt()).isAfter(updated.getPublishedAt());
            assertThat(s.getTimePrecision()).isEqualTo(org.ceasefire.avro.TimePrecision.PART_OF_DAY);
        });
        assertThat(statements).filteredOn(s -> s.getClaim() != ClaimType.CALM
                && Duration.between(s.getIncidentStart(), s.getPublishedAt()).toDays() >= 2).isNotEmpty();
        assertThat(statements).extracting(s -> s.getStatementId() + "#" + s.getRevision()).doesNotHaveDuplicates();
    }

    @Test
    @DisplayName("each side writes a place in its own spelling from the gazetteer")
    void usesEachSidesSpelling() throws IOException {
        List<MinistryStatement> statements = check(new String(generate(3, 5_000), StandardCharsets.UTF_8), GazetteerFile.builtIn())
                .stream().map(ParsedStatement::statement).toList();
        assertThat(statements).filteredOn(s -> s.getIssuer().equals("AZ")).extracting(MinistryStatement::getLocation)
                .contains("Xankəndi").doesNotContain("Stepanakert", "Ստեփանակերտ");
        assertThat(statements).filteredOn(s -> s.getIssuer().equals("AM")).extracting(MinistryStatement::getLocation)
                .contains("Ստեփանակերտ").doesNotContain("Xankəndi", "Khankendi");
    }

    @Test
    @DisplayName("generate --sectors invents sectors, writes them with --gazetteer-out, and its statements validate against that file")
    void inventsSectors() throws IOException {
        Path out = dir.resolve("gen.jsonl");
        Path gazetteerOut = dir.resolve("gazetteer.json");
        CommandLine command = Main.commandLine();
        command.setErr(new PrintWriter(new StringWriter()));
        int code = command.execute("generate", "--count", "3000", "--seed", "5", "--sectors", "50",
                "--out", out.toString(), "--gazetteer-out", gazetteerOut.toString());
        assertThat(code).isEqualTo(0);
        GazetteerFile extended = GazetteerFile.read(gazetteerOut);
        assertThat(extended.conflict().sectors()).hasSize(GazetteerFile.builtIn().conflict().sectors().size() + 50);
        assertThat(extended.places()).hasSize(GazetteerFile.builtIn().places().size() + 50 * SyntheticGazetteer.PLACES_PER_SECTOR);
        List<ParsedStatement> parsed = check(Files.readString(out), extended);
        assertThat(parsed).hasSize(3000).allSatisfy(p -> assertThat(p.problems()).isEmpty());
        List<String> synthetic = extended.places().stream().filter(p -> p.getPlaceId().startsWith("syn-"))
                .flatMap(p -> p.getNames().stream()).toList();
        assertThat(parsed).extracting(p -> p.statement().getLocation()).containsAnyElementsOf(synthetic);
    }
}
