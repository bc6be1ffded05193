package org.ceasefire.query;

import java.util.ArrayList;
import java.util.List;

import org.ceasefire.avro.Casualty;
import org.ceasefire.avro.ClaimType;
import org.ceasefire.avro.MinistryStatement;
import org.ceasefire.testdata.Statements;

/** Hand-made statements for the integration tests; places from the built-in gazetteer. */
final class ItStatements {
    private ItStatements() {
    }

    static MinistryStatement.Builder statement(String id, String issuer, ClaimType claim, String incidentStart, String location) {
        return Statements.builder(id, issuer, claim, incidentStart, location)
                .setWeapons(new ArrayList<>(List.of("small_arms")))
                .setSourceUrl("https://example.org/" + id)
                .setLanguage("en")
                .setText("Statement " + id + ".");
    }

    static MinistryStatement accusation(String id, String issuer, String accused, String incidentStart, String location) {
        return statement(id, issuer, ClaimType.ACCUSATION, incidentStart, location).setAccused(accused).build();
    }

    static MinistryStatement wounded(MinistryStatement statement, String party, int wounded) {
        return MinistryStatement.newBuilder(statement).setCasualties(new ArrayList<>(List.of(new Casualty(party, 0, wounded, false, 0, 0)))).build();
    }

    static MinistryStatement revised(MinistryStatement statement, int revision, String text) {
        return MinistryStatement.newBuilder(statement).setRevision(revision).setText(text).build();
    }
}
