package org.ceasefire.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ceasefire.topology.Fixtures.NK_CENTRE;
import static org.ceasefire.topology.Fixtures.SYUNIK;
import static org.ceasefire.topology.Fixtures.accusation;
import static org.ceasefire.topology.Fixtures.calm;
import static org.ceasefire.topology.Fixtures.denial;
import static org.ceasefire.topology.Fixtures.observation;

import java.time.Instant;
import java.util.Map;

import org.ceasefire.avro.ClaimContradiction;
import org.ceasefire.avro.ContradictionKind;
import org.ceasefire.avro.MinistryStatement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PairingTest {
    private final TopologyHarness harness = new TopologyHarness();

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    @DisplayName("Stepanakert and Xankəndi are one place: the two sides' accusations 2 h apart form a MUTUAL_ACCUSATION in NK-CENTRE")
    void mutualAccusationAcrossSpellings() {
        harness.send(accusation("am-1", "AM", "AZ", "2023-04-11T12:00:00Z", "Stepanakert"));
        harness.send(accusation("az-1", "AZ", "AM", "2023-04-11T14:00:00Z", "Xankəndi şəhəri"));

        Map<String, ClaimContradiction> pairs = harness.contradictions();
        assertThat(pairs).containsOnlyKeys("am-1|az-1");
        ClaimContradiction pair = pairs.get("am-1|az-1");
        assertThat(pair.getKind()).isEqualTo(ContradictionKind.MUTUAL_ACCUSATION);
        assertThat(pair.getSector()).isEqualTo(NK_CENTRE);
        assertThat(pair.getIncidentStart()).isEqualTo(Instant.parse("2023-04-11T12:00:00Z"));
        assertThat(pair.getSideOne().getStatementId()).isEqualTo("am-1");
        assertThat(pair.getSideOne().getSide()).isEqualTo("ARMENIAN");
        assertThat(pair.getSideTwo().getStatementId()).isEqualTo("az-1");
        assertThat(pair.getSideTwo().getPlaceId()).isEqualTo("stepanakert-khankendi");
        assertThat(pair.getCorroborated()).isFalse();
    }

    @Test
    @DisplayName("accusations more than the pairing distance apart, or by the same side, or in different sectors do not pair")
    void noPairOutsideTheRules() {
        harness.send(accusation("am-1", "AM", "AZ", "2023-04-11T12:00:00Z", "Tegh"));
        harness.send(accusation("az-far", "AZ", "AM", "2023-04-11T18:00:01Z", "Tegh"));
        harness.send(accusation("nk-same-side", "NK", "AZ", "2023-04-11T11:00:00Z", "Tegh"));
        harness.send(accusation("az-elsewhere", "AZ", "AM", "2023-04-11T12:30:00Z", "Sotk"));

        assertThat(harness.contradictions()).isEmpty();
        assertThat(harness.tally(SYUNIK + "|DAY|2023-04-11").getUnansweredAccusations()).isEqualTo(3);
    }

    @Test
    @DisplayName("exactly the pairing distance apart still pairs (the bound is inclusive)")
    void distanceIsInclusive() {
        harness.send(accusation("am-1", "AM", "AZ", "2023-04-11T12:00:00Z", "Tegh"));
        harness.send(accusation("az-1", "AZ", "AM", "2023-04-11T18:00:00Z", "Tegh"));

        assertThat(harness.contradictions()).containsOnlyKeys("am-1|az-1");
    }

    @Test
    @DisplayName("a denial without refers_to by the accused side within the distance forms ACCUSATION_DENIED")
    void denialByTime() {
        harness.send(accusation("am-1", "AM", "AZ", "2023-04-11T12:00:00Z", "Tegh"));
        harness.send(denial("az-d", "AZ", "2023-04-11T10:00:00Z", "Тех", null));

        ClaimContradiction pair = harness.contradictions().get("am-1|az-d");
        assertThat(pair.getKind()).isEqualTo(ContradictionKind.ACCUSATION_DENIED);
        assertThat(pair.getIncidentStart()).isEqualTo(Instant.parse("2023-04-11T10:00:00Z"));
        assertThat(harness.contradictions()).hasSize(1);
    }

    @Test
    @DisplayName("a DENIAL with refers_to pairs with that accusation across days, sectors and an empty location, and only with it")
    void denialByReference() {
        harness.send(accusation("am-1", "AM", "AZ", "2023-04-11T12:00:00Z", "Tegh"));
        harness.send(accusation("am-2", "AM", "AZ", "2023-04-14T09:00:00Z", "Tegh"));
        harness.send(denial("az-d", "AZ", "2023-04-14T09:00:00Z", "", "am-1"));

        Map<String, ClaimContradiction> pairs = harness.contradictions();
        assertThat(pairs).containsOnlyKeys("am-1|az-d");
        ClaimContradiction pair = pairs.get("am-1|az-d");
        assertThat(pair.getKind()).isEqualTo(ContradictionKind.ACCUSATION_DENIED);
        assertThat(pair.getSector()).isEqualTo(SYUNIK);
        assertThat(pair.getIncidentStart()).isEqualTo(Instant.parse("2023-04-11T12:00:00Z"));
        assertThat(harness.tally(SYUNIK + "|DAY|2023-04-11").getContradictions()).containsOnly(Map.entry("ACCUSATION_DENIED", 1L));
        assertThat(harness.tally(SYUNIK + "|DAY|2023-04-11").getUnansweredAccusations()).isZero();
        assertThat(harness.tally(SYUNIK + "|DAY|2023-04-14").getUnansweredAccusations()).isEqualTo(1);
        assertThat(harness.tally("WHOLE_FRONT|DAY|2023-04-14").getDenials()).containsOnly(Map.entry("AZ", 1L));
    }

    @Test
    @DisplayName("a denial whose refers_to arrives before the accusation still pairs when the accusation comes")
    void denialBeforeAccusation() {
        harness.send(denial("az-d", "AZ", "2023-04-12T09:00:00Z", "Sotk", "am-1"));
        assertThat(harness.contradictions()).isEmpty();

        harness.send(accusation("am-1", "AM", "AZ", "2023-04-11T12:00:00Z", "Tegh"));

        assertThat(harness.contradictions()).containsOnlyKeys("am-1|az-d");
    }

    @Test
    @DisplayName("a calm report covers its own period and no more: an accusation inside it forms ACCUSATION_VS_CALM, one after it nothing")
    void calmReport() {
        harness.send(calm("az-calm", "AZ", "2023-04-11T00:00:00Z", "2023-04-11T08:00:00Z", "Tegh"));
        harness.send(accusation("am-in", "AM", "AZ", "2023-04-11T07:59:00Z", "Tegh"));
        harness.send(accusation("am-after", "AM", "AZ", "2023-04-11T08:01:00Z", "Tegh"));

        Map<String, ClaimContradiction> pairs = harness.contradictions();
        assertThat(pairs).containsOnlyKeys("am-in|az-calm");
        assertThat(pairs.get("am-in|az-calm").getKind()).isEqualTo(ContradictionKind.ACCUSATION_VS_CALM);
        assertThat(harness.tally(SYUNIK + "|DAY|2023-04-11").getUnansweredAccusations()).isEqualTo(1);
    }

    @Test
    @DisplayName("a whole-front calm report pairs with accusations in every sector but is tallied once, under WHOLE_FRONT")
    void wholeFrontCalm() {
        harness.send(calm("az-calm", "AZ", "2023-04-11T00:00:00Z", "2023-04-11T23:59:00Z", ""));
        harness.send(accusation("am-tegh", "AM", "AZ", "2023-04-11T12:00:00Z", "Tegh"));
        harness.send(accusation("am-shushi", "AM", "AZ", "2023-04-11T13:00:00Z", "Shushi"));

        Map<String, ClaimContradiction> pairs = harness.contradictions();
        assertThat(pairs).containsOnlyKeys("am-shushi|az-calm", "am-tegh|az-calm");
        assertThat(pairs.get("am-tegh|az-calm").getSector()).isEqualTo(SYUNIK);
        assertThat(pairs.get("am-shushi|az-calm").getSector()).isEqualTo(NK_CENTRE);
        assertThat(harness.tally("WHOLE_FRONT|DAY|2023-04-11").getCalmReports()).containsOnly(Map.entry("AZ", 1L));
        assertThat(harness.tally(SYUNIK + "|DAY|2023-04-11").getCalmReports()).isEmpty();
        assertThat(harness.tally(SYUNIK + "|DAY|2023-04-11").getContradictions()).containsOnly(Map.entry("ACCUSATION_VS_CALM", 1L));
    }

    @Test
    @DisplayName("a whole-front calm report arriving after the accusations finds them in every sector; retracting it withdraws every pair")
    void wholeFrontCalmAfterAccusations() {
        harness.send(accusation("am-tegh", "AM", "AZ", "2023-04-11T12:00:00Z", "Tegh"));
        harness.send(accusation("am-shushi", "AM", "AZ", "2023-04-11T13:00:00Z", "Shushi"));
        harness.send(accusation("am-sotk-other-day", "AM", "AZ", "2023-04-14T13:00:00Z", "Sotk"));
        MinistryStatement calm = calm("az-calm", "AZ", "2023-04-11T00:00:00Z", "2023-04-11T23:59:00Z", "");
        harness.send(calm);

        assertThat(harness.contradictions()).containsOnlyKeys("am-shushi|az-calm", "am-tegh|az-calm");
        assertThat(harness.tally(SYUNIK + "|DAY|2023-04-11").getUnansweredAccusations()).isZero();

        harness.send(MinistryStatement.newBuilder(calm).setRevision(2).setRetracted(true).build());
        assertThat(harness.contradictions()).isEmpty();
        assertThat(harness.tally(SYUNIK + "|DAY|2023-04-11").getContradictions()).isEmpty();
        assertThat(harness.tally(SYUNIK + "|DAY|2023-04-11").getUnansweredAccusations()).isEqualTo(1);
        assertThat(harness.tally(NK_CENTRE + "|DAY|2023-04-11").getUnansweredAccusations()).isEqualTo(1);
    }

    @Test
    @DisplayName("an observation arriving after the pair marks it corroborated and re-emits it; an unanswered accusation counts too")
    void corroborationArrivingLater() {
        harness.send(accusation("am-1", "AM", "AZ", "2023-04-11T12:00:00Z", "Tegh"));
        harness.send(denial("az-d", "AZ", "2023-04-11T12:00:00Z", "Tegh", null));
        harness.send(accusation("am-2", "AM", "AZ", "2023-04-11T20:00:00Z", "Sotk"));
        assertThat(harness.contradictions().get("am-1|az-d").getCorroborated()).isFalse();

        harness.send(observation("euma-1", "EUMA", "2023-04-11T13:00:00Z", "Tegh"));
        harness.send(observation("euma-2", "EUMA", "2023-04-11T21:00:00Z", "Zod"));

        ClaimContradiction pair = harness.contradictions().get("am-1|az-d");
        assertThat(pair.getCorroborated()).isTrue();
        assertThat(pair.getCorroboratingStatements()).containsExactly("euma-1");
        assertThat(harness.tally(SYUNIK + "|DAY|2023-04-11").getCorroborations()).isEqualTo(1);
        assertThat(harness.tally(Fixtures.GEGHARKUNIK + "|DAY|2023-04-11").getCorroborations()).isEqualTo(1);
        assertThat(harness.tally(Fixtures.GEGHARKUNIK + "|DAY|2023-04-11").getUnansweredAccusations()).isEqualTo(1);
        assertThat(harness.tally(Fixtures.GEGHARKUNIK + "|DAY|2023-04-11").getObservations()).containsOnly(Map.entry("EUMA", 1L));
    }
}
