package org.ceasefire.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.ceasefire.avro.Casualty;
import org.ceasefire.avro.ClaimType;
import org.ceasefire.avro.MinistryStatement;
import org.ceasefire.conflict.GazetteerFile;
import org.ceasefire.testdata.Statements;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class StatementValidatorTest {
    private final StatementValidator validator = new StatementValidator(GazetteerFile.builtIn().conflict());

    private static MinistryStatement.Builder valid() {
        return MinistryStatement.newBuilder(Statements.teghAccusation());
    }

    private List<String> violations(MinistryStatement.Builder statement) {
        return validator.validate(statement.build()).stream().map(Violation::toString).toList();
    }

    @Test
    @DisplayName("a complete, correct accusation has no violations")
    void acceptsAValidStatement() {
        assertThat(violations(valid())).isEmpty();
    }

    @Test
    @DisplayName("a party with an end date in the conflict file (NK, until 2024-01-01) is valid before it and rejected from it on, in local days")
    void partyValidity() {
        // The conflict's days are Baku's (UTC+4): 1 January 2024 begins at 20:00 UTC on 31 December.
        MinistryStatement.Builder lastDay = valid().setIssuer("NK").setPublishedAt(java.time.Instant.parse("2023-12-31T19:59:00Z"));
        assertThat(violations(lastDay)).isEmpty();
        MinistryStatement.Builder after = valid().setIssuer("NK").setPublishedAt(java.time.Instant.parse("2023-12-31T20:00:00Z"));
        assertThat(violations(after)).containsExactly(
                "issuer: NK (Nagorno-Karabakh authorities (until 2023)) issues statements only until 2024-01-01 (exclusive); published_at is 2024-01-01");
        assertThat(violations(valid().setPublishedAt(java.time.Instant.parse("2025-06-01T00:00:00Z")))).as("AM has no end").isEmpty();
    }

    @Test
    @DisplayName("each contract rule names its field and reason")
    void namesFieldAndReason() {
        assertThat(violations(valid().setStatementId("has space"))).containsExactly("statement_id: must be 1-128 characters of A-Z a-z 0-9 . _ : -");
        assertThat(violations(valid().setStatementId("x".repeat(129)))).containsExactly("statement_id: must be 1-128 characters of A-Z a-z 0-9 . _ : -");
        assertThat(violations(valid().setRevision(0))).containsExactly("revision: must be at least 1, was 0");
        assertThat(violations(valid().setIssuer("XX"))).containsExactly("issuer: unknown party 'XX' for conflict AM-AZ");
        assertThat(violations(valid().setAccused(null))).containsExactly("accused: required for an ACCUSATION");
        assertThat(violations(valid().setAccused("AM"))).containsExactly("accused: equals the issuer AM");
        assertThat(violations(valid().setAccused("NK"))).containsExactly("accused: NK is on the issuer's own side");
        assertThat(violations(valid().setAccused("EUMA"))).containsExactly("accused: unknown party 'EUMA' for conflict AM-AZ");
        assertThat(violations(valid().setIncidentEnd(Instant.parse("2023-04-11T11:00:00Z")))).containsExactly("incident_end: is before incident_start");
        assertThat(violations(valid().setClaim(ClaimType.UNKNOWN))).containsExactly("claim: must be ACCUSATION, DENIAL, CALM or OBSERVATION");
        assertThat(violations(valid().setClaim(ClaimType.OBSERVATION))).containsExactly("claim: OBSERVATION is for neutral monitors; AM is a party of a side");
        assertThat(violations(valid().setIssuer("EUMA").setClaim(ClaimType.CALM).setAccused(null)))
                .containsExactly("claim: CALM is for parties of a side; EUMA is a neutral monitor (use OBSERVATION)");
        assertThat(violations(valid().setClaim(ClaimType.DENIAL).setAccused(null).setRefersTo("am-mod-2023-04-11-01")))
                .containsExactly("refers_to: a statement cannot answer itself");
        assertThat(violations(valid().setCasualties(List.of(new Casualty("ZZ", -1, 0, false, 0, 0)))))
                .containsExactly("casualties[0].party: unknown party 'ZZ' for conflict AM-AZ", "casualties[0].killed: must not be negative");
        assertThat(violations(valid().setText("é".repeat(40_000)))).containsExactly("text: larger than 65536 bytes");
        assertThat(violations(valid().setWeapons(List.of(" ")))).containsExactly("weapons: each weapon must be 1-64 characters");
    }

    @Test
    @DisplayName("a monitor's observation may name an accused party or none")
    void acceptsObservations() {
        assertThat(violations(valid().setIssuer("EUMA").setClaim(ClaimType.OBSERVATION).setAccused(null))).isEmpty();
        assertThat(violations(valid().setIssuer("EUMA").setClaim(ClaimType.OBSERVATION).setAccused("AZ"))).isEmpty();
    }
}
