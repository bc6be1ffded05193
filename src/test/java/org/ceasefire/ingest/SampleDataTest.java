package org.ceasefire.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.ceasefire.avro.ClaimType;
import org.ceasefire.avro.MinistryStatement;
import org.ceasefire.conflict.GazetteerFile;
import org.ceasefire.conflict.PlaceResolver;
import org.ceasefire.contract.StatementValidator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SampleDataTest {
    private final StatementChecker checker = new StatementChecker(new StatementValidator(GazetteerFile.builtIn().conflict()));

    private List<ParsedStatement> read(String resource, boolean csv) throws IOException {
        InputStream in = getClass().getClassLoader().getResourceAsStream(resource);
        assertThat(in).as(resource).isNotNull();
        InputLines text = new InputLines(in, InputLines.DEFAULT_MAX_LINE_BYTES);
        List<ParsedStatement> parsed = new ArrayList<>();
        try (in; RecordReader reader = csv ? new CsvReader(text, resource) : new JsonLinesReader(text, resource)) {
            RawRecord record;
            while ((record = reader.next()) != null) {
                parsed.add(checker.check(record));
            }
        }
        return parsed;
    }

    private List<MinistryStatement> sample() throws IOException {
        List<ParsedStatement> parsed = read("samples/am-az-sample.jsonl", false);
        assertThat(parsed).allSatisfy(p -> assertThat(p.problems()).isEmpty());
        return parsed.stream().map(ParsedStatement::statement).toList();
    }

    @Test
    @DisplayName("the JSON Lines sample: 42 valid statements of every claim, issuer, revision, retraction, refers_to and a late arrival")
    void sampleIsValidAndVaried() throws IOException {
        List<MinistryStatement> sample = sample();
        assertThat(sample).hasSize(42);
        assertThat(sample).extracting(MinistryStatement::getClaim)
                .contains(ClaimType.ACCUSATION, ClaimType.DENIAL, ClaimType.CALM, ClaimType.OBSERVATION);
        assertThat(sample).extracting(MinistryStatement::getIssuer).contains("AM", "AZ", "NK", "RU-PK", "EUMA");
        assertThat(sample).filteredOn(s -> s.getRevision() == 2 && !s.getRetracted()).extracting(MinistryStatement::getStatementId)
                .containsExactly("am-mod-2023-04-11-01");
        assertThat(sample).filteredOn(MinistryStatement::getRetracted).extracting(MinistryStatement::getStatementId)
                .containsExactly("az-mod-2023-06-28-01");
        assertThat(sample).filteredOn(s -> s.getRefersTo() != null).extracting(MinistryStatement::getRefersTo)
                .containsExactlyInAnyOrder("am-mod-2022-09-13-01", "az-mod-2022-06-14-01", "az-mod-2023-08-16-01");
        assertThat(sample).filteredOn(s -> Duration.between(s.getIncidentStart(), s.getPublishedAt()).toDays() >= 3)
                .extracting(MinistryStatement::getStatementId).containsExactly("nk-mod-2022-12-27-01");
        assertThat(sample).allSatisfy(s -> assertThat(s.getSourceUrl()).startsWith("https://"));
        assertThat(sample).extracting(MinistryStatement::getLanguage).contains("en", "hy", "az", "ru");
    }

    @Test
    @DisplayName("the sample's casualty figures: 4 Armenian killed and 6 wounded, 3 Azerbaijani killed near Tegh; 4 Armenian wounded, 1 Azerbaijani killed near Sotk")
    void sampleCarriesTheReportedFigures() throws IOException {
        Map<String, MinistryStatement> latest = sample().stream()
                .collect(Collectors.toMap(MinistryStatement::getStatementId, Function.identity(), (a, b) -> b.getRevision() > a.getRevision() ? b : a));
        assertThat(latest.get("am-mod-2023-04-11-01").getCasualties()).singleElement()
                .satisfies(c -> assertThat(List.of(c.getParty(), c.getKilled(), c.getWounded())).containsExactly("AM", 4, 6));
        assertThat(latest.get("az-mod-2023-04-11-01").getCasualties()).singleElement()
                .satisfies(c -> assertThat(List.of(c.getParty(), c.getKilled(), c.getWounded())).containsExactly("AZ", 3, 0));
        assertThat(latest.get("am-mod-2023-05-11-01").getCasualties()).singleElement()
                .satisfies(c -> assertThat(List.of(c.getParty(), c.getKilled(), c.getWounded())).containsExactly("AM", 0, 4));
        assertThat(latest.get("az-mod-2023-05-11-01").getCasualties()).singleElement()
                .satisfies(c -> assertThat(List.of(c.getParty(), c.getKilled(), c.getWounded())).containsExactly("AZ", 1, 0));
    }

    @Test
    @DisplayName("every sample location resolves to a place of the gazetteer with its rules (Փառուխ, Tovuzun Ağdam kəndi, Laçın rayonu ...)")
    void everyPlaceResolves() throws IOException {
        PlaceResolver resolver = new PlaceResolver(GazetteerFile.builtIn());
        assertThat(sample()).filteredOn(s -> !s.getLocation().isEmpty())
                .allSatisfy(s -> assertThat(resolver.match(s.getLocation()).places()).as(s.getLocation()).hasSize(1));
    }

    @Test
    @DisplayName("the CSV sample gives the same statements as the same lines of the JSON Lines sample")
    void csvMatchesJsonl() throws IOException {
        List<ParsedStatement> csv = read("samples/am-az-sample.csv", true);
        assertThat(csv).hasSize(8).allSatisfy(p -> assertThat(p.problems()).isEmpty());
        List<MinistryStatement> jsonl = sample();
        for (ParsedStatement row : csv) {
            MinistryStatement fromCsv = row.statement();
            assertThat(jsonl).filteredOn(s -> s.getStatementId().equals(fromCsv.getStatementId()) && s.getRevision() == fromCsv.getRevision())
                    .containsExactly(fromCsv);
        }
    }
}
