package org.ceasefire.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ceasefire.topology.Fixtures.SYUNIK;
import static org.ceasefire.topology.Fixtures.calm;

import java.time.Instant;
import java.util.Map;

import org.ceasefire.avro.ClaimContradiction;
import org.ceasefire.avro.ClaimType;
import org.ceasefire.avro.ContradictionKind;
import org.ceasefire.avro.MinistryStatement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Incidents are periods (incident_start..incident_end), not instants: the pairing rules of docs/architecture.md, "Pairing by time". */
class PeriodPairingTest {
    private final TopologyHarness harness = new TopologyHarness();

    @AfterEach
    void close() {
        harness.close();
    }

    private static MinistryStatement accusation(String id, String issuer, String accused, String start, String end) {
        return withEnd(Fixtures.statement(id, issuer, ClaimType.ACCUSATION, start, "Tegh").setAccused(accused), end);
    }

    private static MinistryStatement denial(String id, String issuer, String start, String end) {
        return withEnd(Fixtures.statement(id, issuer, ClaimType.DENIAL, start, "Tegh"), end);
    }

    private static MinistryStatement withEnd(MinistryStatement.Builder builder, String end) {
        return builder.setIncidentEnd(end == null ? null : Instant.parse(end)).build();
    }

    @Test
    @DisplayName("night fire from 23:40 to 06:05 and an accusation at 11:00 pair: their starts are 11 h 20 apart, their periods 4 h 55")
    void accusationsPairByTheirPeriods() {
        harness.send(accusation("am-night", "AM", "AZ", "2023-04-10T23:40:00Z", "2023-04-11T06:05:00Z"));
        harness.send(accusation("az-morning", "AZ", "AM", "2023-04-11T11:00:00Z", null));
        harness.send(accusation("az-noon", "AZ", "AM", "2023-04-11T12:05:01Z", null));

        Map<String, ClaimContradiction> pairs = harness.contradictions();
        assertThat(pairs).containsOnlyKeys("am-night|az-morning");
        assertThat(pairs.get("am-night|az-morning").getKind()).isEqualTo(ContradictionKind.MUTUAL_ACCUSATION);
        assertThat(pairs.get("am-night|az-morning").getIncidentStart()).isEqualTo(Instant.parse("2023-04-10T23:40:00Z"));
        assertThat(harness.tally(SYUNIK + "|DAY|2023-04-10").getContradictions()).containsOnly(Map.entry("MUTUAL_ACCUSATION", 1L));
        assertThat(harness.tally(SYUNIK + "|DAY|2023-04-11").getUnansweredAccusations()).isEqualTo(1);
    }

    @Test
    @DisplayName("a 36 h period found by a later short one 39 h after its start; 7 h after its end is beyond the distance")
    void longPeriodsAreFoundFromEitherSide() {
        harness.send(accusation("am-long", "AM", "AZ", "2023-04-10T00:00:00Z", "2023-04-11T12:00:00Z"));
        harness.send(accusation("az-near", "AZ", "AM", "2023-04-11T15:00:00Z", null));
        harness.send(accusation("az-far", "AZ", "AM", "2023-04-11T19:00:00Z", null));
        // And the other way round: the long one arrives after its short partner.
        harness.send(accusation("am-short", "AM", "AZ", "2023-04-13T10:00:00Z", "2023-04-13T10:30:00Z"));
        harness.send(accusation("az-long", "AZ", "AM", "2023-04-12T00:00:00Z", "2023-04-13T06:00:00Z"));

        assertThat(harness.contradictions()).containsOnlyKeys("am-long|az-near", "am-short|az-long");
    }

    @Test
    @DisplayName("a period beyond one horizon is taken as one horizon long (72 h): an accusation four days later does not pair with it")
    void periodsAreClippedToTheHorizon() {
        harness.send(accusation("am-week", "AM", "AZ", "2023-04-01T00:00:00Z", "2023-04-08T00:00:00Z"));
        harness.send(accusation("az-day-4", "AZ", "AM", "2023-04-04T05:00:00Z", null));
        harness.send(accusation("az-day-5", "AZ", "AM", "2023-04-05T00:00:00Z", null));

        assertThat(harness.contradictions()).containsOnlyKeys("am-week|az-day-4");
    }

