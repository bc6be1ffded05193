package org.ceasefire.testdata;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.ceasefire.avro.Casualty;
import org.ceasefire.avro.ClaimType;
import org.ceasefire.avro.MinistryStatement;

/** Ready-made statements for tests. */
public final class Statements {
    private Statements() {
    }

    /** A statement with its required fields, published an hour after its incident, optional fields empty. */
    public static MinistryStatement.Builder builder(String id, String issuer, ClaimType claim, String incidentStart, String location) {
        Instant start = Instant.parse(incidentStart);
        return MinistryStatement.newBuilder()
                .setStatementId(id)
                .setRevision(1)
                .setRetracted(false)
                .setIssuer(issuer)
                .setIssuerBody(null)
                .setPublishedAt(start.plusSeconds(3600))
                .setIncidentStart(start)
                .setIncidentEnd(null)
                .setClaim(claim)
                .setAccused(null)
                .setLocation(location)
                .setRefersTo(null)
                .setWeapons(new ArrayList<>())
                .setCasualties(new ArrayList<>())
                .setSourceUrl(null)
                .setLanguage(null)
                .setText(null);
    }

    /** Armenia's accusation of 11 April 2023 near Tegh, with every optional field filled. */
    public static MinistryStatement teghAccusation() {
        return MinistryStatement.newBuilder()
                .setStatementId("am-mod-2023-04-11-01")
                .setRevision(1)
                .setRetracted(false)
                .setIssuer("AM")
                .setIssuerBody("Ministry of Defence of Armenia")
                .setPublishedAt(Instant.parse("2023-04-11T13:10:00Z"))
                .setIncidentStart(Instant.parse("2023-04-11T12:00:00Z"))
                .setIncidentEnd(Instant.parse("2023-04-11T13:00:00Z"))
                .setClaim(ClaimType.ACCUSATION)
                .setAccused("AZ")
                .setLocation("Tegh")
                .setRefersTo(null)
                .setWeapons(List.of("small_arms", "mortar"))
                .setCasualties(List.of(new Casualty("AM", 4, 6, false, 0, 0)))
                .setSourceUrl("https://mil.am/en/news/0000")
                .setLanguage("en")
                .setText("Units of the Azerbaijani armed forces opened fire at Armenian positions near Tegh.")
                .build();
    }
}
