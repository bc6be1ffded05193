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
import org.ceasefire.conflict.Area;
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

    /** The first day of the EU mission's mandate on the border (in {@link #CONFLICT}). */
    public static final LocalDate EUMA_FROM = LocalDate.parse("2023-02-20");

    /**
     * Areas of responsibility as in the shipped file, on this file's three sectors: Armenia speaks for
     * its border sectors, the NK authorities for NK-CENTRE until the line ended, Azerbaijan has no areas
     * (the whole front, the default); the Russian peacekeepers observe NK-CENTRE from 10 November 2020,
     * the EU mission the border sectors from {@link #EUMA_FROM}.
     */
    public static final ConflictDefinition CONFLICT = new ConflictDefinition("AM-AZ", "Armenia–Azerbaijan",
            new Side("ARMENIAN", "Armenian side", List.of(
                    new Party("AM", "Armenia", null, null, List.of(area(null, null, SYUNIK, GEGHARKUNIK))),
                    new Party("NK", "Nagorno-Karabakh", null, null, List.of(area(null, LocalDate.parse("2023-09-21"), NK_CENTRE))))),
            new Side("AZERBAIJANI", "Azerbaijani side", List.of(new Party("AZ", "Azerbaijan"))),
            List.of(new Party("RU-PK", "Russian peacekeepers", null, null, List.of(area(LocalDate.parse("2020-11-10"), null, NK_CENTRE))),
                    new Party("EUMA", "EU Monitoring Mission", null, null, List.of(area(EUMA_FROM, null, SYUNIK, GEGHARKUNIK)))),
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

    public static Area area(LocalDate from, LocalDate until, String... sectors) {
        return new Area(List.of(sectors), from, until, "test fixture");
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
