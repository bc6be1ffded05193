package org.ceasefire.registry;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;
import org.ceasefire.avro.Casualty;
import org.ceasefire.avro.ClaimType;
import org.ceasefire.avro.MinistryStatement;

/** Statements and schema versions shared by the registry's tests. */
public final class SampleStatements {

    /** Fields the "older" MinistryStatement schema lacks: added later, all with defaults. */
    public static final Set<String> FIELDS_ADDED_LATER = Set.of("source_url", "language", "text");

    private SampleStatements() {
    }

    /** A statement with every field set, about 400 bytes in Avro. */
    public static MinistryStatement full() {
        return MinistryStatement.newBuilder()
                .setStatementId("am-mod:2022-09-13:0042")
                .setRevision(2)
                .setRetracted(false)
                .setIssuer("AM")
                .setIssuerBody("Ministry of Defence of Armenia")
                .setPublishedAt(Instant.parse("2022-09-13T06:15:00Z"))
                .setIncidentStart(Instant.parse("2022-09-13T00:05:00Z"))
                .setIncidentEnd(Instant.parse("2022-09-13T04:30:00Z"))
                .setClaim(ClaimType.ACCUSATION)
                .setAccused("AZ")
                .setLocation("Jermuk direction")
                .setRefersTo(null)
                .setWeapons(List.of("artillery", "mortar", "drone"))
                .setCasualties(List.of(
                        Casualty.newBuilder().setParty("AM").setKilled(3).setWounded(7).setCivilian(false).build(),
                        Casualty.newBuilder().setParty("AM").setKilled(0).setWounded(2).setCivilian(true).build()))
                .setSourceUrl("https://mil.am/en/news/0000")
                .setLanguage("en")
                .setText("At 00:05 units of the armed forces of Azerbaijan opened fire with artillery, mortars "
                        + "and drones at positions in the Jermuk, Goris and Kapan directions. "
                        + "Three servicemen were killed and "
                        + "seven wounded; two civilians were wounded.")
                .build();
    }

    /** MinistryStatement as it was before {@link #FIELDS_ADDED_LATER} existed. */
    public static Schema olderStatementSchema() {
        Schema current = MinistryStatement.getClassSchema();
        List<Schema.Field> fields = current.getFields().stream()
                .filter(f -> !FIELDS_ADDED_LATER.contains(f.name()))
                .map(f -> new Schema.Field(f, f.schema()))
                .toList();
        return Schema.createRecord(current.getName(), current.getDoc(), current.getNamespace(), false, fields);
    }

    /** A statement written with {@link #olderStatementSchema()}. */
    public static GenericRecord older(String statementId) {
        Schema older = olderStatementSchema();
        return new GenericRecordBuilder(older)
                .set("statement_id", statementId)
                .set("issuer", "AZ")
                .set("issuer_body", "Ministry of Defence of Azerbaijan")
                .set("published_at", Instant.parse("2022-09-13T07:00:00Z").toEpochMilli())
                .set("incident_start", Instant.parse("2022-09-13T00:00:00Z").toEpochMilli())
                .set("claim", new GenericData.EnumSymbol(older.getField("claim").schema(), "ACCUSATION"))
                .set("accused", "AM")
                .set("location", "Kalbajar")
                .build();
    }
}
