package org.ceasefire.topology;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.ceasefire.avro.Casualty;
import org.ceasefire.avro.ClaimType;
import org.ceasefire.avro.MinistryStatement;
import org.ceasefire.avro.Place;
import org.ceasefire.avro.SectorAssignment;
import org.ceasefire.conflict.ConflictDefinition;
import org.ceasefire.conflict.Party;
import org.ceasefire.conflict.Sector;
import org.ceasefire.conflict.Side;
import org.ceasefire.testdata.Statements;

/**
 * The conflict, places and statements the topology tests use. Defined here rather than read from the
 * shipped gazetteer so that corrections to that data file cannot change what these tests prove.
 */
public final class Fixtures {
    public static final String SYUNIK = "SYUNIK";
    public static final String NK_CENTRE = "NK-CENTRE";
    public static final String GEGHARKUNIK = "GEGHARKUNIK-KALBAJAR";

    public static final ConflictDefinition CONFLICT = new ConflictDefinition("AM-AZ", "Armenia–Azerbaijan",
            new Side("ARMENIAN", "Armenian side", List.of(new Party("AM", "Armenia"), new Party("NK", "Nagorno-Karabakh"))),
            new Side("AZERBAIJANI", "Azerbaijani side", List.of(new Party("AZ", "Azerbaijan"))),
            List.of(new Party("RU-PK", "Russian peacekeepers"), new Party("EUMA", "EU Monitoring Mission")),
            List.of(new Sector(SYUNIK, "Syunik"), new Sector(NK_CENTRE, "NK centre"), new Sector(GEGHARKUNIK, "Gegharkunik")));

    private Fixtures() {
    }

    public static List<Place> places() {
        return List.of(
                place("tegh", List.of("Tegh", "Տեղ", "Тех"), assignment(SYUNIK, null, null)),
                place("sotk", List.of("Sotk", "Սոթք", "Zod", "Зод"), assignment(GEGHARKUNIK, null, null)),
                place("stepanakert-khankendi", List.of("Stepanakert", "Ստեփանակերտ", "Степанакерт", "Khankendi", "Xankəndi", "Ханкенди"),
                        assignment(NK_CENTRE, null, LocalDate.parse("2023-10-01"))),
                place("shushi-shusha", List.of("Shushi", "Շուշի", "Shusha", "Şuşa", "Шуша"),
                        assignment(NK_CENTRE, null, LocalDate.parse("2023-10-01"))));
    }

    public static Place place(String id, List<String> names, SectorAssignment... sectors) {
        return new Place(id, CONFLICT.id(), new ArrayList<>(names), new ArrayList<>(List.of(sectors)), null, null, null);
    }

    public static SectorAssignment assignment(String sector, LocalDate from, LocalDate until) {
        return new SectorAssignment(sector, from, until);
    }

    public static MinistryStatement.Builder statement(String id, String issuer, ClaimType claim, String incidentStart, String location) {
        return Statements.builder(id, issuer, claim, incidentStart, location);
    }

    public static MinistryStatement accusation(String id, String issuer, String accused, String incidentStart, String location) {
        return statement(id, issuer, ClaimType.ACCUSATION, incidentStart, location).setAccused(accused).build();
    }

    public static MinistryStatement denial(String id, String issuer, String incidentStart, String location, String refersTo) {
        return statement(id, issuer, ClaimType.DENIAL, incidentStart, location).setRefersTo(refersTo).build();
    }

    public static MinistryStatement calm(String id, String issuer, String incidentStart, String incidentEnd, String location) {
        return statement(id, issuer, ClaimType.CALM, incidentStart, location)
                .setIncidentEnd(incidentEnd == null ? null : Instant.parse(incidentEnd)).build();
    }

    public static MinistryStatement observation(String id, String issuer, String incidentStart, String location) {
        return statement(id, issuer, ClaimType.OBSERVATION, incidentStart, location).build();
    }

    public static List<Casualty> casualties(Casualty... casualties) {
        return new ArrayList<>(List.of(casualties));
    }
}