    @Test
    @DisplayName("a denial with a period answers the accusations its period covers; without incident_end, those within the distance of it")
    void denialsByPeriod() {
        harness.send(accusation("am-night", "AM", "AZ", "2023-04-10T23:40:00Z", "2023-04-11T06:05:00Z"));
        harness.send(accusation("am-evening", "AM", "AZ", "2023-04-11T19:00:00Z", "2023-04-11T21:00:00Z"));
        // "No fire from 22:00 to 08:00": covers the night, not the evening (which starts 11 h after the denial's period ends).
        harness.send(denial("az-no-fire", "AZ", "2023-04-10T22:00:00Z", "2023-04-11T08:00:00Z"));
        // "No fire from 20:00 to 23:00": only part of the evening, so it answers nothing.
        harness.send(denial("az-partly", "AZ", "2023-04-11T20:00:00Z", "2023-04-11T23:00:00Z"));
        // A denial without incident_end, 5 h after the evening ended.
        harness.send(denial("az-instant", "AZ", "2023-04-12T02:00:00Z", null));

        Map<String, ClaimContradiction> pairs = harness.contradictions();
        assertThat(pairs).containsOnlyKeys("am-night|az-no-fire", "am-evening|az-instant");
        assertThat(pairs.values()).extracting(ClaimContradiction::getKind).containsOnly(ContradictionKind.ACCUSATION_DENIED);
    }

    @Test
    @DisplayName("a one-day calm report is not widened: an accusation at 05:00 the next day stays unanswered")
    void calmIsNotWidened() {
        harness.send(calm("az-calm", "AZ", "2023-04-11T00:00:00Z", "2023-04-12T00:00:00Z", "Tegh"));
        harness.send(accusation("am-evening", "AM", "AZ", "2023-04-11T22:00:00Z", null));
        harness.send(accusation("am-next-morning", "AM", "AZ", "2023-04-12T05:00:00Z", null));
        harness.send(accusation("am-night-before", "AM", "AZ", "2023-04-10T23:00:00Z", "2023-04-11T00:30:00Z"));

        assertThat(harness.contradictions()).containsOnlyKeys("am-evening|az-calm", "am-night-before|az-calm");
        assertThat(harness.tally(SYUNIK + "|DAY|2023-04-12").getUnansweredAccusations()).isEqualTo(1);
    }

    @Test
    @DisplayName("a calm report without incident_end covers its start instant only: an accusation whose period holds it pairs")
    void calmWithoutEndIsItsInstant() {
        harness.send(calm("az-calm", "AZ", "2023-04-11T12:00:00Z", null, "Tegh"));
        harness.send(accusation("am-around", "AM", "AZ", "2023-04-11T11:00:00Z", "2023-04-11T13:00:00Z"));
        harness.send(accusation("am-after", "AM", "AZ", "2023-04-11T12:30:00Z", null));

        assertThat(harness.contradictions()).containsOnlyKeys("am-around|az-calm");
    }

    @Test
    @DisplayName("an observation of 08:00 to 10:00 corroborates an accusation of 00:00 to 03:00 (5 h apart); one at 09:00:01 alone does not")
    void observationPeriods() {
        harness.send(accusation("am-1", "AM", "AZ", "2023-04-11T00:00:00Z", "2023-04-11T03:00:00Z"));
        harness.send(withEnd(Fixtures.statement("euma-patrol", "EUMA", ClaimType.OBSERVATION, "2023-04-11T08:00:00Z", "Tegh"),
                "2023-04-11T10:00:00Z"));
        harness.send(Fixtures.observation("euma-late", "EUMA", "2023-04-11T09:00:01Z", "Tegh"));
        harness.send(accusation("az-1", "AZ", "AM", "2023-04-11T02:00:00Z", null));

        ClaimContradiction pair = harness.contradictions().get("am-1|az-1");
        assertThat(pair.getCorroborated()).isTrue();
        assertThat(pair.getCorroboratingStatements()).containsExactly("euma-patrol");
    }
}
