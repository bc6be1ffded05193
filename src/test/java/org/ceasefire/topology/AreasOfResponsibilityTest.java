package org.ceasefire.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ceasefire.topology.Fixtures.NK_CENTRE;
import static org.ceasefire.topology.Fixtures.SYUNIK;
import static org.ceasefire.topology.Fixtures.accusation;
import static org.ceasefire.topology.Fixtures.calm;
import static org.ceasefire.topology.Fixtures.observation;

import java.util.Map;

import org.ceasefire.avro.ClaimContradiction;
import org.ceasefire.avro.ContradictionKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Who can speak for where (the areas of {@link Fixtures#CONFLICT}): a calm report covers only its issuer's
 * own front on its day, a monitor's observation corroborates only inside its mandate.
 */
class AreasOfResponsibilityTest {
    private final TopologyHarness harness = new TopologyHarness();

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    @DisplayName("Armenia's whole-front calm answers an accusation on its border (SYUNIK), not one on the Nagorno-Karabakh line")
    void armeniasCalmCoversItsBorderOnly() {
        harness.send(accusation("az-tegh", "AZ", "AM", "2023-04-11T12:00:00Z", "Tegh"));
        harness.send(calm("am-calm", "AM", "2023-04-11T00:00:00Z", "2023-04-12T00:00:00Z", ""));
        harness.send(accusation("az-shushi", "AZ", "NK", "2023-04-11T13:00:00Z", "Shushi"));
        // Placed nowhere in particular: Armenia's area is not the whole front, so its calm does not answer it either.
        harness.send(accusation("az-front", "AZ", "AM", "2023-04-11T14:00:00Z", ""));

        Map<String, ClaimContradiction> pairs = harness.contradictions();
        assertThat(pairs).containsOnlyKeys("am-calm|az-tegh");
        assertThat(pairs.get("am-calm|az-tegh").getKind()).isEqualTo(ContradictionKind.ACCUSATION_VS_CALM);
        assertThat(pairs.get("am-calm|az-tegh").getSector()).isEqualTo(SYUNIK);
        assertThat(harness.tally(NK_CENTRE + "|DAY|2023-04-11").getUnansweredAccusations()).isEqualTo(1);
        assertThat(harness.tally("WHOLE_FRONT|DAY|2023-04-11").getUnansweredAccusations()).isEqualTo(1);
        assertThat(harness.tally("WHOLE_FRONT|DAY|2023-04-11").getCalmReports()).containsOnly(Map.entry("AM", 1L));
    }

    @Test
    @DisplayName("Azerbaijan (no areas: the whole front) answers accusations in every sector and one placed nowhere in particular")
    void issuerWithoutAreasSpeaksForTheWholeFront() {
        harness.send(calm("az-calm", "AZ", "2023-04-11T00:00:00Z", "2023-04-12T00:00:00Z", ""));
        harness.send(accusation("am-tegh", "AM", "AZ", "2023-04-11T12:00:00Z", "Tegh"));
        harness.send(accusation("nk-shushi", "NK", "AZ", "2023-04-11T13:00:00Z", "Shushi"));
        harness.send(accusation("am-front", "AM", "AZ", "2023-04-11T14:00:00Z", ""));

        assertThat(harness.contradictions()).containsOnlyKeys("am-tegh|az-calm", "az-calm|nk-shushi", "am-front|az-calm");
    }

    @Test
    @DisplayName("a calm placed in a sector outside its issuer's area pairs with nothing, and is still tallied there")
    void calmOutsideTheAreaPairsWithNothing() {
        harness.send(calm("am-calm-shushi", "AM", "2023-04-11T00:00:00Z", "2023-04-12T00:00:00Z", "Shushi"));
        harness.send(accusation("az-shushi", "AZ", "NK", "2023-04-11T13:00:00Z", "Shushi"));

        assertThat(harness.contradictions()).isEmpty();
        assertThat(harness.tally(NK_CENTRE + "|DAY|2023-04-11").getCalmReports()).containsOnly(Map.entry("AM", 1L));
        assertThat(harness.tally(NK_CENTRE + "|DAY|2023-04-11").getUnansweredAccusations()).isEqualTo(1);
    }

    @Test
    @DisplayName("the NK authorities speak for NK-CENTRE until the line ended (21 September 2023), not after")
    void areasHaveDates() {
        harness.send(calm("nk-calm-before", "NK", "2023-09-19T00:00:00Z", "2023-09-20T00:00:00Z", "Stepanakert"));
        harness.send(accusation("az-before", "AZ", "NK", "2023-09-19T10:00:00Z", "Xankəndi"));
        harness.send(calm("nk-calm-after", "NK", "2023-09-22T00:00:00Z", "2023-09-23T00:00:00Z", "Stepanakert"));
        harness.send(accusation("az-after", "AZ", "NK", "2023-09-22T10:00:00Z", "Xankəndi"));

        assertThat(harness.contradictions()).containsOnlyKeys("az-before|nk-calm-before");
    }

    @Test
    @DisplayName("EUMA corroborates on the border from 20 February 2023, not before and never in NK-CENTRE; the peacekeepers do in NK-CENTRE")
    void observationsOnlyInsideTheMandate() {
        harness.send(accusation("am-feb-19", "AM", "AZ", "2023-02-19T12:00:00Z", "Tegh"));
        harness.send(observation("euma-feb-19", "EUMA", "2023-02-19T12:30:00Z", "Tegh"));
        harness.send(accusation("am-feb-20", "AM", "AZ", "2023-02-20T12:00:00Z", "Tegh"));
        harness.send(observation("euma-feb-20", "EUMA", "2023-02-20T12:30:00Z", "Tegh"));
        harness.send(accusation("nk-shushi", "NK", "AZ", "2023-04-11T12:00:00Z", "Shushi"));
        harness.send(observation("euma-shushi", "EUMA", "2023-04-11T12:30:00Z", "Shushi"));
        harness.send(accusation("az-shushi", "AZ", "NK", "2023-04-11T12:10:00Z", "Shushi"));

        assertThat(harness.contradictions().get("az-shushi|nk-shushi").getCorroborated()).isFalse();
        assertThat(harness.tally(SYUNIK + "|DAY|2023-02-19").getCorroborations()).isZero();
        assertThat(harness.tally(SYUNIK + "|DAY|2023-02-20").getCorroborations()).isEqualTo(1);

        harness.send(observation("ru-pk-shushi", "RU-PK", "2023-04-11T12:40:00Z", "Shushi"));

        ClaimContradiction pair = harness.contradictions().get("az-shushi|nk-shushi");
        assertThat(pair.getCorroborated()).isTrue();
        assertThat(pair.getCorroboratingStatements()).containsExactly("ru-pk-shushi");
        assertThat(harness.tally(NK_CENTRE + "|DAY|2023-04-11").getCorroborations()).isEqualTo(1);
    }
}
