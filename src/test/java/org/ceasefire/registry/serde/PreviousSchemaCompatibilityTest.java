package org.ceasefire.registry.serde;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.ceasefire.avro.Casualty;
import org.ceasefire.avro.ClaimContradiction;
import org.ceasefire.avro.MinistryStatement;
import org.ceasefire.avro.SectorTally;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The public schemas as they were before the casualty-update and precision fields (kept in
 * {@code src/test/resources/previous-schemas/}): data written with them reads with the current schemas, every
 * new field taking its default (BACKWARD), and readers of the previous schemas read current data (FORWARD).
 */
class PreviousSchemaCompatibilityTest {
    private static final Schema.Parser PARSER = new Schema.Parser();
    private static final Map<String, Schema> PREVIOUS = new java.util.HashMap<>();

    static {
        for (String name : List.of("ClaimType", "ContradictionKind", "PeriodKind", "Casualty", "StatementRef", "MinistryStatement",
                "SectorTally", "ClaimContradiction")) {
            try (InputStream in = PreviousSchemaCompatibilityTest.class.getResourceAsStream("/previous-schemas/" + name + ".avsc")) {
                PREVIOUS.put(name, PARSER.parse(in));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    private static Schema current(String name) {
        return switch (name) {
            case "MinistryStatement" -> MinistryStatement.getClassSchema();
            case "SectorTally" -> SectorTally.getClassSchema();
            case "ClaimContradiction" -> ClaimContradiction.getClassSchema();
            default -> throw new IllegalArgumentException(name);
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"MinistryStatement", "SectorTally", "ClaimContradiction"})
    @DisplayName("each public schema reads data of its previous version, and its previous version reads current data")
    void compatibleBothWays(String name) {
        Schema previous = PREVIOUS.get(name);
        assertThat(SchemaCompatibility.checkReaderWriterCompatibility(current(name), previous).getType())
                .isEqualTo(SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE);
        assertThat(SchemaCompatibility.checkReaderWriterCompatibility(previous, current(name)).getType())
                .isEqualTo(SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE);
    }

    @Test
    @DisplayName("a statement written with the previous schema reads with updates null, time_precision EXACT, captured and missing 0")
    void previousStatement() throws IOException {
        Schema casualty = PREVIOUS.get("Casualty");
        GenericRecord killed = new GenericRecordBuilder(casualty).set("party", "AM").set("killed", 49).set("wounded", 3).build();
        GenericRecord old = new GenericRecordBuilder(PREVIOUS.get("MinistryStatement"))
                .set("statement_id", "am-1").set("issuer", "AM").set("published_at", 1_663_050_000_000L)
                .set("incident_start", 1_663_027_500_000L)
                .set("claim", new GenericData.EnumSymbol(PREVIOUS.get("ClaimType"), "ACCUSATION"))
                .set("accused", "AZ").set("location", "Jermuk").set("casualties", List.of(killed)).build();

        MinistryStatement read = roundTrip(old, MinistryStatement.getClassSchema());
        assertThat(read.getStatementId()).isEqualTo("am-1");
        assertThat(read.getUpdates()).isNull();
        assertThat(read.getTimePrecision()).isEqualTo(org.ceasefire.avro.TimePrecision.EXACT);
        assertThat(read.getCasualties()).containsExactly(new Casualty("AM", 49, 3, false, 0, 0));
    }

    @Test
    @DisplayName("a tally written with the previous schema reads with the new maps empty and the civilian sum kept")
    void previousTally() throws IOException {
        GenericRecord old = new GenericRecordBuilder(PREVIOUS.get("SectorTally"))
                .set("sector", "SYUNIK").set("period_kind", new GenericData.EnumSymbol(PREVIOUS.get("PeriodKind"), "ALL_TIME"))
                .set("killed_claimed", Map.of("AM>AM", 49L)).set("civilian_casualties_claimed", Map.of("AM>AM", 2L)).build();

        SectorTally read = roundTrip(old, SectorTally.getClassSchema());
        assertThat(read.getKilledClaimed()).containsOnly(Map.entry("AM>AM", 49L));
        assertThat(read.getCivilianCasualtiesClaimed()).containsOnly(Map.entry("AM>AM", 2L));
        assertThat(read.getCivilianKilledClaimed()).isEmpty();
        assertThat(read.getCivilianWoundedClaimed()).isEmpty();
        assertThat(read.getCapturedClaimed()).isEmpty();
        assertThat(read.getMissingClaimed()).isEmpty();
    }

    @Test
    @DisplayName("a contradiction written with the previous schema reads with no replaced figures, EXACT and an unknown place precision")
    void previousContradiction() throws IOException {
        Schema refSchema = PREVIOUS.get("StatementRef");
        GenericRecord one = ref(refSchema, "am-1", "AM", "ARMENIAN");
        GenericRecord two = ref(refSchema, "az-1", "AZ", "AZERBAIJANI");
        GenericRecord old = new GenericRecordBuilder(PREVIOUS.get("ClaimContradiction"))
                .set("pair_id", "am-1|az-1").set("kind", new GenericData.EnumSymbol(PREVIOUS.get("ContradictionKind"), "MUTUAL_ACCUSATION"))
                .set("sector", "SYUNIK").set("incident_start", 1_663_027_500_000L).set("side_one", one).set("side_two", two).build();

        ClaimContradiction read = roundTrip(old, ClaimContradiction.getClassSchema());
        assertThat(read.getSideOne().getStatementId()).isEqualTo("am-1");
        assertThat(read.getSideOne().getCasualtiesSupersededBy()).isNull();
        assertThat(read.getSideTwo().getLatestCasualties()).isEmpty();
        assertThat(read.getTimePrecision()).isEqualTo(org.ceasefire.avro.TimePrecision.EXACT);
        assertThat(read.getPlacePrecision()).isNull();
    }

    private static GenericRecord ref(Schema schema, String id, String issuer, String side) {
        return new GenericRecordBuilder(schema).set("statement_id", id).set("issuer", issuer).set("side", side)
                .set("claim", new GenericData.EnumSymbol(PREVIOUS.get("ClaimType"), "ACCUSATION"))
                .set("published_at", 1_663_050_000_000L).set("incident_start", 1_663_027_500_000L).build();
    }

    private static <T extends SpecificRecord> T roundTrip(GenericRecord written, Schema reader) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
        new GenericDatumWriter<GenericRecord>(written.getSchema()).write(written, encoder);
        encoder.flush();
        SpecificDatumReader<T> datumReader = new SpecificDatumReader<>(written.getSchema(), reader);
        return datumReader.read(null, DecoderFactory.get().binaryDecoder(bytes.toByteArray(), null));
    }
}
